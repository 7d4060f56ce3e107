/** PDF object syntax (ISO 32000-1 §7.3) for the few values the writer emits. */

/** A reference to indirect object `id`. */
export const ref = (id: number) => `${id} 0 R`;

/** A number as PDF writes it: at most three decimals, no exponent, no "-0". */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`PDF: not a finite number: ${value}`);
  const rounded = Math.round(value * 1000) / 1000;
  return String(rounded === 0 ? 0 : rounded);
}

/** A text string (§7.9.2.2) as UTF-16BE with its byte-order mark, hex-encoded: any Unicode, ASCII bytes only. */
export function textString(value: string): string {
  const utf16 = Buffer.from(`\ufeff${value}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}

/** A date (§7.9.4): D:YYYYMMDDHHmmSSZ, in UTC. */
export function pdfDate(date: Date): string {
  const digits = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `(D:${digits}Z)`;
}

/** `#rrggbb` → the three operands of `rg`/`RG`. */
export function rgb(colour: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!match) throw new Error(`PDF: not a #rrggbb colour: ${colour}`);
  return match
    .slice(1)
    .map((hex) => num(Number.parseInt(hex, 16) / 255))
    .join(' ');
}
