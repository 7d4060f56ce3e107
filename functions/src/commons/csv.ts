/**
 * A whole CSV text (RFC 4180) as rows of trimmed fields: quoted fields may hold commas, line
 * breaks and doubled quotes; records end at LF, CRLF or CR; empty lines are skipped and rows may
 * differ in length. A stray quote, text after a closing quote or an unclosed quote throws.
 * For the small files staff upload in one request (the known-operator list, decision 0034): the
 * csv-parse package it replaces was ≈ 30 KiB of the staff bundle (decision 0026); population
 * imports stream through csv-parse in their own worker.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(quoted ? field : field.trim());
    field = '';
    quoted = false;
  };
  const endRow = () => {
    // An empty line (no delimiter, no quotes, nothing but spaces) is skipped.
    const blank = row.length === 0 && !quoted && field.trim() === '';
    endField();
    if (!blank) rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"') {
      if (quoted || field.trim() !== '') throw new Error(`CSV: a quote inside a field (offset ${i})`);
      const close = readQuoted(text, i + 1);
      field = close.value;
      quoted = true;
      i = close.end;
      // Only spaces may follow the closing quote before the delimiter.
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (i < text.length && !',\r\n'.includes(text[i] as string))
        throw new Error(`CSV: text after a closing quote (offset ${i})`);
      continue;
    }
    if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      endRow();
      if (char === '\r' && text[i + 1] === '\n') i++;
    } else field += char;
    i++;
  }
  if (field !== '' || quoted || row.length > 0) endRow();
  return rows;
}

/** The text of a quoted field starting at `from` (after its opening quote), and where it ends. */
function readQuoted(text: string, from: number): { value: string; end: number } {
  let value = '';
  let i = from;
  for (;;) {
    const close = text.indexOf('"', i);
    if (close < 0) throw new Error('CSV: a quoted field is not closed');
    value += text.slice(i, close);
    if (text[close + 1] !== '"') return { value, end: close + 1 };
    value += '"';
    i = close + 2;
  }
}
