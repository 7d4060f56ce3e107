import type { RouteContract } from '@hongjia/shared';
import type { Actor } from './actors';

/**
 * What an actor must be answered on a route, derived from the route's
 * `access` (the gate, checked by the router on the stored user) and its
 * `owner` (whose object it acts on, checked by the domain service). The
 * matrix asks every route as every actor, about the object the fixtures made
 * for that actor's side (`own`) and about the other side's (`other`):
 * - `own`: for a family, a record of family A; for a provider, provider 1's
 *   institution; for staff, a record or scope in district 360102;
 * - `other`: family B's record, provider 2's institution, district 360111;
 *   for the volunteer, an assignment of another organisation.
 * City staff and the admin have no "other" district: both sides are theirs.
 */
export type Expected =
  | { kind: 'refused'; status: 401; code: 'UNAUTHENTICATED' }
  | { kind: 'refused'; status: 403; code: 'FORBIDDEN' }
  | { kind: 'refused'; status: 404; code: 'NOT_FOUND' }
  | { kind: 'allowed' };

export type Side = 'own' | 'other';

const unauthenticated = { kind: 'refused', status: 401, code: 'UNAUTHENTICATED' } as const;
const forbidden = { kind: 'refused', status: 403, code: 'FORBIDDEN' } as const;
/** "Someone else's" never reveals that it exists. */
const hidden = { kind: 'refused', status: 404, code: 'NOT_FOUND' } as const;
const allowed = { kind: 'allowed' } as const;

/** The router's gate alone: undefined when the caller passes it. */
export function gateAnswer(route: Pick<RouteContract, 'access'>, actor: Actor): Expected | undefined {
  if (route.access === 'public') return undefined;
  if (actor.roles.length === 0) return unauthenticated;
  if (route.access === 'signedIn') return undefined;
  return route.access.some((role) => actor.roles.includes(role)) ? undefined : forbidden;
}

const isFamily = (actor: Actor) => actor.roles.includes('family');
const isStaff = (actor: Actor) => actor.roles.includes('staff');
/** Staff (or the admin) whose jurisdiction covers the side's district. */
const coversSide = (actor: Actor, side: Side) =>
  (isStaff(actor) || actor.roles.includes('admin')) && (actor.cityWide === true || side === 'own');

/**
 * The full answer for (route, actor, side). `side` is relative to the actor:
 * family B's `own` object is its own record (the fixtures make one per family).
 */
export function expectedAnswer(
  route: Pick<RouteContract, 'access' | 'owner'>,
  actor: Actor,
  side: Side,
): Expected {
  const gate = gateAnswer(route, actor);
  if (gate) return gate;
  switch (route.owner) {
    case 'none':
    case 'self':
    case 'anyUser':
      return allowed;
    case 'bearerCode':
      // Holding a valid code is the authority; the other side is a code nobody issued (answered alike).
      return side === 'own' ? allowed : hidden;
    case 'family':
      return isFamily(actor) && side === 'own' ? allowed : hidden;
    case 'familyOrDistrict':
      if (isFamily(actor)) return side === 'own' ? allowed : hidden;
      return isStaff(actor) && coversSide(actor, side) ? allowed : hidden;
    case 'district':
      return coversSide(actor, side) ? allowed : hidden;
    case 'districtScope':
      return coversSide(actor, side) ? allowed : forbidden;
    case 'provider':
      return actor.roles.includes('provider') && side === 'own' ? allowed : hidden;
    case 'organisation':
      return actor.roles.includes('volunteer') && side === 'own' ? allowed : hidden;
    case 'city':
      return isStaff(actor) && actor.cityWide === true ? allowed : forbidden;
  }
}
