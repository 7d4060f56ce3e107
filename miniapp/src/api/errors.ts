import type { ErrorCode, ErrorDetail } from '@hongjia/shared';

/** Failures that happen before or after the server's envelope: no network, or an unreadable answer. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

/** Every failed call throws this, so a page shows `message` and branches on `code`. */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;

  constructor(init: {
    code: ErrorCode | ClientErrorCode;
    message: string;
    status: number;
    details?: ErrorDetail[];
    requestId?: string;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
