/**
 * Builds a request URL from a contract path like `/v1/childcare/slots/{slotId}/bookings`.
 * Pure, so it is unit-tested without Taro.
 */
export function buildUrl(
  base: string,
  path: string,
  params?: Record<string, unknown>,
  query?: Record<string, unknown>,
): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') {
      throw new Error(`missing path parameter ${name} for ${path}`);
    }
    return encodeURIComponent(String(value));
  });
  return `${base.replace(/\/+$/, '')}${filled}${queryString(query)}`;
}

/** Skips undefined values so optional filters can be passed through as they are. */
export function queryString(query?: Record<string, unknown>): string {
  if (!query) return '';
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}
