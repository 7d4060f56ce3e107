import type { ReportSection } from './charts';
import { reportFont } from './font';
import type { ReportDocument } from './html';
import { PdfDocument } from './pdf/document';
import { drawFigure } from './pdf/figure';
import { Flow } from './pdf/flow';

const margin = 48;
const rowHeight = 16;
const black = '#000000';

/**
 * The PDF report, written by our own small PDF writer (./pdf/, decision 0043)
 * in the report font — Noto Sans SC subset at build time to the characters a
 * report can contain (scripts/build-report-font.ts): the title, the
 * commentary, then each section's title, figure (its shapes scaled to the
 * content width) and table, and the footer.
 */
export async function renderPdf(doc: ReportDocument, createdAt: Date): Promise<Buffer> {
  const pdf = new PdfDocument(reportFont());
  const flow = new Flow(pdf, margin);

  flow.paragraph(doc.title, 20, black, 'center');
  flow.down(0.3, 20);
  flow.paragraph(doc.subtitle, 11, '#666666', 'center');
  flow.down(1, 11);
  flow.paragraph('分析摘要', 14, black);
  flow.down(0.3, 14);
  for (const line of doc.commentary) {
    flow.paragraph(line, 11, black);
    flow.down(0.2, 11);
  }

  for (const section of doc.sections) {
    const figureHeight = (section.figure.height * flow.width) / section.figure.width;
    const tableHeight = (section.table.rows.length + 1) * rowHeight;
    flow.keep(24 + figureHeight + tableHeight);
    flow.down(0.8, 11);
    flow.paragraph(section.title, 14, black);
    flow.y += 4;
    flow.y += drawFigure(flow.page, section.figure, margin, flow.y, flow.width);
    flow.y += 6;
    drawTable(flow, pdf, section.table);
  }
  flow.down(1, 9);
  flow.paragraph(doc.footer, 9, '#888888');

  return pdf.bytes({
    title: doc.title,
    subject: doc.subtitle,
    producer: '洪家 Hongjia',
    createdAt,
    lang: 'zh-CN',
  });
}

/** The section's table: a shaded head row, rules between rows, numbers right-aligned; rows continue on a new page. */
function drawTable(flow: Flow, pdf: PdfDocument, table: ReportSection['table']) {
  const size = 9;
  const columns = table.head.length;
  const first = Math.min(120, flow.width / columns + 20);
  const rest = (flow.width - first) / Math.max(1, columns - 1);
  // The text's capital height centred in the row.
  const baseline = (rowHeight + (pdf.font.metrics.capHeight * size) / pdf.font.metrics.unitsPerEm) / 2;
  for (const [index, row] of [table.head, ...table.rows.map((cells) => cells.map(String))].entries()) {
    flow.keep(rowHeight);
    const y = flow.y;
    if (index === 0) flow.page.rect(margin, y, flow.width, rowHeight, '#f2f2f2');
    let x = margin;
    row.forEach((cell, column) => {
      const width = column === 0 ? first : rest;
      if (column === 0) flow.page.text(cell, x + 4, y + baseline, size, black, 'start');
      else flow.page.text(cell, x + width - 4, y + baseline, size, black, 'end');
      x += width;
    });
    flow.page.line([margin, y + rowHeight], [margin + flow.width, y + rowHeight], '#bbbbbb', 0.5);
    flow.y += rowHeight;
  }
  flow.y += 4;
}
