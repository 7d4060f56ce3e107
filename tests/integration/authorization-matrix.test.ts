import { api, type DistrictCode, ErrorEnvelope, type RouteContract } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { type Actor, actors, otherDistrict, ownDistrict } from './authorization/actors';
import { type Expected, expectedAnswer, gateAnswer, type Side } from './authorization/expected';
import { certificateWriter } from './certificates-fixtures';
import {
  approve,
  creditCode,
  fileInstitution,
  filingBody,
  futureDate,
  key,
  monthsBefore,
  publishSlot,
} from './childcare-filing-fixtures';
import { call, signIn, startTestRuntime } from './harness';
import { bindIdentity, createFamily, familyBody, validIdNumber } from './special-family-fixtures';
import { pdfBytes, sha256Of } from './upload-fixtures';

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
 * side's object. Routes with no fixture yet are listed in `pendingFixtures`
 * with a reason: the completeness test fails for a route in neither, and when
 * that list grows past its ceiling, so a new route fails until someone writes
 * its fixture (its rule, `owner`, it cannot compile without).
 */

type Route = RouteContract;
type Request = { path: string; method: string; body?: unknown; headers?: Record<string, string> };
type Answer = Awaited<ReturnType<typeof call>>;

const routes = Object.entries(api) as [string, Route][];

/**
 * Routes the matrix asks only at the gate (every refused actor, in the gate test) because their
 * own/other objects need a fixture not written yet, each with why and where the rule is proven
 * today. The completeness test fails for a route in neither `objectRequests` nor here, and for a
 * list longer than `pendingCeiling`: a new route lands here only by raising the ceiling, deliberately.
 */
const pendingFixtures: Record<string, string> = {
  logout: 'ends every session of the caller: the matrix actors would lose theirs (sessions.test.ts)',
  createAssistanceRequest:
    'needs the actor to be a special family member or its contact staff (assistance.test.ts)',
  assistanceRequestEvents:
    'needs a help request per side, i.e. a special family per side (assistance.test.ts)',
  recordAssistanceEvent: 'as assistanceRequestEvents (assistance.test.ts)',
  setProxyConsent: 'needs the actor to be a special family member (special-families.test.ts)',
  runBenefitScreening: 'needs special families with screening facts per district (benefits.test.ts)',
  enrolBenefits: 'needs a screening result per district first (benefits.test.ts, own-case.test.ts)',
  submitRegistration:
    'needs the actor bound as a parent of the couple it files for, per call (registration.test.ts)',
  getRegistration: 'needs a registration per family and per hukou district (registration.test.ts)',
  resubmitRegistration: 'needs a registration sent back for changes per side (registration-review.test.ts)',
  reviewRegistration:
    'needs a pending registration per district, fresh per ask (registration-review.test.ts)',
  voidRegistration: 'needs an approved registration per district, fresh per ask (registration-void.test.ts)',
  registrationAttachment: 'needs an uploaded, claimed attachment per registration (attachments.test.ts)',
  renewChildcareSubsidy: 'needs an approved application inside its renewal window (subsidies.test.ts)',
  reviewChildcareSubsidy:
    'needs an application per district, fresh per ask, within the 10/day apply limit (subsidies.test.ts)',
  recordSubsidyPayment: 'needs an approved application per district (subsidies.test.ts)',
  resolveSubsidyConflict: 'needs a subsidy conflict per district (subsidies.test.ts, own-case.test.ts)',
  resolveBundleConflict: 'needs a birth-bundle conflict per district (birth-bundles.test.ts)',
  resolveFilingConflict: 'needs a filing conflict per district (childcare-filing.test.ts)',
  createMonitoringImport: 'needs an uploaded import file per district (monitoring-imports.test.ts)',
  monitoringImport: 'needs an import per district (monitoring-imports.test.ts)',
  monitoringImportErrors: 'needs an import with errors per district (monitoring-imports.test.ts)',
  resolveReconciliationItem:
    'needs an open gap per district from imported data (monitoring-reconciliation.test.ts)',
};
/** Only ever lowered as fixtures land. */
const pendingCeiling = 23;

