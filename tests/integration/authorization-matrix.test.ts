import { api, ErrorEnvelope, type RouteContract } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { type Actor, actors, otherDistrict, ownDistrict } from './authorization/actors';
import { type Expected, expectedAnswer, gateAnswer, type Side } from './authorization/expected';
import {
  approve,
  fileInstitution,
  filingBody,
  futureDate,
  key,
  monthsBefore,
  publishSlot,
} from './childcare-filing-fixtures';
import { call, signIn, startTestRuntime } from './harness';

/**
 * Issue 12, the proof: the authorization matrix, generated from the route
 * table. Every route × every actor (actors.ts) × {own object, someone
 * else's}, each cell's answer derived from the route's `access` and `owner`
 * (authorization/expected.ts), asked on one runtime. A refusal must be the
 * envelope with the derived status and code (someone else's object: 404, its
 * existence not revealed); an allowed answer a 2xx whose rows stay on the
 * actor's side (no other district's rows).
 *
 * Cells come from three sources: the gate (every route, every actor it
 * refuses: no fixture needed), generic reads (GET routes without path
 * params, asked as every admitted actor; district lists once per side with
 * `?district=`) and per-route fixtures (`objectRequests`) that make each
 * side's object. Routes with no fixture yet are listed in `pendingFixtures`:
 * the completeness test fails for a route in neither, so a new route fails
 * until someone writes its fixture (its rule, `owner`, it cannot compile without).
 */

type Route = RouteContract;
type Request = { path: string; method: string; body?: unknown; headers?: Record<string, string> };
type Answer = Awaited<ReturnType<typeof call>>;

const routes = Object.entries(api) as [string, Route][];

/** Routes whose own/other objects need a fixture that is not written yet (the next step of issue 12). */
const pendingFixtures = new Set<string>([
  'createAssistanceRequest',
  'assistanceRequestEvents',
  'recordAssistanceEvent',
  'signIn',
  'logout',
  'deactivateUser',
  'reactivateUser',
  'runBenefitScreening',
  'enrolBenefits',
  'addPolicyVersion',
  'submitBirthBundle',
  'getBirthBundle',
  'myCertificate',
  'verifyCertificate',
  'createPrintCode',
  'redeemPrintCode',
  'revokeCertificate',
  'childcareNearby',
  'childcareInstitution',
  'childcareInstitutionSlots',
  'createBooking',
  'fileInstitution',
  'decideFiling',
  'resolveSubsidyConflict',
  'resolveBundleConflict',
  'resolveFilingConflict',
  'recordConsent',
  'bindIdentity',
  'createMonitoringImport',
  'monitoringImport',
  'monitoringImportErrors',
  'monitoringReport',
  'monitoringIndicators',
  'monitoringReconciliation',
  'resolveReconciliationItem',
  'nearbyServicePoints',
  'submitRegistration',
  'getRegistration',
  'resubmitRegistration',
  'reviewRegistration',
  'voidRegistration',
  'createSpecialFamily',
  'staffSpecialFamily',
  'updateSpecialFamily',
  'setProxyConsent',
  'applyChildcareSubsidy',
  'renewChildcareSubsidy',
  'reviewChildcareSubsidy',
  'recordSubsidyPayment',
  'createUpload',
  'registrationAttachment',
]);

/**
 * `self` reads of a record a caller may simply not have: the matrix's actors have none, and the
 * route says so in the envelope (404) instead of an empty answer. Nobody else's record is involved.
 */
const noneOfTheirOwn: Record<string, { status: number; code: string }> = {
  myIdentity: { status: 404, code: 'NOT_FOUND' },
  mySpecialFamily: { status: 404, code: 'NOT_A_MEMBER' },
  myRecordViews: { status: 404, code: 'NOT_A_MEMBER' },
};

let runtime: LocalRuntime;
let close: () => Promise<void>;
const tokens = new Map<string, string>();
const mismatches: string[] = [];
let cells = 0;

const tokenOf = (actor: Actor) => (actor.openid ? tokens.get(actor.name) : undefined);

/** The route's path with every `{param}` filled (an id nobody holds unless `params` names one). */
function pathOf(route: Route, params: Record<string, string> = {}, query = ''): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? `matrix-nobody-${name}`),
  );
  return query ? `${path}?${query}` : path;
}

