/**
 * The PDF file structure (ISO 32000-1 §7.5): the header, numbered indirect
 * objects, the cross-reference table of their byte offsets and the trailer.
 * Object bodies are written as given (dictionaries as text, streams as bytes);
 * every text string in them is hex (syntax.ts), so a body is plain ASCII
 * outside its stream data.
 */
export class PdfFile {
  private readonly bodies: (Buffer | undefined)[] = [];

  /** A number for an object written later (a page names its parent before the parent is known). */
  reserve(): number {
    this.bodies.push(undefined);
    return this.bodies.length;
  }

  add(dictionary: string, stream?: Buffer): number {
    const id = this.reserve();
    this.set(id, dictionary, stream);
    return id;
  }

  set(id: number, dictionary: string, stream?: Buffer): void {
    this.bodies[id - 1] = stream
      ? Buffer.concat([Buffer.from(`${dictionary}\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream')])
      : Buffer.from(dictionary, 'latin1');
  }

  /** The whole file. `root` is the Catalog, `info` the document information dictionary. */
  bytes(root: number, info: number): Buffer {
    // The binary comment line tells transfer tools the file is not text (§7.5.2).
    const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let length = chunks[0]?.length ?? 0;
    const offsets = this.bodies.map((body, index) => {
      if (!body) throw new Error(`PdfFile: object ${index + 1} was reserved but never written`);
      const offset = length;
      const chunk = Buffer.concat([
        Buffer.from(`${index + 1} 0 obj\n`, 'latin1'),
        body,
        Buffer.from('\nendobj\n'),
      ]);
      chunks.push(chunk);
      length += chunk.length;
      return offset;
    });
    // Each xref entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, CR LF.
    const xref = [
      'xref',
      `0 ${offsets.length + 1}`,
      '0000000000 65535 f\r',
      ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n\r`),
      'trailer',
      `<< /Size ${offsets.length + 1} /Root ${root} 0 R /Info ${info} 0 R >>`,
      'startxref',
      String(length),
      '%%EOF',
      '',
    ].join('\n');
    chunks.push(Buffer.from(xref, 'latin1'));
    return Buffer.concat(chunks);
  }
}
