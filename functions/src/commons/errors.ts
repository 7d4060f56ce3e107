import { type ErrorCode, type ErrorDetail, errorStatus } from '@hongjia/shared';
import type { z } from 'zod';

/**
 * An error the client can act on. Everything else that reaches the router is a
 * bug and becomes a 500 with a generic message (and is logged without data).
 */
export class AppError extends Error {
  readonly status: number;
  /** 429 only: seconds until the client may try again, sent as `Retry-After`. */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorStatus[code];
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const validationFailed = (message: string, details: ErrorDetail[] = []) =>
  new AppError('VALIDATION_FAILED', message, details);
export const unauthenticated = (message = '请先登录') => new AppError('UNAUTHENTICATED', message);
export const forbidden = (message = '无权访问该资源') => new AppError('FORBIDDEN', message);
export const notFound = (message = '未找到该资源') => new AppError('NOT_FOUND', message);
export const conflict = (message: string, details: ErrorDetail[] = []) =>
  new AppError('CONFLICT', message, details);

/** Turns zod issues into envelope details with dotted paths under `prefix` (body, query, params). */
export function fromZodError(error: z.ZodError, prefix?: string): AppError {
  const details = error.issues.map((issue) => {
    const segments = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    return { path: segments.join('.'), message: issue.message };
  });
  return validationFailed(details[0]?.message ?? '请求参数不正确', details);
}