function ask(actor: Actor, request: Request): Promise<Answer> {
  const token = tokenOf(actor);
  return call(runtime, request.path, {
    method: request.method,
    ...(token ? { token } : {}),
    ...(request.method === 'GET' ? {} : { body: request.body ?? {} }),
    ...(request.headers ? { headers: request.headers } : {}),
  });
}

/** Records a mismatch between an answer and its cell's expectation (all cells are reported at once). */
function check(label: string, route: Route, expected: Expected, answer: Answer, actor: Actor, side: Side) {
  cells++;
  const where = `${label} ${route.method} ${route.path} as ${actor.name} (${side})`;
  if (expected.kind === 'allowed') {
    const none = noneOfTheirOwn[route.operationId];
    if (
      none &&
      answer.status === none.status &&
      (answer.json?.error as { code?: string })?.code === none.code
    )
      return;
    if (answer.status !== (route.successStatus ?? 200)) {
      mismatches.push(
        `${where}: expected ${route.successStatus ?? 200}, got ${answer.status} ${answer.text.slice(0, 160)}`,
      );
      return;
    }
    // No leak: a district actor's rows carry its own district only.
    if (actor.district && !actor.cityWide) {
      const items = (answer.json as { items?: { district?: unknown }[] } | undefined)?.items ?? [];
      const foreign = items.filter((item) => item.district !== undefined && item.district !== actor.district);
      if (foreign.length) mismatches.push(`${where}: ${foreign.length} rows of another district`);
    }
    return;
  }
  const envelope = ErrorEnvelope.safeParse(answer.json);
  if (answer.status !== expected.status || !envelope.success || envelope.data.error.code !== expected.code) {
    mismatches.push(
      `${where}: expected ${expected.status} ${expected.code}, got ${answer.status} ${answer.text.slice(0, 160)}`,
    );
    return;
  }
  if (envelope.data.error.requestId !== answer.headers.get('x-request-id'))
    mismatches.push(`${where}: envelope requestId differs from x-request-id`);
}

/** Runs `jobs` a few at a time: the runtime is one process on a shared 2-core machine. */
async function inBatches(jobs: (() => Promise<void>)[], size = 8) {
  for (let start = 0; start < jobs.length; start += size)
    await Promise.all(jobs.slice(start, start + size).map((job) => job()));
}

const readsWithoutParams = (route: Route) =>
  route.method === 'GET' && !route.path.includes('{') && (route.query?.safeParse({}).success ?? true);

/** A list whose query names a district (`?district=`): asked once per side. */
const takesDistrict = (route: Route) =>
  (route.query as { shape?: Record<string, unknown> } | undefined)?.shape?.district !== undefined;

/** The district that counts as the actor's `own` side, and the other one. */
const districtOf = (actor: Actor, side: Side) => {
  const mine = actor.district ?? ownDistrict;
  return side === 'own' ? mine : mine === ownDistrict ? otherDistrict : ownDistrict;
};

/**
 * Per-route fixtures: the request that asks about `side`'s object as `actor`.
 * Filled in beforeAll (they need the runtime); a route here is fully covered.
 */
const objectRequests = new Map<string, (actor: Actor, side: Side) => Request>();

