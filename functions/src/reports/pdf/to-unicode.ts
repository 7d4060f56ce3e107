/**
 * The ToUnicode CMap (ISO 32000-1 §9.10.3) of an Identity-H font: each 2-byte
 * glyph id → the character it was written from, as UTF-16BE hex. It is what
 * text extraction, search and copy read; without it a viewer sees glyph ids.
 */
export function toUnicodeCMap(glyphs: Record<string, number>): string {
  const byGlyph = new Map<number, string>();
  for (const [char, id] of Object.entries(glyphs)) if (!byGlyph.has(id)) byGlyph.set(id, char);
  const entries = [...byGlyph].sort(([a], [b]) => a - b);
  const hex = (id: number) => id.toString(16).toUpperCase().padStart(4, '0');
  const utf16 = (char: string) => Buffer.from(char, 'utf16le').swap16().toString('hex').toUpperCase();
  const blocks: string[] = [];
  // At most 100 mappings per bfchar block (§9.10.3).
  for (let start = 0; start < entries.length; start += 100) {
    const block = entries.slice(start, start + 100);
    blocks.push(
      `${block.length} beginbfchar\n${block.map(([id, char]) => `<${hex(id)}> <${utf16(char)}>`).join('\n')}\nendbfchar`,
    );
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdef /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
