import type { ApiError } from './errors';

/** A form's fields by name, or a function from an error path to the field it belongs to. */
export type FieldsOf = readonly string[] | ((path: string) => string | undefined);

/**
 * Splits an API error into messages for the form's own fields (a detail whose path is
 * `body.<field>` or `<field>`, or whatever `fields` maps it to) and a banner for the rest, so
 * the user sees each problem where they can fix it.
 */
export function splitApiError(
  error: Pick<ApiError, 'message' | 'details'>,
  fields: FieldsOf,
): { fields: Record<string, string>; banner?: string } {
  const fieldOf =
    typeof fields === 'function'
      ? fields
      : (path: string) => {
          const name = path.replace(/^body\./, '');
          return fields.includes(name) ? name : undefined;
        };
  const out: Record<string, string> = {};
  const rest: string[] = [];
  for (const detail of error.details) {
    const field = fieldOf(detail.path);
    if (field && !out[field]) out[field] = detail.message;
    else rest.push(detail.message);
  }
  const banner =
    Object.keys(out).length === 0 ? [error.message, ...rest].join('；') : rest.join('；') || undefined;
  return { fields: out, banner };
}