async function makeFixtures() {
  const provider = tokens.get('provider') as string;
  const otherProvider = tokens.get('otherProvider') as string;
  const staff = tokens.get('districtStaff') as string;
  const institutions = {
    provider: await fileInstitution(runtime, provider),
    otherProvider: await fileInstitution(runtime, otherProvider, filingBody()),
  };
  await approve(runtime, staff, institutions.provider);
  await approve(runtime, staff, institutions.otherProvider);
  const slotDate = futureDate(5);
  const slot = (
    await publishSlot(runtime, provider, institutions.provider, {
      ageClass: 'preschool',
      date: slotDate,
      capacity: 5,
    })
  ).id;
  const bookings = new Map<string, string>();
  for (const family of ['familyA', 'familyB']) {
    const answer = await call(runtime, `/v1/childcare/slots/${slot}/bookings`, {
      token: tokens.get(family) as string,
      body: {
        childName: `矩阵孩子${family}`,
        childBirthDate: monthsBefore(slotDate, 30),
        guardianPhone: '13800138000',
        guardianConsent: true,
      },
      headers: { 'idempotency-key': key('matrix-book') },
    });
    expect(answer.status, answer.text).toBe(201);
    bookings.set(family, (answer.json as { id: string }).id);
  }
  // Family B's `own` is its booking; every non-family actor's `own` is family A's (refused alike).
  const bookingFor = (actor: Actor, side: Side) => {
    const mine = actor.name === 'familyB' ? 'familyB' : 'familyA';
    const theirs = mine === 'familyA' ? 'familyB' : 'familyA';
    return bookings.get(side === 'own' ? mine : theirs) as string;
  };
  const institutionFor = (actor: Actor, side: Side) => {
    const mine = actor.name === 'otherProvider' ? 'otherProvider' : 'provider';
    const theirs = mine === 'provider' ? 'otherProvider' : 'provider';
    return institutions[side === 'own' ? mine : theirs];
  };
  objectRequests.set('cancelBooking', (actor, side) => ({
    method: 'POST',
    path: pathOf(api.cancelBooking, { id: bookingFor(actor, side) }),
  }));
  objectRequests.set('providerBookings', (actor, side) => ({
    method: 'GET',
    path: pathOf(api.providerBookings, { id: institutionFor(actor, side) }),
  }));
  objectRequests.set('publishSlot', (actor, side) => ({
    method: 'POST',
    path: pathOf(api.publishSlot, { id: institutionFor(actor, side) }),
    body: { ageClass: 'toddler', date: futureDate(6), session: 'morning', capacity: 2 },
    headers: { 'idempotency-key': key('matrix-slot') },
  }));
}

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  for (const actor of actors) {
    if (actor.openid) tokens.set(actor.name, (await signIn(runtime, actor.openid)).token);
  }
  await makeFixtures();
}, 300_000);
afterAll(async () => close?.());

describe('the authorization matrix, generated from the route table', () => {
  it('has a rule and a way to ask for every route: generic, a fixture, or named as pending', () => {
    const uncovered = routes
      .filter(
        ([name, route]) =>
          !readsWithoutParams(route) && !objectRequests.has(name) && !pendingFixtures.has(name),
      )
      .map(([name]) => name);
    expect(uncovered, 'routes with neither a fixture nor a place on the pending list').toEqual([]);
    const stale = [...pendingFixtures].filter((name) => objectRequests.has(name) || !(name in api));
    expect(stale, 'pending routes that have a fixture now (or no longer exist)').toEqual([]);
  });

  it('refuses at the gate every actor the route does not admit: 401 anonymous, 403 a role outside its access', async () => {
    const jobs: (() => Promise<void>)[] = [];
    for (const [, route] of routes) {
      for (const actor of actors) {
        const gate = gateAnswer(route, actor);
        if (!gate) continue;
        // The gate does not look at the object: one ask stands for both sides.
        jobs.push(async () =>
          check(
            'gate',
            route,
            gate,
            await ask(actor, { method: route.method, path: pathOf(route) }),
            actor,
            'own',
          ),
        );
      }
    }
    await inBatches(jobs);
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('answers every admitted actor on reads of its own (no path params), and district lists only for its district', async () => {
    const jobs: (() => Promise<void>)[] = [];
    for (const [, route] of routes) {
      if (!readsWithoutParams(route)) continue;
      for (const actor of actors) {
        if (gateAnswer(route, actor)) continue;
        if (takesDistrict(route) && route.owner === 'districtScope') {
          for (const side of ['own', 'other'] as const) {
            const path = pathOf(route, {}, `district=${districtOf(actor, side)}`);
            jobs.push(async () =>
              check(
                'scope',
                route,
                expectedAnswer(route, actor, side),
                await ask(actor, { method: 'GET', path }),
                actor,
                side,
              ),
            );
          }
          continue;
        }
        jobs.push(async () =>
          check(
            'read',
            route,
            expectedAnswer(route, actor, 'own'),
            await ask(actor, { method: 'GET', path: pathOf(route) }),
            actor,
            'own',
          ),
        );
      }
    }
    await inBatches(jobs);
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('answers objects of one’s own and hides everyone else’s (fixture routes)', async () => {
    // Sequential: an allowed cell may change its object (a cancel), later cells must see that.
    for (const [name, route] of routes) {
      const requestFor = objectRequests.get(name);
      if (!requestFor) continue;
      for (const actor of actors) {
        for (const side of ['other', 'own'] as const) {
          check(
            'object',
            route,
            expectedAnswer(route, actor, side),
            await ask(actor, requestFor(actor, side)),
            actor,
            side,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The count keeps the matrix honest: it grows as fixtures are written, never silently shrinks.
    expect(cells).toBeGreaterThan(500);
  }, 300_000);
});
