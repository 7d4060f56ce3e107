import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { chartSize } from './charts';
import { reportFont } from './font';
import type { ReportDocument } from './html';
import { figureToSvg } from './svg';

const page = { size: 'A4', margin: 48, width: 595.28, height: 841.89 } as const;
const contentWidth = page.width - page.margin * 2;
const chartHeight = (contentWidth * chartSize.height) / chartSize.width;
const rowHeight = 16;
const cjk = 'NotoSansSC';

/**
 * The PDF report: pdfkit with Noto Sans SC registered and used for every
 * string (and for every text of the SVGs, through svg-to-pdfkit's font
 * callback), so the standard fonts — whose metrics pdfkit reads from files a
 * bundle does not carry — are never loaded. pdfkit embeds the font as a
 * subset of the glyphs drawn, with a ToUnicode map so the text extracts.
 */
export async function renderPdf(doc: ReportDocument, createdAt: Date): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: page.size,
    margin: page.margin,
    font: null as unknown as string,
    info: { Title: doc.title, Subject: doc.subtitle, Producer: '洪家 Hongjia', CreationDate: createdAt },
    lang: 'zh-CN',
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont(cjk, reportFont());
  pdf.font(cjk);

  pdf.fontSize(20).text(doc.title, { align: 'center' });
  pdf.moveDown(0.3).fontSize(11).fillColor('#666666').text(doc.subtitle, { align: 'center' });
  pdf.fillColor('#000000').moveDown(1).fontSize(14).text('分析摘要');
  pdf.moveDown(0.3).fontSize(11);
  for (const line of doc.commentary) pdf.text(line, { width: contentWidth }).moveDown(0.2);

  for (const section of doc.sections) {
    const tableHeight = (section.table.rows.length + 1) * rowHeight;
    if (pdf.y + 24 + chartHeight + tableHeight > page.height - page.margin) pdf.addPage();
    pdf.moveDown(0.8).fontSize(14).fillColor('#000000').text(section.title, page.margin);
    const top = pdf.y + 4;
    // Stop-gap until the PDF draws `section.figure` itself (issue 13): the figure's SVG.
    SVGtoPDF(pdf, figureToSvg(section.figure, section.title), page.margin, top, {
      width: contentWidth,
      height: chartHeight,
      preserveAspectRatio: 'xMidYMid meet',
      fontCallback: () => cjk,
    });
    pdf.font(cjk);
    drawTable(pdf, section.table, top + chartHeight + 6);
  }
  pdf.moveDown(1).fontSize(9).fillColor('#888888').text(doc.footer, page.margin);
  pdf.end();
  return done;
}

function drawTable(
  pdf: PDFKit.PDFDocument,
  table: { head: string[]; rows: (string | number)[][] },
  top: number,
) {
  const columns = table.head.length;
  const first = Math.min(120, contentWidth / columns + 20);
  const rest = (contentWidth - first) / Math.max(1, columns - 1);
  let y = top;
  pdf.fontSize(9).lineWidth(0.5).strokeColor('#bbbbbb');
  for (const [index, row] of [table.head, ...table.rows.map((cells) => cells.map(String))].entries()) {
    if (y + rowHeight > page.height - page.margin) {
      pdf.addPage();
      y = page.margin;
    }
    if (index === 0) pdf.rect(page.margin, y, contentWidth, rowHeight).fillColor('#f2f2f2').fill();
    pdf.fillColor('#000000');
    let x = page.margin;
    row.forEach((cell, column) => {
      const width = column === 0 ? first : rest;
      pdf.text(String(cell), x + 4, y + 4, {
        width: width - 8,
        height: rowHeight,
        align: column === 0 ? 'left' : 'right',
        lineBreak: false,
      });
      x += width;
    });
    pdf
      .moveTo(page.margin, y + rowHeight)
      .lineTo(page.margin + contentWidth, y + rowHeight)
      .stroke();
    y += rowHeight;
  }
  pdf.x = page.margin;
  pdf.y = y + 4;
}
