import { type ApiError, isApiError } from '../api/errors';
import { type FieldsOf, splitApiError } from '../api/field-errors';

/** What a failed submit shows: messages under the form's own fields, and a banner for the rest. */
export interface Failure {
  fields: Record<string, string>;
  banner?: string;
}

/** How a form reads an API error: by default its `details[].path` against the form's field names. */
export type ErrorMapper = (error: ApiError) => Failure;

export function byFields(fields: FieldsOf): ErrorMapper {
  return (error) => splitApiError(error, fields);
}

/**
 * Any error a submit can throw, as the form shows it: an API error through the form's mapper,
 * anything else (a bug, a failed face check that threw) as the form's own fallback sentence —
 * never a stack or an English message in front of the user.
 */
export function failureOf(error: unknown, map: ErrorMapper, fallback: string): Failure {
  if (isApiError(error)) return map(error);
  return { fields: {}, banner: fallback };
}
