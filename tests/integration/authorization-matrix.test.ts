import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createSubsidyEntity } from '@hongjia/functions/subsidies/entity';
import {
  api,
  creditCodeCheckCharacter,
  type DistrictCode,
  ErrorEnvelope,
  type RouteContract,
  todayInChina,
} from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { type Actor, type ActorName, actors, otherDistrict, ownDistrict } from './authorization/actors';
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
import { deliveriesCsv, idNumberOf, importFile, uploadImportFile, utf8 } from './monitoring-fixtures';
import {
  type Created,
  daysFromToday,
  parents,
  idNumber as regIdNumber,
  registrationBody,
  submit,
} from './registration-fixtures';
import { bindIdentity, createFamily, familyBody, validIdNumber } from './special-family-fixtures';
import { pdfBytes, sha256Of, uploaded } from './upload-fixtures';

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
const pendingFixtures: Record<string, string> = {};
/** Only ever lowered as fixtures land (issue 15's fourteen supervision and volunteer routes have theirs now). */
const pendingCeiling = 0;

/**
 * `self` reads of a record a caller may simply not have: the matrix's actors have none, and the
 * route says so in the envelope (404) instead of an empty answer. Nobody else's record is involved.
 */
const noneOfTheirOwn: Record<string, { status: number; code: string }> = {
  myIdentity: { status: 404, code: 'NOT_FOUND' },
  mySpecialFamily: { status: 404, code: 'NOT_A_MEMBER' },
  myRecordViews: { status: 404, code: 'NOT_A_MEMBER' },
  setProxyConsent: { status: 404, code: 'NOT_A_MEMBER' },
  // Family-supplied proof (decision 0039): only members of a special family send or list claims.
  submitFactClaim: { status: 404, code: 'NOT_A_MEMBER' },
  myFactClaims: { status: 404, code: 'NOT_A_MEMBER' },
};

/** Routes that end every session of their caller: asked after all others, the caller signed in again. */
const sessionEnders = new Set(['logout']);

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

