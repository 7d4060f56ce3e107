/** Punctuation that may not begin a line (GB/T 15834 practice): it stays on the line before. */
const noLineStart = new Set([...'，。、；：？！）》」』”’%,.;:?!)]']);

/**
 * Lines of at most `width` (by `measure`) from one paragraph. Chinese may
 * break between any two characters; a run of ASCII letters and digits (a
 * number, a percentage, a year) is kept whole; a space at a break is dropped;
 * closing punctuation hangs on the line it follows rather than starting one.
 * A single token wider than the line is left whole on its own line.
 */
export function wrapLines(text: string, width: number, measure: (text: string) => number): string[] {
  const tokens = text.match(/[\x21-\x7e]+| +|[^\x20-\x7e]/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (!line || measure(candidate) <= width || noLineStart.has(token)) {
      line = candidate;
      continue;
    }
    lines.push(line.trimEnd());
    line = token.trimStart();
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
