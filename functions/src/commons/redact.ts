/**
 * Personal data must never reach a log line (DEVELOPERS.md, SPEC §4). Values of
 * sensitive keys are replaced whole; free text is scrubbed of anything shaped
 * like a resident ID number, a mainland mobile number or a bearer token.
 */
const sensitiveKey =
  /(id_?number|idcard|phone|mobile|token|authorization|cookie|secret|password|openid|session_?key|^code$|name$)/i;

const patterns: [RegExp, string][] = [
  [/\b\d{17}[\dXx]\b/g, '[id-number]'],
  [/\b1[3-9]\d{9}\b/g, '[phone]'],
  [/Bearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer [token]'],
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '[jwt]'],
];

export function redactText(text: string): string {
  return patterns.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message) };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = sensitiveKey.test(key) && item !== undefined ? '[redacted]' : redact(item, depth + 1);
    }
    return out;
  }
  return value;
}
