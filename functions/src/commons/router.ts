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
import type { AuditTrail } from './audit';
import { admitCaller, type CallerStore, callerStoreFromEnv } from './caller';
import { documentClient, mainTableName } from './dynamo';
import { fromZodError, isAppError, notFound, unauthenticated } from './errors';
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
import { routeLimits } from './limits';
import { logger } from './logger';
import { addressSubject, createRateLimiter, type RateLimiter } from './rate-limit';
import { auditRead, auditsThisRead, auditTrailFromEnv, sourceNetwork } from './read-audit';
import { type VerifiedSession, verifySessionToken } from './session';
import { assertNoDevModeOutsideLocal } from './stage-guard';

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
  /** Where the stored user behind a token is read (commons/caller.ts); the Access table by default. */
  callers?: CallerStore;
  /** Counts the routes commons/limits.ts limits; the main table's counters by default. */
  limiter?: RateLimiter;
  /**
   * The group's routes never look at who calls (health, the OpenAPI document): tokens are
   * not even verified, so the group needs neither the Access table nor a session key.
   */
  anonymousOnly?: boolean;
  /** Where audited reads are written (commons/read-audit.ts); the Audit table by default. */
  audit?: AuditTrail;
}

type HttpHandler = ((
  event: APIGatewayProxyEventV2,
  context?: Context,
) => Promise<APIGatewayProxyStructuredResultV2>) & {
  /** The routes this handler implements, as `METHOD /path`: a test holds them equal to the manifest's. */
  readonly routeKeys: readonly string[];
};

/**
 * The Lambda handler of one function group: finds the route by
 * `event.routeKey`, authenticates, reads the stored user behind the token
 * (live session, active, roles, a family's privacy consent), validates
 * params/query/body with the route's zod schemas, runs idempotent routes
 * through the idempotency store, and maps every outcome to JSON or the error
 * envelope.
 */
export function createHttpHandler(
  implementations: readonly RouteImplementation[],
  options: HttpHandlerOptions = {},
): HttpHandler {
  // At import: a production function configured for dev sign-in must not start at all.
  assertNoDevModeOutsideLocal();
  const clock = options.clock ?? (() => new Date());
  const byKey = new Map(implementations.map((impl) => [routeKey(impl.route), impl]));
  let limiter = options.limiter;
  /** A route's limit (commons/limits.ts), counted once per handled request; 429 RATE_LIMITED past it. */
  const countRoute = async (key: string, ctx: { caller?: SessionUser; sourceIp: string; now: Date }) => {
    const rule = routeLimits.get(key);
    if (!rule) return undefined;
    const subject = rule.subject === 'caller' ? ctx.caller?.id : undefined;
    limiter ??= createRateLimiter({ client: documentClient, table: mainTableName() });
    const charge = await limiter.hit(rule.limit, subject ?? addressSubject(ctx.sourceIp), ctx.now);
    // An account's allowance counts what it asked of us, not our outages: a request that ends in a
    // 5xx gives its count back. Per-address counts are kept — they hold back floods, faults or not.
    return subject ? { charge, limiter } : undefined;
  };
  const runCounted = async <T>(counted: Awaited<ReturnType<typeof countRoute>>, run: () => Promise<T>) => {
    try {
      return await run();
    } catch (error) {
      if (counted && !isAppError(error)) {
        await counted.limiter.giveBack(counted.charge).catch((failure: unknown) => {
          logger.warn('rate-limit count not given back', { error: failure });
        });
      }
      throw error;
    }
  };

  const admit = async (route: RouteContract, session: VerifiedSession): Promise<SessionUser | undefined> => {
    const load = () => (options.callers ?? callerStoreFromEnv()).load(session.user.id);
    if (route.access !== 'public') return admitCaller(route, await load(), session.sessionVersion);
    // A public route still knows who calls when a live session comes along; anything else is anonymous.
    return load()
      .then((stored) => admitCaller(route, stored, session.sessionVersion))
      .catch(() => undefined);
  };

  const handle = async (
    event: APIGatewayProxyEventV2,
    context?: Context,
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    const started = Date.now();
    const requestId = event.requestContext?.requestId ?? context?.awsRequestId ?? 'unknown';
    if (context) logger.addContext(context);
    let callerId: string | undefined;
    const sourceIp = event.requestContext?.http?.sourceIp ?? 'unknown';
    let response: APIGatewayProxyStructuredResultV2;
    try {
      const impl = byKey.get(event.routeKey);
      if (!impl) throw notFound('接口不存在');
      const now = clock();
      const headers = lowerCaseHeaders(event);
      const session = options.anonymousOnly ? undefined : await authenticate(impl.route, headers, now);
      // The token says who; the stored user says whether the session still stands and what they
      // may do. Before the body is read: a family that has not agreed is asked to, whatever it sent.
      const caller = session ? await admit(impl.route, session) : undefined;
      callerId = caller?.id;
      const text = rawBody(event);
      const ctx = {
        headers,
        sourceIp,
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
        const counted = await countRoute(event.routeKey, ctx);
        return runCounted(counted, async () => {
          const result = await impl.handle(ctx);
          const body = checkResponse(impl.route, result);
          // Before the answer leaves: a staff read of opened personal data without its audit entry is refused.
          if (auditsThisRead(impl.route, caller)) {
            await auditRead(options.audit ?? auditTrailFromEnv(), impl.route, caller, body, ctx);
          }
          return { statusCode: impl.route.successStatus ?? 200, body };
        });
      };
      const outcome = idempotency
        ? await runIdempotent(idempotency, context, execute, options.sealStoredResponses)
        : await execute();
      response = impl.route.responseFile
        ? fileResponse(outcome.statusCode, FileAnswer.parse(outcome.body), requestId)
        : impl.route.responseContentType && typeof outcome.body === 'string'
          ? textResponse(outcome.statusCode, outcome.body, impl.route.responseContentType, requestId)
          : jsonResponse(outcome.statusCode, outcome.body, requestId);
      if (impl.route.cacheSeconds && impl.route.access === 'public' && impl.route.method === 'GET') {
        response.headers = {
          ...response.headers,
          'cache-control': `public, max-age=${impl.route.cacheSeconds}`,
        };
      }
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
      sourceNetwork: sourceNetwork(sourceIp),
    });
    return response;
  };
  return Object.assign(handle, { routeKeys: [...byKey.keys()] });
}

/** The verified token, if any. Roles are not checked here: the stored user's are (admitCaller). */
async function authenticate(
  route: RouteContract,
  headers: Record<string, string>,
  now: Date,
): Promise<VerifiedSession | undefined> {
  const authorization = headers.authorization;
  if (route.access === 'public') {
    // A bad token on a public route is ignored: the caller is anonymous.
    return authorization ? verifySessionToken(bearer(authorization), now).catch(() => undefined) : undefined;
  }
  if (!authorization) throw unauthenticated('请先登录');
  return verifySessionToken(bearer(authorization), now);
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
