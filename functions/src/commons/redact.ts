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

/**
 * How an `Error` becomes loggable data. The logger passes its own formatter (Powertools'
 * `formatError`: name, location, message, stack, cause), so an error is redacted AFTER it
 * is formatted: the 5xx path — always a bug — keeps the stack and the cause that find it.
 */
export type ErrorFormat = (error: Error) => Record<string, unknown>;

const plainError: ErrorFormat = (error) => ({
  name: error.name,
  message: error.message,
  stack: error.stack,
  cause: error.cause instanceof Error ? plainError(error.cause) : error.cause,
});

export function redact(value: unknown, formatError: ErrorFormat = plainError, depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, formatError, depth + 1));
  if (value instanceof Error) return redactFormattedError(formatError(value), formatError, depth);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] =
        sensitiveKey.test(key) && item !== undefined ? '[redacted]' : redact(item, formatError, depth + 1);
    }
    return out;
  }
  return value;
}

/**
 * A formatted error's own fields are code, not personal data: its `name` is the class
 * (the sensitive-key rule would hide it), message, location and stack are free text
 * (scrubbed line by line: the stack's first line repeats the message), and the cause is
 * another formatted error. Any other field an error carries is redacted like all data.
 */
function redactFormattedError(formatted: Record<string, unknown>, formatError: ErrorFormat, depth: number) {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(formatted)) {
    if (key === 'name' || key === 'message' || key === 'location' || key === 'stack') {
      out[key] = redact(item, formatError, depth + 1);
    } else if (key === 'cause' && item && typeof item === 'object' && !(item instanceof Error)) {
      out[key] = redactFormattedError(item as Record<string, unknown>, formatError, depth + 1);
    } else {
      out[key] =
        sensitiveKey.test(key) && item !== undefined ? '[redacted]' : redact(item, formatError, depth + 1);
    }
  }
  return out;
}
