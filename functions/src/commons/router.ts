import {
  type BodyOf,
  FileAnswer,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
  type RouteContract,
  routeKey,
  type SessionUser,
} from '@hongjia/shared';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { admitCaller, type CallerStore, callerStoreFromEnv, needsStoredCaller } from './caller';
import { forbidden, fromZodError, isAppError, notFound, unauthenticated } from './errors';
import { lowerCaseHeaders, parseJsonBody, rawBody } from './http/request';
import {
  errorResponse,
  fileResponse,
  internalErrorResponse,
  jsonResponse,
  textResponse,
} from './http/response';
import {
  type ResponseSealer,
  requireIdempotencyKey,
  runIdempotent,
  type StoredResponse,
} from './idempotency';
import { operationIdOf } from './ids';
import { logger } from './logger';
import { verifySessionToken } from './session';

export interface RequestContext<R extends RouteContract> {
  body: BodyOf<R>;
  query: QueryOf<R>;
  params: ParamsOf<R>;
  headers: Record<string, string>;
  /** The client's address as API Gateway saw it (not a forwarded header a client could forge); for rate limits. */
  sourceIp: string;
  requestId: string;
  now: Date;
  /**
   * Idempotent routes only: the same for every retry of this request (see
   * `newId`), so a service can name what it creates and resume after a failure.
   */
  operationId?: string;
}

export interface SignedInContext<R extends RouteContract> extends RequestContext<R> {
  caller: SessionUser;
}

export interface RouteImplementation {
  route: RouteContract;
  handle: (ctx: RequestContext<RouteContract> & { caller?: SessionUser }) => Promise<unknown>;
}

/** A route anyone may call. */
export function implementPublic<R extends RouteContract>(
  route: R,
  handle: (ctx: RequestContext<R> & { caller?: SessionUser }) => Promise<ResponseOf<R>>,
): RouteImplementation {
  if (route.access !== 'public') throw new Error(`${routeKey(route)} is not public`);
  return { route, handle: handle as RouteImplementation['handle'] };
}

/** A route for signed-in callers; the router has checked the token and the route's roles. */
export function implement<R extends RouteContract>(
  route: R,
  handle: (ctx: SignedInContext<R>) => Promise<ResponseOf<R>>,
): RouteImplementation {
  if (route.access === 'public') throw new Error(`${routeKey(route)} is public: use implementPublic`);
  return { route, handle: handle as RouteImplementation['handle'] };
}

export interface HttpHandlerOptions {
  clock?: () => Date;
  /**
   * Seals the responses the idempotency table keeps for 24 h with the PII
   * cipher. For groups whose responses carry personal data whole (a special
   * family's record, a help request's description); needs the group's `pii` access.
   */
  sealStoredResponses?: ResponseSealer;
  /** Where the stored user is read for routes that need it (commons/caller.ts); the Access table by default. */
  callers?: CallerStore;
}

