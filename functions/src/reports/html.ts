import type { ReportSection } from './charts';
import { figureToSvg } from './svg';

const escapeHtml = (value: string | number) =>
  String(value).replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
  );

export interface ReportDocument {
  title: string;
  subtitle: string;
  commentary: string[];
  sections: ReportSection[];
  footer: string;
}

/**
 * The HTML report: one self-contained page, each chart inline as SVG drawn
 * from its figure (no script, no external resource), each with its table.
 * Every value is escaped, here and in `figureToSvg`.
 */
export function renderHtml(doc: ReportDocument): string {
  const sections = doc.sections
    .map(
      (section) => `<section>
<h2>${escapeHtml(section.title)}</h2>
<figure>${figureToSvg(section.figure, section.title)}</figure>
<table><thead><tr>${section.table.head.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr></thead>
<tbody>${section.table.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('\n')}</tbody></table>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>
body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:760px;margin:24px auto;padding:0 16px;color:#222;line-height:1.6}
h1{font-size:24px;text-align:center;margin-bottom:4px}
.subtitle{text-align:center;color:#666;margin-top:0}
h2{font-size:18px;border-left:4px solid #c0392b;padding-left:8px;margin-top:32px}
figure{margin:8px 0}figure svg{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}
th{background:#f6f6f6}
.commentary{background:#fdf6f5;border:1px solid #f0d5d1;padding:8px 16px}
footer{color:#888;font-size:12px;margin-top:32px}
</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
<p class="subtitle">${escapeHtml(doc.subtitle)}</p>
<section class="commentary"><h2>分析摘要</h2>
${doc.commentary.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
</section>
${sections}
<footer>${escapeHtml(doc.footer)}</footer>
</body>
</html>
`;
}
