import type { ErrorCode, ErrorDetail } from '@hongjia/shared';

/** Failures that happen before or after the server's envelope: no network, or an unreadable answer. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

/** Every failed call throws this, so a page shows `message` and branches on `code`. */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;
  /** RATE_LIMITED: seconds until the server takes the request again (its `Retry-After`). */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    code: ErrorCode | ClientErrorCode;
    message: string;
    status: number;
    details?: ErrorDetail[];
    requestId?: string;
    retryAfterSeconds?: number;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** `Retry-After` in seconds (the server sends seconds, never a date); undefined when absent or unreadable. */
export function retryAfterSeconds(header: unknown): number | undefined {
  const value = Number(typeof header === 'string' ? header.trim() : header);
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : undefined;
}

/**
 * What a page shows for a 429 RATE_LIMITED: the server's reason, said kindly,
 * and when to come back in words an elderly user reads at a glance.
 */
export function rateLimitedMessage(
  serverMessage: string | undefined,
  retryAfter: number | undefined,
): string {
  // The server's reason without its own "请…再试" tail: we say when, from Retry-After.
  const reason = serverMessage?.split(/[，,。]/)[0]?.trim() || '操作过于频繁';
  if (retryAfter === undefined) return `${reason}，请稍后再试。已填写的内容不会丢失。`;
  const wait =
    retryAfter < 60
      ? `${retryAfter} 秒`
      : retryAfter < 3600
        ? `${Math.ceil(retryAfter / 60)} 分钟`
        : `${Math.ceil(retryAfter / 3600)} 小时`;
  return `${reason}，请约 ${wait}后再试。已填写的内容不会丢失。`;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
