import type { ApiError } from './errors';

/**
 * Splits an API error into messages for the form's own fields (a detail whose path is
 * `body.<field>` or `<field>`) and a banner for the rest, so the user sees each problem where
 * they can fix it.
 */
export function splitApiError(
  error: Pick<ApiError, 'message' | 'details'>,
  fields: readonly string[],
): { fields: Record<string, string>; banner?: string } {
  const out: Record<string, string> = {};
  const rest: string[] = [];
  for (const detail of error.details) {
    const path = detail.path.replace(/^body\./, '');
    if (fields.includes(path) && !out[path]) out[path] = detail.message;
    else rest.push(detail.message);
  }
  const banner =
    Object.keys(out).length === 0 ? [error.message, ...rest].join('；') : rest.join('；') || undefined;
  return { fields: out, banner };
}
