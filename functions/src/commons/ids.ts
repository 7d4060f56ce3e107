import { createHash, randomBytes } from 'node:crypto';

/**
 * Ids of the records a request creates. On an idempotent route the router
 * hands the service an `operationId`, derived from who asked, the route, the
 * `Idempotency-Key` and the request's content: a retry of the same request
 * names the same record, so a write that landed before a later step failed is
 * found again (a conditional create refuses the second copy) and the retry
 * finishes the side effects instead of creating a twin. Without one (the
 * seed, a bench, a worker) the id is random.
 */
export function newId(prefix: string, operationId?: string): string {
  return `${prefix}_${operationId ?? randomBytes(10).toString('hex')}`;
}

/** 20 hex characters, like a random id; the same inputs always give the same answer. */
export function operationIdOf(scope: { callerId: string; routeKey: string; key: string; payload: string }) {
  return createHash('sha256')
    .update(['hongjia-operation-v1', scope.callerId, scope.routeKey, scope.key, scope.payload].join('\u0000'))
    .digest('hex')
    .slice(0, 20);
}
