import type {
  BodyInputOf,
  ErrorEnvelope,
  ParamsOf,
  QueryInputOf,
  ResponseOf,
  RouteContract,
} from '@hongjia/shared';
import Taro from '@tarojs/taro';
import { currentToken, currentUserId } from '../auth/session';
import { onUnauthorized } from '../auth/session-expired';
import { apiBase } from '../config/env';
import { askPrivacy, consentRecordedFor } from '../privacy/store';
import type { Endpoint } from './endpoints';
import { ApiError, isApiError, rateLimitedMessage, retryAfterSeconds } from './errors';
import { newIdempotencyKey } from './idempotency';
import { withLoading } from './loading';
import { buildUrl } from './url';

/** A part is required when the route declares it, and must be absent when it does not. */
type Part<K extends string, T> = [T] extends [undefined] ? { [P in K]?: undefined } : { [P in K]: T };

export type CallOptions<R extends RouteContract> = Part<'body', BodyInputOf<R>> &
  Part<'query', QueryInputOf<R>> &
  Part<'params', ParamsOf<R>> & {
    /** Retries of the same user action must reuse the key; by default each call gets a new one. */
    idempotencyKey?: string;
    /** Set false for background calls that should not show the loading toast. */
    loading?: boolean;
  };

type Args<R extends RouteContract> = object extends CallOptions<R> ? [CallOptions<R>?] : [CallOptions<R>];

type Options = CallOptions<RouteContract> & { body?: unknown; query?: unknown; params?: unknown };

/**
 * Calls one route of the shared contract (`api` of ./endpoints) and returns its typed response.
 * The response is not parsed again here: the server sends every response through the route's
 * schema (the allowlist of what leaves it), and parsing it twice would bring every zod schema
 * into the main package (decision 0027).
 * Throws ApiError for every failure; a 401 also signs the user out and asks them to sign in again
 * (auth/session-expired.ts).
 * A 403 CONSENT_REQUIRED (the server holds no agreement of this family to the current
 * 隐私保护指引): when the agreement was being recorded meanwhile (a page loading right after
 * sign-in), the request simply goes again; otherwise the privacy gate shows again, and once
 * the user agrees (the gate records it) the same request goes once more. A retry keeps the
 * Idempotency-Key.
 */
export async function call<R extends RouteContract>(
  route: Endpoint<R>,
  ...[options]: Args<R>
): Promise<ResponseOf<R>> {
  const opts = (options ?? {}) as Options;
  const idempotencyKey = route.idempotent ? (opts.idempotencyKey ?? newIdempotencyKey()) : undefined;
  try {
    return await send(route, opts, idempotencyKey);
  } catch (error) {
    if (!isConsentRequired(error)) throw error;
    const userId = currentUserId();
    if (userId && (await consentRecordedFor(userId))) {
      try {
        return await send(route, opts, idempotencyKey);
      } catch (again) {
        if (!isConsentRequired(again)) throw again;
      }
    }
    if (!(await askPrivacy())) throw error;
    return send(route, opts, idempotencyKey);
  }
}

const isConsentRequired = (error: unknown) => isApiError(error) && error.code === 'CONSENT_REQUIRED';

async function send<R extends RouteContract>(
  route: Endpoint<R>,
  opts: Options,
  idempotencyKey: string | undefined,
): Promise<ResponseOf<R>> {
  const url = buildUrl(
    apiBase,
    route.path,
    opts.params as Record<string, unknown> | undefined,
    opts.query as Record<string, unknown> | undefined,
  );
  const header: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) header['Content-Type'] = 'application/json';
  const token = currentToken();
  if (token) header.Authorization = `Bearer ${token}`;
  if (idempotencyKey) header['Idempotency-Key'] = idempotencyKey;

  const request = Taro.request({
    url,
    method: route.method,
    header,
    data: opts.body as TaroGeneral.IAnyObject | undefined,
    dataType: 'json',
  });
  let res: Taro.request.SuccessCallbackResult;
  try {
    res = await (opts.loading === false ? request : withLoading(request));
  } catch {
    throw new ApiError({ code: 'NETWORK', status: 0, message: '网络不可用，请稍后再试' });
  }
  return readResponse<R>(res.statusCode, res.data, res.header, token !== null);
}

function readResponse<R extends RouteContract>(
  status: number,
  data: unknown,
  headers: Record<string, unknown> = {},
  sentToken = false,
): ResponseOf<R> {
  if (status >= 200 && status < 300) {
    // A JSON route always answers an object or an array; anything else (an HTML error page of a
    // proxy, an empty body) is not the service's answer.
    if (typeof data === 'object' && data !== null) return data as ResponseOf<R>;
    throw new ApiError({ code: 'BAD_RESPONSE', status, message: '服务返回的数据无法识别，请稍后再试' });
  }
  if (status === 401) onUnauthorized(sentToken);
  if (!isErrorEnvelope(data)) {
    throw new ApiError({ code: 'BAD_RESPONSE', status, message: `服务暂时不可用（${status}），请稍后再试` });
  }
  const { code, message, details, requestId } = data.error;
  if (code === 'RATE_LIMITED') {
    // Header names keep the server's case on some platforms.
    const retryAfter = retryAfterSeconds(headers['retry-after'] ?? headers['Retry-After']);
    throw new ApiError({
      code,
      status,
      message: rateLimitedMessage(message, retryAfter),
      details,
      requestId,
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    });
  }
  throw new ApiError({ code, status, message, details, requestId });
}

/** The error envelope's shape (SPEC §3), checked by hand: its zod schema stays on the server. */
function isErrorEnvelope(data: unknown): data is ErrorEnvelope {
  if (typeof data !== 'object' || data === null) return false;
  const error = (data as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, details, requestId } = error as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    code.length > 0 &&
    typeof message === 'string' &&
    typeof requestId === 'string' &&
    Array.isArray(details) &&
    details.every(isErrorDetail)
  );
}

function isErrorDetail(detail: unknown): boolean {
  if (typeof detail !== 'object' || detail === null) return false;
  const { path, message } = detail as Record<string, unknown>;
  return typeof path === 'string' && typeof message === 'string';
}