/**
 * `self` reads of a record a caller may simply not have: the matrix's actors have none, and the
 * route says so in the envelope (404) instead of an empty answer. Nobody else's record is involved.
 */
const noneOfTheirOwn: Record<string, { status: number; code: string }> = {
  myIdentity: { status: 404, code: 'NOT_FOUND' },
  mySpecialFamily: { status: 404, code: 'NOT_A_MEMBER' },
  myRecordViews: { status: 404, code: 'NOT_A_MEMBER' },
};

/**
 * Routes whose "nobody's object" answer is not a 404 by design: verifying a code nobody was
 * given answers `{valid: false}`, as for a revoked one (the public verify page shows 无效).
 */
const unknownAnswers: Record<string, (answer: Answer) => boolean> = {
  verifyCertificate: (answer) => answer.status === 200 && answer.json?.valid === false,
};

let runtime: LocalRuntime;
let close: () => Promise<void>;
const tokens = new Map<string, string>();
const userIds = new Map<string, string>();
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
    // No leak: a district actor's rows carry its own district only (public lists, owner `none`, excepted).
    if (actor.district && !actor.cityWide && route.owner !== 'none') {
      const items = (answer.json as { items?: { district?: unknown }[] } | undefined)?.items ?? [];
      const foreign = items.filter((item) => item.district !== undefined && item.district !== actor.district);
      if (foreign.length) mismatches.push(`${where}: ${foreign.length} rows of another district`);
    }
    return;
  }
  const unknown = unknownAnswers[route.operationId];
  if (expected.status === 404 && unknown?.(answer)) return;
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
const objectRequests = new Map<string, (actor: Actor, side: Side) => Request | Promise<Request>>();

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

  // Public reads of a published institution: both sides are published, both answered.
  for (const name of ['childcareInstitution', 'childcareInstitutionSlots'] as const)
    objectRequests.set(name, (actor, side) => ({
      method: 'GET',
      path: pathOf(api[name], { id: institutionFor(actor, side) }),
    }));
  // Writes of one's own (owner `self`/`none`): a fresh object per ask, so every admitted ask succeeds.
  const wideDate = futureDate(8);
  const wideSlot = (
    await publishSlot(runtime, provider, institutions.provider, {
      ageClass: 'preschool',
      date: wideDate,
      capacity: 20,
    })
  ).id;
  let serial = 0;
  objectRequests.set('createBooking', () => ({
    method: 'POST',
    path: pathOf(api.createBooking, { slotId: wideSlot }),
    body: {
      childName: `矩阵新约${++serial}`,
      childBirthDate: monthsBefore(wideDate, 30),
      guardianPhone: '13800138000',
      guardianConsent: true,
    },
    headers: { 'idempotency-key': key('matrix-booking') },
  }));
  objectRequests.set('fileInstitution', () => ({
    method: 'POST',
    path: api.fileInstitution.path,
    body: filingBody(),
    headers: { 'idempotency-key': key('matrix-file') },
  }));
  objectRequests.set('signIn', (actor) => ({
    method: 'POST',
    path: api.signIn.path,
    body: { code: `dev:matrix-signin-${actor.name}` },
  }));
  objectRequests.set('recordConsent', () => ({
    method: 'POST',
    path: api.recordConsent.path,
    body: { kind: 'privacy_policy' },
    headers: { 'idempotency-key': key('matrix-consent') },
  }));
  objectRequests.set('createUpload', () => ({
    method: 'POST',
    path: api.createUpload.path,
    body: {
      fileName: 'matrix.pdf',
      contentType: 'application/pdf',
      size: 1000,
      sha256: sha256Of(pdfBytes(1000)),
    },
    headers: { 'idempotency-key': key('matrix-upload') },
  }));
  objectRequests.set('childcareNearby', () => ({
    method: 'GET',
    path: pathOf(api.childcareNearby, {}, 'lat=28.6849&lng=115.8999'),
  }));
  objectRequests.set('nearbyServicePoints', (actor, side) => ({
    method: 'GET',
    path: pathOf(api.nearbyServicePoints, {}, `district=${districtOf(actor, side)}`),
  }));
  let policyMonth = 0;
  objectRequests.set('addPolicyVersion', () => ({
    method: 'POST',
    path: pathOf(api.addPolicyVersion, { id: 'one-time-consolation' }),
    body: {
      effectiveFrom: `2097-${String(++policyMonth).padStart(2, '0')}-01`,
      amountYuan: 3000,
      amountConfirmed: true,
      sourceNote: '赣卫人口发〔2097〕1 号',
    },
    headers: { 'idempotency-key': key('matrix-policy') },
  }));

  // Accounts the admin stops and restores: a fresh one per ask (any user is the admin's to manage).
  let targets = 0;
  const freshUser = async () => (await signIn(runtime, `matrix-target-${++targets}`)).user.id;
  objectRequests.set('deactivateUser', async () => ({
    method: 'POST',
    path: pathOf(api.deactivateUser, { id: await freshUser() }),
    body: { reason: 'other' },
  }));
  objectRequests.set('reactivateUser', async () => {
    const id = await freshUser();
    const stopped = await ask(actors.find((a) => a.name === 'admin') as Actor, {
      method: 'POST',
      path: pathOf(api.deactivateUser, { id }),
      body: { reason: 'other' },
    });
    expect(stopped.status, stopped.text).toBe(200);
    return { method: 'POST', path: pathOf(api.reactivateUser, { id }), body: { reason: 'other' } };
  });

  // Monitoring views of a district: asked once per side (`district=`), refused 403 outside one's jurisdiction.
  objectRequests.set('monitoringIndicators', (actor, side) => ({
    method: 'GET',
    path: pathOf(api.monitoringIndicators, {}, `district=${districtOf(actor, side)}&from=2026-01&to=2026-06`),
  }));
  objectRequests.set('monitoringReconciliation', (actor, side) => ({
    method: 'GET',
    path: pathOf(api.monitoringReconciliation, {}, `district=${districtOf(actor, side)}&month=2026-06`),
  }));
  objectRequests.set('monitoringReport', (actor, side) => ({
    method: 'GET',
    path: pathOf(api.monitoringReport, {}, `district=${districtOf(actor, side)}&year=2026&format=html`),
  }));

  // A filing in the side's district, filed fresh for every ask (a decision is final).
  objectRequests.set('decideFiling', async (actor, side) => {
    const district = districtOf(actor, side);
    const id = await fileInstitution(
      runtime,
      provider,
      filingBody({ district, creditCode: creditCode(district), address: '南昌市矩阵路 1 号' }),
    );
    return {
      method: 'POST',
      path: pathOf(api.decideFiling, { id }),
      body: { decision: 'approve' },
    };
  });

  const familyOf = (actor: Actor, side: Side) => {
    const mine = actor.name === 'familyB' ? 'familyB' : 'familyA';
    return side === 'own' ? mine : mine === 'familyA' ? 'familyB' : 'familyA';
  };
  // Real names: each signed-in actor binds its own person (the same again answers alike); the
  // families are bound first, as 育儿补贴 requires.
  const personOf = (actor: Actor) => {
    const index = actors.indexOf(actor);
    return {
      name: `矩阵人${'甲乙丙丁戊己庚辛壬癸'[index] ?? '子'}`,
      idNumber: validIdNumber(ownDistrict, '1990-05-01', 'F', 9100 + index),
    };
  };
  for (const family of ['familyA', 'familyB'] as const) {
    const bound = await bindIdentity(
      runtime,
      tokens.get(family) as string,
      personOf(actors.find((a) => a.name === family) as Actor).name,
      personOf(actors.find((a) => a.name === family) as Actor).idNumber,
    );
    expect(bound.status, bound.text).toBe(200);
  }
  objectRequests.set('bindIdentity', (actor) => ({
    method: 'POST',
    path: api.bindIdentity.path,
    body: personOf(actor),
    headers: { 'idempotency-key': key('matrix-bind') },
  }));
  let children = 0;
  objectRequests.set('applyChildcareSubsidy', () => ({
    method: 'POST',
    path: api.applyChildcareSubsidy.path,
    body: {
      childName: '矩阵小宝',
      childIdNumber: validIdNumber(ownDistrict, '2025-03-01', 'M', 9200 + ++children),
      childBirthDate: '2025-03-01',
      hukouDistrict: ownDistrict,
      guardianConsent: true,
    },
    headers: { 'idempotency-key': key('matrix-subsidy') },
  }));

  // 出生一件事: each family's own bundle, nobody else's (staff included).
  let births = 0;
  const bundleBody = (district: DistrictCode) => ({
    medicalCertificateNo: `M${String(370_000_000 + ++births)}`,
    child: {
      name: '矩阵小明',
      sex: 'M',
      birthDate: '2026-02-01',
      birthWeightG: 3300,
      hospital: '江西省妇幼保健院',
    },
    householdDistrict: district,
  });
  objectRequests.set('submitBirthBundle', () => ({
    method: 'POST',
    path: api.submitBirthBundle.path,
    body: bundleBody(ownDistrict),
    headers: { 'idempotency-key': key('matrix-bundle') },
  }));
  const fileBundle = async (family: string, district: DistrictCode) => {
    const answer = await call(runtime, api.submitBirthBundle.path, {
      token: tokens.get(family) as string,
      body: bundleBody(district),
      headers: { 'idempotency-key': key('matrix-bundle') },
    });
    expect(answer.status, answer.text).toBe(201);
    return String(answer.json?.id);
  };
  const bundles = {
    familyA: await fileBundle('familyA', ownDistrict),
    familyB: await fileBundle('familyB', otherDistrict),
  };
  objectRequests.set('getBirthBundle', (actor, side) => ({
    method: 'GET',
    path: pathOf(api.getBirthBundle, {
      id: bundles[familyOf(actor, side) as 'familyA' | 'familyB'],
    }),
  }));

  // Certificates: each family's own, each district's; print codes are single-use, so one per ask.
  const writer = certificateWriter(runtime);
  closers.push(() => writer.client.destroy());
  const certificateOf = async (family: string, district: DistrictCode = ownDistrict) =>
    writer.issue(userIds.get(family) as string, district);
  objectRequests.set('myCertificate', async (actor, side) => ({
    method: 'GET',
    path: pathOf(api.myCertificate, { id: (await certificateOf(familyOf(actor, side))).certificateId }),
  }));
  objectRequests.set('createPrintCode', async (actor, side) => ({
    method: 'POST',
    path: pathOf(api.createPrintCode, { id: (await certificateOf(familyOf(actor, side))).certificateId }),
    headers: { 'idempotency-key': key('matrix-print') },
  }));
  objectRequests.set('revokeCertificate', async (actor, side) => ({
    method: 'POST',
    path: pathOf(api.revokeCertificate, {
      id: (await certificateOf('familyA', districtOf(actor, side))).certificateId,
    }),
    body: { reason: '矩阵测试作废' },
  }));
  // Bearer codes: `own` a code issued just now, `other` one nobody was given.
  objectRequests.set('verifyCertificate', async (_, side) => ({
    method: 'GET',
    path: pathOf(api.verifyCertificate, {
      code: side === 'own' ? (await certificateOf('familyA')).verifyCode : 'NOBODYSCODE0',
    }),
  }));
  const points = await call(
    runtime,
    `/v1/service-points/nearby?district=${ownDistrict}&service=print&limit=50`,
  );
  const printPoint = ((points.json?.items ?? []) as { id: string }[])[0]?.id ?? 'none';
  objectRequests.set('redeemPrintCode', async (_, side) => {
    let code = '000000';
    if (side === 'own') {
      const certificate = await certificateOf('familyA');
      const issued = await call(runtime, pathOf(api.createPrintCode, { id: certificate.certificateId }), {
        token: tokens.get('familyA') as string,
        method: 'POST',
        headers: { 'idempotency-key': key('matrix-print') },
      });
      expect(issued.status, issued.text).toBe(201);
      code = String(issued.json?.code);
    }
    return { method: 'POST', path: api.redeemPrintCode.path, body: { code, pointId: printPoint } };
  });

  // Special families of each district, made by that district's staff; a fresh one per ask (a change moves its version).
  const staffOf = { [ownDistrict]: staff, [otherDistrict]: tokens.get('otherDistrictStaff') as string };
  let families = 0;
  const specialFamilyIn = async (district: DistrictCode) => {
    families++;
    const body = familyBody(7000 + families, {
      district,
      members: [
        {
          role: 'mother',
          name: '矩阵母亲',
          idNumber: validIdNumber(district, '1968-03-15', 'F', 7000 + families),
          phone: '13807910001',
        },
      ],
    });
    const created = await createFamily(runtime, staffOf[district] as string, body);
    expect(created.status, created.text).toBe(201);
    return (created.json as { id: string }).id;
  };
  objectRequests.set('createSpecialFamily', (actor, side) => {
    families++;
    const district = districtOf(actor, side);
    return {
      method: 'POST',
      path: api.createSpecialFamily.path,
      body: familyBody(7000 + families, {
        district,
        members: [
          {
            role: 'mother',
            name: '矩阵母亲',
            idNumber: validIdNumber(district, '1968-03-15', 'F', 7000 + families),
            phone: '13807910001',
          },
        ],
      }),
      headers: { 'idempotency-key': key('matrix-family') },
    };
  });
  objectRequests.set('staffSpecialFamily', async (actor, side) => ({
    method: 'GET',
    path: pathOf(api.staffSpecialFamily, { id: await specialFamilyIn(districtOf(actor, side)) }),
  }));
  objectRequests.set('updateSpecialFamily', async (actor, side) => ({
    method: 'PATCH',
    path: pathOf(api.updateSpecialFamily, { id: await specialFamilyIn(districtOf(actor, side)) }),
    body: { expectedVersion: 1, hukouType: 'rural' },
  }));
}

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  for (const actor of actors) {
    if (!actor.openid) continue;
    const session = await signIn(runtime, actor.openid);
    tokens.set(actor.name, session.token);
    userIds.set(actor.name, session.user.id);
  }
  await makeFixtures();
}, 300_000);
const closers: (() => void)[] = [];
afterAll(async () => {
  for (const done of closers) done();
  await close?.();
});

describe('the authorization matrix, generated from the route table', () => {
  it('has a rule and a way to ask for every route: generic, a fixture, or named as pending', () => {
    const uncovered = routes
      .filter(
        ([name, route]) =>
          !readsWithoutParams(route) && !objectRequests.has(name) && !(name in pendingFixtures),
      )
      .map(([name]) => name);
    expect(uncovered, 'routes with neither a fixture nor a place on the pending list').toEqual([]);
    const stale = Object.keys(pendingFixtures).filter((name) => objectRequests.has(name) || !(name in api));
    expect(stale, 'pending routes that have a fixture now (or no longer exist)').toEqual([]);
    expect(Object.keys(pendingFixtures).length, 'the pending list may only shrink').toBeLessThanOrEqual(
      pendingCeiling,
    );
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
        // The gate test asked every refused actor already; objects are made for the admitted ones.
        if (gateAnswer(route, actor)) continue;
        for (const side of ['other', 'own'] as const) {
          check(
            'object',
            route,
            expectedAnswer(route, actor, side),
            await ask(actor, await requestFor(actor, side)),
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
