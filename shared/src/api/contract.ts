import * as z from 'zod';
import type { Role } from '../roles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: anyone, any signed-in user, or holders of one of the roles.
 * The router checks this; domain services check ownership and jurisdiction again.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

/**
 * Whose object a route acts on: the authorization rule every route must state
 * (issue 12). tests/integration/authorization-matrix.test.ts derives from it and
 * from `access` what each actor (anonymous, two families, two providers, staff
 * of a district and of another, city staff, admin, terminal, a social organisation) must be answered,
 * for their own object and for someone else's, and asks them all.
 * - `none`: nobody's: public information, the platform, global settings;
 * - `self`: the caller's own records, named by the session, never by the request
 *   (`/v1/me/…`, creating one's own);
 * - `family`: a family's record named in the path: only its family; anyone else
 *   404, as if it did not exist;
 * - `familyOrDistrict`: as `family`, and also staff of the record's district and
 *   city-wide staff (other districts' staff 404);
 * - `district`: a record in a district's jurisdiction named in the path: staff of
 *   that district and city-wide staff; other districts' staff 404;
 * - `districtScope`: staff lists, figures and new records of a district
 *   (`?district=` or the body's): other districts' staff 403, never their rows;
 * - `provider`: an institution (or its slots and bookings) named in the path:
 *   only its provider; another provider 404;
 * - `anyUser`: another user's account, for the admin;
 * - `bearerCode`: a code the caller presents (a print or verification code):
 *   holding it is the authority; unknown, used and expired codes answer alike;
 * - `city`: a city-wide setting staff of the city keep (the 科学育儿 library's states):
 *   city-wide staff only; district staff 403.
 * - `organisation`: a help request assigned to a social organisation, named in the path:
 *   only that organisation's account; anyone else 404 (decision 0035).
 */
export type Owner =
  | 'none'
  | 'self'
  | 'family'
  | 'familyOrDistrict'
  | 'district'
  | 'districtScope'
  | 'provider'
  | 'anyUser'
  | 'bearerCode'
  | 'city'
  | 'organisation';

/**
 * One HTTP route of the API, described once and used by the server (parsing,
 * routing, the CDK routes), the client (typed calls) and the OpenAPI document.
 */
export interface RouteContract<
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Params extends z.ZodType | undefined = z.ZodType | undefined,
  Response extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: HttpMethod;
  /** API Gateway style path, e.g. `/v1/childcare/slots/{slotId}/bookings`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  /** Whose object it acts on (`Owner`): required, so a new route states its rule before it compiles. */
  owner: Owner;
  body?: Body;
  query?: Query;
  params?: Params;
  response: Response;
  /** 200 unless the route creates something (201). */
  successStatus?: 200 | 201 | 202;
  /** Requires an `Idempotency-Key` header; a replay returns the first response. */
  idempotent?: boolean;
  /**
   * Collects or returns a family's personal data: a family caller needs a current agreement
   * to the 隐私保护指引 (PIPL), checked by the router on the stored user (403
   * CONSENT_REQUIRED). Staff, providers, terminals and admins act under their employment and
   * are not asked. functions/test/personal-data-routes.test.ts finds the routes that lack it.
   */
  personalData?: boolean;
  /**
   * A read whose answer opens sealed personal data for staff, a provider or an
   * admin: the router writes an audit entry (subject type = this value, the
   * caller, the ids answered, client IP, request id) before the answer leaves,
   * and answers nothing when that write fails (decision 0019). A family reading
   * its own data is not audited. functions/test/audited-reads.test.ts finds the
   * routes that lack it.
   */
  auditsReads?: string;
  /** Content type of the response when it is not JSON (a CSV download). */
  responseContentType?: string;
  /**
   * The response is a document whose content type the service picks (a PDF or an HTML report):
   * the service answers a `FileAnswer`, the router sends its bytes base64-encoded with
   * `isBase64Encoded` (API Gateway v2 decodes them) and its own content type and headers.
   * `responseContentType` lists the types for the OpenAPI document.
   */
  responseFile?: { contentTypes: readonly string[] };
  /**
   * A public GET whose answer is the same for everyone: its 200 is sent with
   * `Cache-Control: public, max-age=N` instead of `no-store` (the policy list).
   */
  cacheSeconds?: number;
}

/** What a `responseFile` route's service answers: the bytes (base64) and how to send them. */
export const FileAnswer = z.object({
  contentType: z.string(),
  base64: z.string(),
  /** Extra response headers (lower case), e.g. content-disposition, x-report-cache. */
  headers: z.record(z.string(), z.string()),
});
export type FileAnswer = z.infer<typeof FileAnswer>;

export function defineRoute<
  Body extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Params extends z.ZodType | undefined = undefined,
  Response extends z.ZodType = z.ZodType,
>(route: RouteContract<Body, Query, Params, Response>): RouteContract<Body, Query, Params, Response> {
  return route;
}

/** `GET /v1/me` — the key API Gateway v2 puts in `event.routeKey`. */
export function routeKey(route: Pick<RouteContract, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type Input<T> = T extends z.ZodType ? z.input<T> : undefined;

export type BodyOf<R> = R extends RouteContract<infer B> ? Infer<B> : never;
export type BodyInputOf<R> = R extends RouteContract<infer B> ? Input<B> : never;
export type QueryOf<R> = R extends RouteContract<z.ZodType | undefined, infer Q> ? Infer<Q> : never;
export type QueryInputOf<R> = R extends RouteContract<z.ZodType | undefined, infer Q> ? Input<Q> : never;
export type ParamsOf<R> =
  R extends RouteContract<z.ZodType | undefined, z.ZodType | undefined, infer P> ? Infer<P> : never;
export type ResponseOf<R> =
  R extends RouteContract<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined, infer S>
    ? z.infer<S>
    : never;

/** `?limit=&cursor=` of every list (SPEC §3): default 20, at most 50; the cursor is opaque. */
export const ListQuery = z.object({
  limit: z.coerce
    .number({ error: 'limit 必须是数字' })
    .int('limit 必须是整数')
    .min(1, 'limit 最小为 1')
    .max(50, 'limit 最大为 50')
    .default(20),
  cursor: z.string().min(1).max(2048, '分页游标无效').optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
