import { deflateSync } from 'node:zlib';
import { Canvas } from './canvas';
import { PdfFile } from './file';
import type { PdfFont } from './font';
import { num, pdfDate, ref, textString } from './syntax';

/** A4 in points (ISO 216: 210 × 297 mm). */
export const a4 = { width: 595.28, height: 841.89 } as const;

export interface DocumentInfo {
  title: string;
  subject: string;
  producer: string;
  createdAt: Date;
  /** BCP 47, the Catalog's /Lang (what a screen reader speaks the text as). */
  lang: string;
}

/**
 * A PDF of A4 pages in one font: pages are added as the layout needs them
 * and drawn on through their Canvas; `bytes()` writes the file — each page's
 * content a Flate stream, the font once, the opacities as ExtGStates shared
 * by every page, the Info dictionary and a Catalog with /Lang.
 */
export class PdfDocument {
  private readonly canvases: Canvas[] = [];
  private readonly opacities = new Map<number, string>();

  constructor(readonly font: PdfFont) {}

  addPage(): Canvas {
    const canvas = new Canvas(this.font, a4.height, (opacity) => {
      const key = Math.round(opacity * 1000) / 1000;
      let name = this.opacities.get(key);
      if (!name) {
        name = `GS${this.opacities.size + 1}`;
        this.opacities.set(key, name);
      }
      return name;
    });
    this.canvases.push(canvas);
    return canvas;
  }

  bytes(info: DocumentInfo): Buffer {
    const pdf = new PdfFile();
    const font = this.font.embed(pdf);
    const states = [...this.opacities].map(
      ([opacity, name]) => `/${name} << /Type /ExtGState /ca ${num(opacity)} /CA ${num(opacity)} >>`,
    );
    const resources = `<< /Font << /F1 ${ref(font)} >> /ExtGState << ${states.join(' ')} >> >>`;
    const pagesId = pdf.reserve();
    const pages = this.canvases.map((canvas) => {
      const content = deflateSync(Buffer.from(canvas.content, 'latin1'));
      const stream = pdf.add(`<< /Length ${content.length} /Filter /FlateDecode >>`, content);
      return pdf.add(
        `<< /Type /Page /Parent ${ref(pagesId)} /MediaBox [0 0 ${num(a4.width)} ${num(a4.height)}] ` +
          `/Resources ${resources} /Contents ${ref(stream)} >>`,
      );
    });
    pdf.set(pagesId, `<< /Type /Pages /Kids [${pages.map(ref).join(' ')}] /Count ${pages.length} >>`);
    const catalog = pdf.add(`<< /Type /Catalog /Pages ${ref(pagesId)} /Lang ${textString(info.lang)} >>`);
    const infoId = pdf.add(
      `<< /Title ${textString(info.title)} /Subject ${textString(info.subject)} ` +
        `/Producer ${textString(info.producer)} /CreationDate ${pdfDate(info.createdAt)} >>`,
    );
    return pdf.bytes(catalog, infoId);
  }
}
