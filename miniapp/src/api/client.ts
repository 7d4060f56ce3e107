import type { BodyInputOf } from '@hongjia/shared';
import {
  ErrorEnvelope,
  type ParamsOf,
  type QueryInputOf,
  type ResponseOf,
  type RouteContract,
} from '@hongjia/shared';
import Taro from '@tarojs/taro';
import { goToSignIn } from '../auth/navigate';
import { clearSession, currentToken, currentUserId } from '../auth/session';
import { apiBase } from '../config/env';
import { askPrivacy, consentRecordedFor } from '../privacy/store';
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
 * Calls one route of the shared contract and returns its parsed, typed response.
 * Throws ApiError for every failure; a 401 also signs the user out and sends them to sign in.
 * A 403 CONSENT_REQUIRED (the server holds no agreement of this family to the current
 * 隐私保护指引): when the agreement was being recorded meanwhile (a page loading right after
 * sign-in), the request simply goes again; otherwise the privacy gate shows again, and once
 * the user agrees (the gate records it) the same request goes once more. A retry keeps the
 * Idempotency-Key.
 */
export async function call<R extends RouteContract>(route: R, ...[options]: Args<R>): Promise<ResponseOf<R>> {
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
  route: R,
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
  return readResponse(route, res.statusCode, res.data, res.header);
}

function readResponse<R extends RouteContract>(
  route: R,
  status: number,
  data: unknown,
  headers: Record<string, unknown> = {},
): ResponseOf<R> {
  if (status >= 200 && status < 300) {
    const parsed = route.response.safeParse(data);
    if (parsed.success) return parsed.data as ResponseOf<R>;
    throw new ApiError({ code: 'BAD_RESPONSE', status, message: '服务返回的数据无法识别，请稍后再试' });
  }
  const envelope = ErrorEnvelope.safeParse(data);
  if (status === 401) {
    clearSession();
    goToSignIn();
  }
  if (!envelope.success) {
    throw new ApiError({ code: 'BAD_RESPONSE', status, message: `服务暂时不可用（${status}），请稍后再试` });
  }
  const { code, message, details, requestId } = envelope.data.error;
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