/** Family B's `own` is its own record; every other actor's `own` is family A's (refused alike). */
const familyOf = (actor: Actor, side: Side): 'familyA' | 'familyB' => {
  const mine = actor.name === 'familyB' ? 'familyB' : 'familyA';
  return side === 'own' ? mine : mine === 'familyA' ? 'familyB' : 'familyA';
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
  // 科学育儿: a real article; city staff "publish" one already published (a no-op that answers 200).
  objectRequests.set('getArticle', () => ({
    method: 'GET',
    path: pathOf(api.getArticle, { id: 'screen-time' }),
  }));
  objectRequests.set('setArticleState', () => ({
    method: 'POST',
    path: pathOf(api.setArticleState, { id: 'screen-time' }),
    body: { state: 'published' },
    headers: { 'idempotency-key': key('matrix-article') },
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

  // Two providers filing one credit code: a conflict of the institution's district, resolved once.
  objectRequests.set('resolveFilingConflict', async (actor, side) => {
    const district = districtOf(actor, side);
    const body = filingBody({ district, creditCode: creditCode(district), address: '南昌市矩阵路 2 号' });
    await fileInstitution(runtime, provider, body);
    const second = await fileInstitution(runtime, otherProvider, { ...body, name: '矩阵托育园' });
    return resolveRequest('filings', district, second);
  });

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

  // Two families naming one medical certificate: a conflict of the bundle's district, resolved once.
  let claimants = 0;
  const freshMother = async () => {
    const n = ++claimants;
    const token = (await signIn(runtime, `matrix-bundle-mother-${n}`)).token;
    const bound = await bindIdentity(
      runtime,
      token,
      '矩阵产妇',
      validIdNumber(ownDistrict, '1993-06-01', 'F', 9600 + n),
    );
    expect(bound.status, bound.text).toBe(200);
    return token;
  };
  objectRequests.set('resolveBundleConflict', async (actor, side) => {
    const district = districtOf(actor, side);
    const body = bundleBody(district);
    const ids: string[] = [];
    for (const token of [await freshMother(), await freshMother()]) {
      const answer = await call(runtime, api.submitBirthBundle.path, {
        token,
        body,
        headers: { 'idempotency-key': key('matrix-bundle') },
      });
      expect(answer.status, answer.text).toBe(201);
      ids.push(String(answer.json?.id));
    }
    return resolveRequest('birth-bundles', district, ids[1] as string);
  });

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
  /** A special family of `district`; with `contactUserId`, its mother (a fresh account) lets that contact act for it. */
  const specialFamilyIn = async (district: DistrictCode, contactUserId?: string) => {
    families++;
    const mother = {
      name: '矩阵母亲',
      idNumber: validIdNumber(district, '1968-03-15', 'F', 7000 + families),
    };
    const body = familyBody(7000 + families, {
      district,
      members: [{ role: 'mother', ...mother, phone: '13807910001' }],
      ...(contactUserId
        ? { contactPerson: { name: '矩阵联系人', phone: '13907910003', userId: contactUserId } }
        : {}),
    });
    const created = await createFamily(runtime, staffOf[district] as string, body);
    expect(created.status, created.text).toBe(201);
    if (contactUserId) {
      const member = (await signIn(runtime, `matrix-member-${families}`)).token;
      const bound = await bindIdentity(runtime, member, mother.name, mother.idNumber);
      expect(bound.status, bound.text).toBe(200);
      const consent = await call(runtime, api.setProxyConsent.path, {
        token: member,
        body: { granted: true },
      });
      expect(consent.status, consent.text).toBe(200);
    }
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

  await registrationFixtures(personOf);
  await assistanceFixtures(personOf, specialFamilyIn);
  await factClaimFixtures();
  await subsidyFixtures();
  await monitoringImportFixtures();
  await benefitFixtures();
  await supervisionFixtures();
  await volunteerFixtures();
  // Logout ends every session of its caller: asked last, each actor signed in again after each ask.
  objectRequests.set('logout', () => ({ method: 'POST', path: api.logout.path }));
}

/** The staff token of a district's own staff. */
const districtStaffOf = (district: DistrictCode) =>
  tokens.get(district === ownDistrict ? 'districtStaff' : 'otherDistrictStaff') as string;

/**
 * Childcare supervision (decision 0034): 普惠 applications, fee changes, 示范机构, inspections and the
 * known-operator list. Provider routes act on each provider's institution (the peer's is 404);
 * staff routes on an institution or application of the side's district. A write that moves its
 * object (an application, a decision, a designation, a rectification) gets a fresh object per ask.
 */
async function supervisionFixtures() {
  const city = tokens.get('cityStaff') as string;
  const providerName = (actor: Actor) => (actor.name === 'otherProvider' ? 'otherProvider' : 'provider');
  const peerOf = (name: 'provider' | 'otherProvider') => (name === 'provider' ? 'otherProvider' : 'provider');
  /** A published institution of `owner` in `district` (not 普惠, 1,800 yuan a month). */
  const publishedIn = async (owner: 'provider' | 'otherProvider', district: DistrictCode) => {
    const id = await fileInstitution(
      runtime,
      tokens.get(owner) as string,
      filingBody({
        district,
        creditCode: creditCode(district),
        address: '南昌市矩阵路 9 号',
        affordable: false,
        monthlyFeeYuan: 1800,
      }),
    );
    await approve(runtime, districtStaffOf(district), id);
    return id;
  };
  const standing = {
    provider: await publishedIn('provider', ownDistrict),
    otherProvider: await publishedIn('otherProvider', otherDistrict),
  };
  const inDistrict = (district: DistrictCode) =>
    district === ownDistrict ? standing.provider : standing.otherProvider;
  const application = { feeCapYuan: 2000, places: [{ ageClass: 'toddler', places: 5 }], attachmentIds: [] };
  const inspect = async (institutionId: string) => {
    const answer = await call(runtime, pathOf(api.recordInspection, { id: institutionId }), {
      token: city,
      body: {
        date: todayInChina(),
        inspector: '矩阵检查员',
        result: 'rectify',
        findings: '消防通道堆放杂物',
        rectifyBy: futureDate(20),
      },
      headers: { 'idempotency-key': key('matrix-inspect') },
    });
    expect(answer.status, answer.text).toBe(201);
    return String(answer.json?.id);
  };
  const peerInspection = {
    provider: await inspect(standing.otherProvider),
    otherProvider: await inspect(standing.provider),
  };

  // Provider routes: `own` the asker's institution (fresh where the ask moves it), `other` the peer's.
  objectRequests.set('applyAffordable', async (actor, side) => {
    const mine = providerName(actor);
    return {
      method: 'POST',
      path: pathOf(api.applyAffordable, {
        id: side === 'own' ? await publishedIn(mine, ownDistrict) : standing[peerOf(mine)],
      }),
      body: application,
      headers: { 'idempotency-key': key('matrix-affordable') },
    };
  });
  objectRequests.set('changeInstitutionFee', (actor, side) => {
    const mine = providerName(actor);
    return {
      method: 'POST',
      path: pathOf(api.changeInstitutionFee, { id: standing[side === 'own' ? mine : peerOf(mine)] }),
      body: { monthlyFeeYuan: 1700 },
      headers: { 'idempotency-key': key('matrix-fee') },
    };
  });
  objectRequests.set('providerInspections', (actor, side) => {
    const mine = providerName(actor);
    return {
      method: 'GET',
      path: pathOf(api.providerInspections, { id: standing[side === 'own' ? mine : peerOf(mine)] }),
    };
  });
  objectRequests.set('reportRectification', async (actor, side) => {
    const mine = providerName(actor);
    return {
      method: 'POST',
      path: pathOf(api.reportRectification, {
        id: side === 'own' ? await inspect(standing[mine]) : peerInspection[mine],
      }),
      body: { note: '矩阵整改：已清理消防通道', attachmentIds: [] },
      headers: { 'idempotency-key': key('matrix-rectify') },
    };
  });

  // Staff routes: a fresh application (or institution) of the side's district per ask.
  objectRequests.set('decideAffordableApplication', async (actor, side) => {
    const institution = await publishedIn('provider', districtOf(actor, side));
    const applied = await call(runtime, pathOf(api.applyAffordable, { id: institution }), {
      token: tokens.get('provider') as string,
      body: application,
      headers: { 'idempotency-key': key('matrix-affordable') },
    });
    expect(applied.status, applied.text).toBe(201);
    return {
      method: 'POST',
      path: pathOf(api.decideAffordableApplication, { id: String(applied.json?.id) }),
      body: { decision: 'approve' },
      headers: { 'idempotency-key': key('matrix-decide') },
    };
  });
  const designation = { level: 'municipal', year: 2026 };
  objectRequests.set('designateModelInstitution', (actor, side) => ({
    method: 'POST',
    path: pathOf(api.designateModelInstitution, { id: inDistrict(districtOf(actor, side)) }),
    body: designation,
    headers: { 'idempotency-key': key('matrix-model') },
  }));
  objectRequests.set('withdrawModelInstitution', async (actor, side) => {
    const institution = await publishedIn('provider', districtOf(actor, side));
    const designated = await call(runtime, pathOf(api.designateModelInstitution, { id: institution }), {
      token: city,
      body: designation,
      headers: { 'idempotency-key': key('matrix-model') },
    });
    expect(designated.status, designated.text).toBe(200);
    return {
      method: 'POST',
      path: pathOf(api.withdrawModelInstitution, { id: institution }),
      headers: { 'idempotency-key': key('matrix-unmodel') },
    };
  });
  objectRequests.set('recordInspection', (actor, side) => ({
    method: 'POST',
    path: pathOf(api.recordInspection, { id: inDistrict(districtOf(actor, side)) }),
    body: { date: todayInChina(), inspector: '矩阵检查员', result: 'pass' },
    headers: { 'idempotency-key': key('matrix-inspect') },
  }));
  objectRequests.set('staffInstitutionInspections', (actor, side) => ({
    method: 'GET',
    path: pathOf(api.staffInstitutionInspections, { id: inDistrict(districtOf(actor, side)) }),
  }));
  // The known-operator list of the side's district (named in the body: city staff must name one).
  objectRequests.set('addKnownOperator', (actor, side) => {
    const district = districtOf(actor, side);
    return {
      method: 'POST',
      path: api.addKnownOperator.path,
      body: { district, creditCode: creditCode(district), name: '矩阵底册托育点' },
      headers: { 'idempotency-key': key('matrix-operator') },
    };
  });
  objectRequests.set('importKnownOperators', (actor, side) => {
    const district = districtOf(actor, side);
    return {
      method: 'POST',
      path: api.importKnownOperators.path,
      body: {
        district,
        csv: `统一社会信用代码,机构名称,地址\n${creditCode(district)},矩阵导入托育点,南昌市矩阵路 3 号\n`,
      },
      headers: { 'idempotency-key': key('matrix-operators') },
    };
  });
}

/**
 * 社会组织 (decision 0035): the volunteer actor is the seed's organisation (serving 东湖区); the
 * matrix registers a second one serving both sides' districts. Families A and B (members of a
 * special family of their district, assistanceFixtures) consent to sharing; each ask assigns or
 * records on a fresh 生活照料 request of the side's family.
 */
async function volunteerFixtures() {
  const city = tokens.get('cityStaff') as string;
  let accounts = 0;
  const organisationBody = async (districts: DistrictCode[]) => {
    const n = ++accounts;
    const first17 = `51360102MJ${String(9_000_000 + n)}`;
    return {
      name: `矩阵志愿服务协会${n}`,
      creditCode: `${first17}${creditCodeCheckCharacter(first17)}`,
      contactName: '周志愿',
      contactPhone: '13907910101',
      districts,
      accountUserId: (await signIn(runtime, `matrix-volunteer-${n}`)).user.id,
    };
  };
  const registered = await call(runtime, api.registerVolunteerOrganisation.path, {
    token: city,
    body: await organisationBody([ownDistrict, otherDistrict]),
    headers: { 'idempotency-key': key('matrix-org') },
  });
  expect(registered.status, registered.text).toBe(201);
  const otherOrganisation = String(registered.json?.id);
  const listed = await call(
    runtime,
    `${api.staffVolunteerOrganisations.path}?district=${ownDistrict}&limit=50`,
    {
      token: city,
    },
  );
  const seeded = ((listed.json?.items ?? []) as { id: string; name: string }[]).find(
    (org) => org.name === '东湖区红心志愿服务协会',
  );
  expect(seeded, 'the seeded organisation serving 东湖区').toBeDefined();
  // Consent is given (again: the withdrawal route's cells may have withdrawn it) before each request.
  const consentOf = async (family: 'familyA' | 'familyB') => {
    const consent = await call(runtime, api.recordConsent.path, {
      token: tokens.get(family) as string,
      body: { kind: 'social_org_sharing' },
      headers: { 'idempotency-key': key('matrix-sharing') },
    });
    expect(consent.status, consent.text).toBe(201);
  };
  const careRequest = async (family: 'familyA' | 'familyB') => {
    await consentOf(family);
    const answer = await call(runtime, api.createAssistanceRequest.path, {
      token: tokens.get(family) as string,
      body: { category: 'daily_care', description: '矩阵求助：想请人每周上门帮忙打扫', urgency: 'normal' },
      headers: { 'idempotency-key': key('matrix-care') },
    });
    expect(answer.status, answer.text).toBe(201);
    return String(answer.json?.id);
  };
  const assigned = async (family: 'familyA' | 'familyB', organisationId: string) => {
    const id = await careRequest(family);
    const answer = await call(runtime, pathOf(api.assignAssistanceRequest, { id }), {
      token: districtStaffOf(family === 'familyA' ? ownDistrict : otherDistrict),
      body: { organisationId, expectedVersion: 1 },
    });
    expect(answer.status, answer.text).toBe(200);
    return { id, version: Number(answer.json?.version) };
  };

  // Withdrawing one's own sharing consent (none given answers alike): every signed-in caller.
  objectRequests.set('withdrawConsent', () => ({
    method: 'POST',
    path: api.withdrawConsent.path,
    body: { kind: 'social_org_sharing' },
    headers: { 'idempotency-key': key('matrix-withdraw') },
  }));
  // A fresh organisation per ask (deactivating is city staff's alone).
  objectRequests.set('deactivateVolunteerOrganisation', async () => {
    const created = await call(runtime, api.registerVolunteerOrganisation.path, {
      token: city,
      body: await organisationBody([ownDistrict]),
      headers: { 'idempotency-key': key('matrix-org') },
    });
    expect(created.status, created.text).toBe(201);
    return {
      method: 'POST',
      path: pathOf(api.deactivateVolunteerOrganisation, { id: String(created.json?.id) }),
      headers: { 'idempotency-key': key('matrix-org-off') },
    };
  });
  objectRequests.set('registerVolunteerOrganisation', async () => ({
    method: 'POST',
    path: api.registerVolunteerOrganisation.path,
    body: await organisationBody([ownDistrict]),
    headers: { 'idempotency-key': key('matrix-org') },
  }));
  // The side's district's family's request, to the organisation serving both districts.
  objectRequests.set('assignAssistanceRequest', async (actor, side) => ({
    method: 'POST',
    path: pathOf(api.assignAssistanceRequest, {
      id: await careRequest(districtOf(actor, side) === ownDistrict ? 'familyA' : 'familyB'),
    }),
    body: { organisationId: otherOrganisation, expectedVersion: 1 },
  }));
  // `own`: a request assigned to the volunteer's organisation; `other`: one of the other organisation.
  objectRequests.set('recordVolunteerEvent', async (_, side) => {
    const request = await assigned('familyA', side === 'own' ? (seeded?.id as string) : otherOrganisation);
    return {
      method: 'POST',
      path: pathOf(api.recordVolunteerEvent, { id: request.id }),
      body: { kind: 'visit', note: '矩阵走访', expectedVersion: request.version },
    };
  });
}

/**
 * 免申即享: a page of a district's screening, and enrolment of a pair that screening found there
 * (enrolling it again answers alike: already enrolled). Both name the district in the body.
 */
async function benefitFixtures() {
  const eligible = new Map<DistrictCode, { familyId: string; policyId: string }>();
  for (const district of [ownDistrict, otherDistrict]) {
    const screened = await call(runtime, api.runBenefitScreening.path, {
      token: tokens.get('cityStaff') as string,
      body: { district, limit: 50 },
    });
    expect(screened.status, screened.text).toBe(200);
    const [first] = (screened.json?.items ?? []) as { familyId: string; policyId: string }[];
    expect(first, `an eligible pair in ${district}`).toBeDefined();
    eligible.set(district, { familyId: first?.familyId as string, policyId: first?.policyId as string });
  }
  objectRequests.set('runBenefitScreening', (actor, side) => ({
    method: 'POST',
    path: api.runBenefitScreening.path,
    body: { district: districtOf(actor, side), limit: 10 },
  }));
  objectRequests.set('enrolBenefits', (actor, side) => {
    const district = districtOf(actor, side);
    return {
      method: 'POST',
      path: api.enrolBenefits.path,
      body: { district, items: [eligible.get(district)] },
      headers: { 'idempotency-key': key('matrix-enrol') },
    };
  });
}

/**
 * 监测数据导入: an import's scope is its importer's jurisdiction (imports-service.ts), so each
 * district's staff import one file of their own; its rows are all refused (a sex of `X`), so the
 * import has an errors.csv and writes no record. A new import is the caller's own (a dry run).
 */
async function monitoringImportFixtures() {
  const rejectedRows = (district: DistrictCode) =>
    utf8(
      deliveriesCsv([
        {
          deliveryId: `MATRIX-${district}`,
          motherIdNumber: idNumberOf(district, '1994-03-01', 7, 'F'),
          motherName: '矩阵产妇',
          district,
          deliveryDate: '2025-04-02',
          childSex: 'X',
          birthWeightG: 3200,
          parity: 1,
        },
      ]),
    );
  const imports = new Map<DistrictCode, string>();
  for (const [district, staff] of [
    [ownDistrict, 'districtStaff'],
    [otherDistrict, 'otherDistrictStaff'],
  ] as const) {
    const view = await importFile(
      runtime,
      tokens.get(staff) as string,
      'hospital_delivery',
      rejectedRows(district),
    );
    expect(view).toMatchObject({ status: 'done', rejected: 1, accepted: 0 });
    imports.set(district, view.id);
  }
  // Gaps to explain: a delivery of 45 days ago that nothing else records opens several per district.
  const gapDay = new Date(Date.now() + 8 * 3600_000 - 45 * 86_400_000).toISOString().slice(0, 10);
  for (const [district, staff] of [
    [ownDistrict, 'districtStaff'],
    [otherDistrict, 'otherDistrictStaff'],
  ] as const) {
    const view = await importFile(
      runtime,
      tokens.get(staff) as string,
      'hospital_delivery',
      utf8(
        deliveriesCsv([
          {
            deliveryId: `MATRIX-GAP-${district}`,
            motherIdNumber: idNumberOf(district, '1994-03-01', 8, 'F'),
            motherName: '矩阵产妇',
            district,
            deliveryDate: gapDay,
            childSex: 'F',
            birthWeightG: 3200,
            parity: 1,
          },
        ]),
      ),
    );
    expect(view).toMatchObject({ status: 'done', accepted: 1 });
  }
  // Each ask explains a gap still open in the side's district (an explained one leaves the list).
  objectRequests.set('resolveReconciliationItem', async (actor, side) => {
    const district = districtOf(actor, side);
    const listed = await call(
      runtime,
      pathOf(api.monitoringReconciliation, {}, `district=${district}&month=${gapDay.slice(0, 7)}&limit=50`),
      { token: tokens.get('cityStaff') as string },
    );
    expect(listed.status, listed.text).toBe(200);
    const [gap] = (listed.json?.items ?? []) as { id: string; version: number }[];
    expect(gap, `an open gap in ${district}`).toBeDefined();
    return {
      method: 'POST',
      path: pathOf(api.resolveReconciliationItem, { id: gap?.id as string }),
      body: { note: '矩阵核查：已电话核实', expectedVersion: gap?.version },
      headers: { 'idempotency-key': key('matrix-gap') },
    };
  });
  for (const name of ['monitoringImport', 'monitoringImportErrors'] as const)
    objectRequests.set(name, (actor, side) => ({
      method: 'GET',
      path: pathOf(api[name], { id: imports.get(districtOf(actor, side)) as string }),
    }));
  objectRequests.set('createMonitoringImport', async (actor) => ({
    method: 'POST',
    path: api.createMonitoringImport.path,
    body: {
      source: 'hospital_delivery',
      uploadId: await uploadImportFile(
        runtime,
        tokenOf(actor) as string,
        rejectedRows(actor.district ?? ownDistrict),
      ),
      dryRun: true,
    },
    headers: { 'idempotency-key': key('matrix-import') },
  }));
}

/**
 * 育儿补贴 reviews and payments: each ask decides or pays an application of the side's district,
 * filed fresh by a fresh bound applicant (a family may apply 10 times a day; decisions are final).
 */
async function subsidyFixtures() {
  let applicants = 0;
  const staffOf = (district: DistrictCode) =>
    tokens.get(district === ownDistrict ? 'districtStaff' : 'otherDistrictStaff') as string;
  const applicationIn = async (district: DistrictCode, child = 9400 + applicants + 1) => {
    const n = ++applicants;
    const applicant = (await signIn(runtime, `matrix-applicant-${n}`)).token;
    const bound = await bindIdentity(
      runtime,
      applicant,
      '矩阵申请人',
      validIdNumber(ownDistrict, '1991-02-01', 'F', 9300 + n),
    );
    expect(bound.status, bound.text).toBe(200);
    const applied = await call(runtime, api.applyChildcareSubsidy.path, {
      token: applicant,
      body: {
        childName: '矩阵小宝',
        childIdNumber: validIdNumber(district, '2025-03-01', 'M', child),
        childBirthDate: '2025-03-01',
        hukouDistrict: district,
        guardianConsent: true,
      },
      headers: { 'idempotency-key': key('matrix-subsidy') },
    });
    expect(applied.status, applied.text).toBe(201);
    return String(applied.json?.id);
  };
  objectRequests.set('reviewChildcareSubsidy', async (actor, side) => ({
    method: 'POST',
    path: pathOf(api.reviewChildcareSubsidy, { id: await applicationIn(districtOf(actor, side)) }),
    body: { decision: 'approve', expectedVersion: 1 },
  }));
  // A payment of an approved application: the first year it owes, the amount it owes then.
  objectRequests.set('recordSubsidyPayment', async (actor, side) => {
    const district = districtOf(actor, side);
    const id = await applicationIn(district);
    const approved = await call(runtime, pathOf(api.reviewChildcareSubsidy, { id }), {
      token: staffOf(district),
      body: { decision: 'approve', expectedVersion: 1 },
    });
    expect(approved.status, approved.text).toBe(200);
    const view = approved.json as { version: number; byYear: { year: number; amountYuan: number }[] };
    const owed = view.byYear.find((year) => year.amountYuan > 0) as { year: number; amountYuan: number };
    return {
      method: 'POST',
      path: pathOf(api.recordSubsidyPayment, { id }),
      body: { year: owed.year, amountYuan: owed.amountYuan, expectedVersion: view.version },
      headers: { 'idempotency-key': key('matrix-pay') },
    };
  });

  // 年度确认: each family's own approved application, its renewal date moved into the 30-day window
  // straight in the store (approval sets it a year ahead; the window is a matter of the clock).
  const subsidies = createSubsidyEntity(writerClient(), process.env.TABLE_NAME as string);
  const renewable = new Map<string, string>();
  for (const [family, district] of [
    ['familyA', ownDistrict],
    ['familyB', otherDistrict],
  ] as const) {
    const applied = await call(runtime, api.applyChildcareSubsidy.path, {
      token: tokens.get(family) as string,
      body: {
        childName: '矩阵续领',
        childIdNumber: validIdNumber(district, '2025-03-01', 'M', family === 'familyA' ? 9901 : 9902),
        childBirthDate: '2025-03-01',
        hukouDistrict: district,
        guardianConsent: true,
      },
      headers: { 'idempotency-key': key('matrix-subsidy') },
    });
    expect(applied.status, applied.text).toBe(201);
    const id = String(applied.json?.id);
    const approved = await call(runtime, pathOf(api.reviewChildcareSubsidy, { id }), {
      token: staffOf(district),
      body: { decision: 'approve', expectedVersion: 1 },
    });
    expect(approved.status, approved.text).toBe(200);
    const dueOn = daysFromToday(10);
    await subsidies
      .patch({ subsidyId: id })
      .set({ renewalDueOn: dueOn, renewalMonth: dueOn.slice(0, 7) })
      .go();
    renewable.set(family, id);
  }
  objectRequests.set('renewChildcareSubsidy', (actor, side) => ({
    method: 'POST',
    path: pathOf(api.renewChildcareSubsidy, { id: renewable.get(familyOf(actor, side)) as string }),
  }));

  // Two applicants claiming the same child: a conflict of the child's district, resolved once.
  let claimed = 0;
  objectRequests.set('resolveSubsidyConflict', async (actor, side) => {
    const district = districtOf(actor, side);
    const child = 9800 + ++claimed;
    await applicationIn(district, child);
    const second = await applicationIn(district, child);
    return resolveRequest('childcare-subsidies', district, second);
  });
}

/** The request resolving the open conflict of `kind` in `district` whose second side is `secondId`. */
async function resolveRequest(
  kind: 'childcare-subsidies' | 'birth-bundles' | 'filings',
  district: DistrictCode,
  secondId: string,
): Promise<Request> {
  const listed = await call(runtime, `/v1/staff/conflicts/${kind}?district=${district}&limit=50`, {
    token: tokens.get('cityStaff') as string,
  });
  expect(listed.status, listed.text).toBe(200);
  const conflict = (
    (listed.json?.items ?? []) as { id: string; version: number; sides: { recordId: string }[] }[]
  ).find((item) => item.sides[1]?.recordId === secondId);
  expect(conflict, `a ${kind} conflict over ${secondId} in ${district}`).toBeDefined();
  return {
    method: 'POST',
    path: `/v1/staff/conflicts/${kind}/${conflict?.id}/resolve`,
    body: { standing: 'first', comment: '矩阵核对', expectedVersion: conflict?.version },
  };
}

/**
 * Help requests (求助): families A and B are the mothers of a special family of their own district,
 * each district's staff its contact person with the family's consent to act for it (proxy mode);
 * city staff the contact person of a third family. Each family's own request is the one staff meet
 * as their district's or the other's; events change a request's version, so a fresh one per ask.
 */
async function assistanceFixtures(
  personOf: (actor: Actor) => { name: string; idNumber: string },
  specialFamilyIn: (district: DistrictCode, contactUserId?: string) => Promise<string>,
) {
  const actor = (name: ActorName) => actors.find((a) => a.name === name) as Actor;
  const staffFamilies = new Map<string, string>();
  let serial = 7500;
  for (const [family, district, contact] of [
    ['familyA', ownDistrict, 'districtStaff'],
    ['familyB', otherDistrict, 'otherDistrictStaff'],
  ] as const) {
    const person = personOf(actor(family));
    const created = await createFamily(
      runtime,
      tokens.get(contact) as string,
      familyBody(++serial, {
        district,
        members: [{ role: 'mother', ...person, phone: '13807910001' }],
        contactPerson: { name: '矩阵联系人', phone: '13907910003', userId: userIds.get(contact) },
      }),
    );
    expect(created.status, created.text).toBe(201);
    staffFamilies.set(contact, (created.json as { id: string }).id);
    const consent = await call(runtime, api.setProxyConsent.path, {
      token: tokens.get(family) as string,
      body: { granted: true },
    });
    expect(consent.status, consent.text).toBe(200);
  }
  // City staff act for a family of 东湖区 whose mother (a fresh account) consented.
  staffFamilies.set('cityStaff', await specialFamilyIn(ownDistrict, userIds.get('cityStaff')));

  const helpBody = { category: 'medical', description: '矩阵求助：想请人陪同去医院复查', urgency: 'normal' };
  const fileHelp = async (family: 'familyA' | 'familyB') => {
    const answer = await call(runtime, api.createAssistanceRequest.path, {
      token: tokens.get(family) as string,
      body: helpBody,
      headers: { 'idempotency-key': key('matrix-help') },
    });
    expect(answer.status, answer.text).toBe(201);
    return String(answer.json?.id);
  };
  // Families file for themselves; staff for the family they are the contact person of.
  objectRequests.set('createAssistanceRequest', (asker) => ({
    method: 'POST',
    path: api.createAssistanceRequest.path,
    body: {
      ...helpBody,
      ...(staffFamilies.has(asker.name) ? { familyId: staffFamilies.get(asker.name) } : {}),
    },
    headers: { 'idempotency-key': key('matrix-help') },
  }));
  // Members only: anyone else is told they are none (as mySpecialFamily).
  objectRequests.set('setProxyConsent', () => ({
    method: 'POST',
    path: api.setProxyConsent.path,
    body: { granted: true },
  }));
  const requests = { familyA: await fileHelp('familyA'), familyB: await fileHelp('familyB') };
  // A family's own, or (anyone else) the one of the side's district.
  const requestFamily = (asker: Actor, side: Side) =>
    asker.roles.includes('family')
      ? familyOf(asker, side)
      : districtOf(asker, side) === ownDistrict
        ? 'familyA'
        : 'familyB';
  objectRequests.set('assistanceRequestEvents', (asker, side) => ({
    method: 'GET',
    path: pathOf(api.assistanceRequestEvents, { id: requests[requestFamily(asker, side)] }),
  }));
  objectRequests.set('recordAssistanceEvent', async (asker, side) => ({
    method: 'POST',
    path: pathOf(api.recordAssistanceEvent, { id: await fileHelp(requestFamily(asker, side)) }),
    body: { kind: 'call', note: '矩阵电话联系', expectedVersion: 1 },
  }));
}

/**
 * Family-supplied proof (decision 0039): families A (东湖区) and B (青山湖区) are members of their
 * records (assistanceFixtures). Each sends a claim with a proof file; staff meet A's as their
 * district's and B's as the other's. A decision is final: a fresh claim per ask.
 */
async function factClaimFixtures() {
  const send = async (family: 'familyA' | 'familyB') => {
    const token = tokens.get(family) as string;
    const uploadId = await uploaded(runtime, token, pdfBytes(1200));
    const answer = await call(runtime, api.submitFactClaim.path, {
      token,
      body: { kind: 'medical_insurance', date: '2026-01-01', attachmentIds: [uploadId] },
      headers: { 'idempotency-key': key('matrix-claim') },
    });
    expect(answer.status, answer.text).toBe(201);
    return { id: String(answer.json?.id), uploadId };
  };
  const sent = { familyA: await send('familyA'), familyB: await send('familyB') };
  const claimFamily = (asker: Actor, side: Side) =>
    asker.roles.includes('family')
      ? familyOf(asker, side)
      : districtOf(asker, side) === ownDistrict
        ? 'familyA'
        : 'familyB';
  // Members send their own (a fresh file each time); anyone else is told they are none.
  objectRequests.set('submitFactClaim', async (asker) => {
    const family = asker.name === 'familyA' || asker.name === 'familyB' ? asker.name : undefined;
    const uploadId = family
      ? await uploaded(runtime, tokens.get(family) as string, pdfBytes(1200))
      : 'upl_none';
    return {
      method: 'POST',
      path: api.submitFactClaim.path,
      body: { kind: 'rural_pension', date: '2026-01-01', attachmentIds: [uploadId] },
      headers: { 'idempotency-key': key('matrix-claim') },
    };
  });
  objectRequests.set('factClaimAttachment', (asker, side) => ({
    method: 'GET',
    path: pathOf(api.factClaimAttachment, sent[claimFamily(asker, side)]),
  }));
  objectRequests.set('decideFactClaim', async (asker, side) => ({
    method: 'POST',
    path: pathOf(api.decideFactClaim, { id: (await send(claimFamily(asker, side))).id }),
    body: { decision: 'reject', reason: '矩阵驳回' },
    headers: { 'idempotency-key': key('matrix-decide') },
  }));
}

/**
 * 生育登记: families A and B each file one of their own (as the bound mother) with an attachment, A's
 * in 东湖区, B's in 青山湖区, so staff meet A's as their district's and B's as the other's. Reviews and
 * voids change their object: a fresh registration per ask, filed by a fresh couple's mother.
 */
async function registrationFixtures(personOf: (actor: Actor) => { name: string; idNumber: string }) {
  const couple = (n: number, district: DistrictCode, mother: { name: string; idNumber: string }) => ({
    mother: { ...mother, phone: '13812345678', hukouDistrict: district },
    father: {
      name: '矩阵父亲',
      idNumber: regIdNumber('M', n),
      phone: '13987654321',
      hukouDistrict: district,
    },
  });
  let couples = 5000;
  const familyFiling = (family: 'familyA' | 'familyB', overrides: Record<string, unknown> = {}) => {
    const n = ++couples;
    const district = family === 'familyA' ? ownDistrict : otherDistrict;
    const person = personOf(actors.find((a) => a.name === family) as Actor);
    return registrationBody(n, { ...couple(n, district, person), ...overrides });
  };
  const fileAs = async (token: string, body: unknown) => {
    const answer = await submit(runtime, token, body);
    expect(answer.status, answer.text).toBe(201);
    return answer.json as unknown as Created;
  };
  const staffOf = (district: DistrictCode) =>
    tokens.get(district === ownDistrict ? 'districtStaff' : 'otherDistrictStaff') as string;

  const filed = new Map<string, { id: string; uploadId: string }>();
  for (const family of ['familyA', 'familyB'] as const) {
    const token = tokens.get(family) as string;
    const uploadId = await uploaded(runtime, token, pdfBytes(1500));
    const { id } = await fileAs(token, familyFiling(family, { parity: 2, attachmentIds: [uploadId] }));
    filed.set(family, { id, uploadId });
  }
  // A family's own, or (anyone else) the one of the side's district.
  const registrationFor = (actor: Actor, side: Side) =>
    filed.get(
      actor.roles.includes('family')
        ? familyOf(actor, side)
        : districtOf(actor, side) === ownDistrict
          ? 'familyA'
          : 'familyB',
    ) as { id: string; uploadId: string };
  objectRequests.set('getRegistration', (actor, side) => ({
    method: 'GET',
    path: pathOf(api.getRegistration, { id: registrationFor(actor, side).id }),
  }));
  objectRequests.set('registrationAttachment', (actor, side) => ({
    method: 'GET',
    path: pathOf(api.registrationAttachment, registrationFor(actor, side)),
  }));
  objectRequests.set('submitRegistration', (actor) => ({
    method: 'POST',
    path: api.submitRegistration.path,
    body: familyFiling(actor.name as 'familyA' | 'familyB'),
    headers: { 'idempotency-key': key('matrix-reg') },
  }));

  // 补正: each family's own registration, returned by its district; asked once on each side.
  const returned = new Map<string, { body: Record<string, unknown>; id: string }>();
  for (const family of ['familyA', 'familyB'] as const) {
    const body = familyFiling(family, { parity: 2 });
    const { id } = await fileAs(tokens.get(family) as string, body);
    const district = family === 'familyA' ? ownDistrict : otherDistrict;
    const back = await call(runtime, pathOf(api.reviewRegistration, { id }), {
      token: staffOf(district),
      body: { decision: 'return', comment: '矩阵退回补正', expectedVersion: 1 },
    });
    expect(back.status, back.text).toBe(200);
    returned.set(family, { body, id });
  }
  objectRequests.set('resubmitRegistration', (actor, side) => {
    const { id, body } = returned.get(familyOf(actor, side)) as { body: Record<string, unknown>; id: string };
    return {
      method: 'POST',
      path: pathOf(api.resubmitRegistration, { id }),
      body: { ...body, expectedVersion: 2 },
    };
  });

  // Staff decisions: a fresh couple's registration in the side's district per ask.
  const mother = parents(runtime, 'matrix-reg');
  const freshIn = async (district: DistrictCode, parity: 1 | 2) => {
    const n = ++couples;
    const body = registrationBody(n, {
      parity,
      ...couple(n, district, { name: '王小红', idNumber: regIdNumber('F', n) }),
    });
    const created = await fileAs(await mother(n), body);
    expect(created.status).toBe(parity === 1 ? 'approved' : 'pending_review');
    return created.id;
  };
  objectRequests.set('reviewRegistration', async (actor, side) => ({
    method: 'POST',
    path: pathOf(api.reviewRegistration, { id: await freshIn(districtOf(actor, side), 2) }),
    body: { decision: 'approve', expectedVersion: 1 },
  }));
  objectRequests.set('voidRegistration', async (actor, side) => ({
    method: 'POST',
    path: pathOf(api.voidRegistration, { id: await freshIn(districtOf(actor, side), 1) }),
    body: { reason: '矩阵测试作废', expectedVersion: 1 },
    headers: { 'idempotency-key': key('matrix-void') },
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
/** A store client for the few facts only a clock could reach (closed after the file). */
function writerClient() {
  const client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  closers.push(() => client.destroy());
  return client;
}
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
    // Routes that end the caller's sessions come last (fixtures hold the actors' tokens).
    const ordered = [...routes].sort(
      ([a], [b]) => Number(sessionEnders.has(a)) - Number(sessionEnders.has(b)),
    );
    for (const [name, route] of ordered) {
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
          if (sessionEnders.has(name) && actor.openid) {
            const after = await ask(actor, { method: 'GET', path: api.me.path });
            if (after.status !== 401)
              mismatches.push(`${name} as ${actor.name}: its token still answers ${after.status}`);
            tokens.set(actor.name, (await signIn(runtime, actor.openid)).token);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The count keeps the matrix honest: it grows as fixtures are written, never silently shrinks.
    expect(cells).toBeGreaterThan(1000);
  }, 300_000);
});