type HttpHandler = (
  event: APIGatewayProxyEventV2,
  context?: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * The Lambda handler of one function group: finds the route by
 * `event.routeKey`, authenticates, checks the stored user where the route
 * needs it (a family's privacy consent on personal-data routes), validates
 * params/query/body with the route's zod schemas, runs idempotent routes
 * through the idempotency store, and maps every outcome to JSON or the error
 * envelope.
 */
export function createHttpHandler(
  implementations: readonly RouteImplementation[],
  options: HttpHandlerOptions = {},
): HttpHandler {
  const clock = options.clock ?? (() => new Date());
  const byKey = new Map(implementations.map((impl) => [routeKey(impl.route), impl]));

  return async (event, context) => {
    const started = Date.now();
    const requestId = event.requestContext?.requestId ?? context?.awsRequestId ?? 'unknown';
    if (context) logger.addContext(context);
    let callerId: string | undefined;
    let response: APIGatewayProxyStructuredResultV2;
    try {
      const impl = byKey.get(event.routeKey);
      if (!impl) throw notFound('接口不存在');
      const now = clock();
      const headers = lowerCaseHeaders(event);
      const caller = await authenticate(impl.route, headers, now);
      callerId = caller?.id;
      // Before the body is read: a family that has not agreed is asked to, whatever it sent.
      if (caller && needsStoredCaller(impl.route)) {
        admitCaller(impl.route, await (options.callers ?? callerStoreFromEnv()).load(caller.id));
      }
      const text = rawBody(event);
      const ctx = {
        headers,
        sourceIp: event.requestContext?.http?.sourceIp ?? 'unknown',
        requestId,
        now,
        caller,
        params: parsePart(impl.route.params, event.pathParameters ?? {}, 'params'),
        query: parsePart(impl.route.query, event.queryStringParameters ?? {}, 'query'),
        body: impl.route.body ? parsePart(impl.route.body, parseJsonBody(headers, text), 'body') : undefined,
      } as RequestContext<RouteContract> & { caller?: SessionUser };
      // Checked after the request parsed, so a malformed body is reported before a missing key.
      const idempotency = impl.route.idempotent
        ? {
            callerId: caller?.id ?? 'anonymous',
            routeKey: event.routeKey,
            key: requireIdempotencyKey(headers),
            payload: JSON.stringify([event.pathParameters ?? {}, text ?? '']),
          }
        : undefined;
      if (idempotency) ctx.operationId = operationIdOf(idempotency);

      const execute = async (): Promise<StoredResponse> => {
        const result = await impl.handle(ctx);
        return { statusCode: impl.route.successStatus ?? 200, body: checkResponse(impl.route, result) };
      };
      const outcome = idempotency
        ? await runIdempotent(idempotency, context, execute, options.sealStoredResponses)
        : await execute();
      response = impl.route.responseFile
        ? fileResponse(outcome.statusCode, FileAnswer.parse(outcome.body), requestId)
        : impl.route.responseContentType && typeof outcome.body === 'string'
          ? textResponse(outcome.statusCode, outcome.body, impl.route.responseContentType, requestId)
          : jsonResponse(outcome.statusCode, outcome.body, requestId);
    } catch (error) {
      if (isAppError(error)) {
        response = errorResponse(error, requestId);
      } else {
        logger.error('Unhandled error', { error, routeKey: event.routeKey, requestId });
        response = internalErrorResponse(requestId);
      }
    }
    logger.info('request', {
      routeKey: event.routeKey,
      status: response.statusCode,
      durationMs: Date.now() - started,
      requestId,
      userId: callerId,
    });
    return response;
  };
}

async function authenticate(
  route: RouteContract,
  headers: Record<string, string>,
  now: Date,
): Promise<SessionUser | undefined> {
  const authorization = headers.authorization;
  if (route.access === 'public') {
    // A public route still knows who calls when a valid token comes along; a bad one is ignored.
    return authorization ? verifySessionToken(bearer(authorization), now).catch(() => undefined) : undefined;
  }
  if (!authorization) throw unauthenticated('请先登录');
  const caller = await verifySessionToken(bearer(authorization), now);
  if (route.access !== 'signedIn' && !route.access.some((role) => caller.roles.includes(role))) {
    throw forbidden('当前账号无权使用该功能');
  }
  return caller;
}

function bearer(authorization: string): string {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) throw unauthenticated('登录凭证格式不正确');
  return match[1];
}

function parsePart(schema: z.ZodType | undefined, value: unknown, part: 'params' | 'query' | 'body') {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (!parsed.success) throw fromZodError(parsed.error, part);
  return parsed.data;
}

/**
 * Responses go through their schema too: it is the allowlist of what leaves
 * the service, so a field a domain object grows (an unmasked ID number, say)
 * cannot leak by accident. A mismatch is our bug, hence a 500.
 */
function checkResponse(route: RouteContract, result: unknown): unknown {
  const parsed = route.response.safeParse(result);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((issue) => issue.path.join('.'));
    throw new Error(`Response of ${routeKey(route)} does not match its schema at ${paths.join(', ')}`);
  }
  return parsed.data;
}
