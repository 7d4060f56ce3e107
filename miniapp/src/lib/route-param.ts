/**
 * A page parameter as text. WeChat hands query values over still percent-encoded, h5 decoded;
 * decoding once more is harmless for our values (ids, dates, names without a literal '%').
 */
export function routeParam(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
