import { useRef, useState } from 'react';
import { type ApiError, isApiError } from '../api/errors';
import type { FieldsOf } from '../api/field-errors';
import { byFields, type ErrorMapper, type Failure, failureOf } from './failure';

/** Field errors by name; with no names given, any path (the registration's `mother.idNumber`). */
export type FieldErrors<F extends string> = string extends F
  ? Record<string, string>
  : Partial<Record<F, string>>;

export interface SubmitOptions {
  /**
   * The form's field names (an error detail at `body.<name>` or `<name>` shows under that
   * field), or a function from an error path to the field it belongs to.
   */
  fields?: FieldsOf;
  /** Instead of `fields`, when the mapping needs more than a field (the registration's steps). */
  mapError?: ErrorMapper;
  /** The banner for a failure that is not an API error. */
  fallback?: string;
}

export interface RunOptions {
  /** The page's own answer to some codes (SLOT_FULL, CONFLICT…): return true when handled. */
  onApiError?: (error: ApiError) => boolean | undefined;
  /** Overrides the form's fallback sentence for this action. */
  fallback?: string;
  /** Where the failure goes when the page, not this form, shows it (a card's action, a dialog). */
  onFailure?: (failure: Failure) => void;
}

/**
 * One form's submit state: busy while a request is out (a second tap is ignored, not sent),
 * the banner, and the field errors from the API error envelope. Pages keep their own checks
 * before sending and their own success handling; `run` owns the try/catch/finally that every
 * form used to write again.
 */
export function useSubmit<F extends string = string>(options: SubmitOptions = {}) {
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<string>();
  const [errors, setErrors] = useState<FieldErrors<F>>({} as FieldErrors<F>);
  const inFlight = useRef(false);
  const map = options.mapError ?? byFields(options.fields ?? []);

  /** Runs `task`, one at a time; resolves true when it finished without throwing. */
  async function run(task: () => Promise<unknown>, runOptions: RunOptions = {}): Promise<boolean> {
    if (inFlight.current) return false;
    inFlight.current = true;
    setBusy(true);
    setBanner(undefined);
    try {
      await task();
      return true;
    } catch (error) {
      if (isApiError(error) && runOptions.onApiError?.(error)) return false;
      const fallback = runOptions.fallback ?? options.fallback ?? '操作失败，请稍后再试';
      const failure = failureOf(error, map, fallback);
      if (runOptions.onFailure) runOptions.onFailure(failure);
      else {
        setErrors(failure.fields as FieldErrors<F>);
        setBanner(failure.banner);
      }
      return false;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  /** Drops the errors of the fields just edited (a field's message goes once it is changed). */
  function clearErrors(keys: readonly string[]) {
    setErrors((current) => {
      const next: Record<string, string | undefined> = { ...current };
      for (const key of keys) {
        for (const path of Object.keys(next)) {
          if (path === key || path.startsWith(`${key}.`)) delete next[path];
        }
      }
      return next as FieldErrors<F>;
    });
  }

  return { busy, banner, setBanner, errors, setErrors, clearErrors, run };
}
