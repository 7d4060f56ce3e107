import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import {
  approve,
  creditCode,
  fileInstitution,
  filingBody,
  futureDate,
  key,
} from './childcare-filing-fixtures';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { itemKeyStartsWith } from './store-keys';

/** 登记备案 (SPEC C1): from a provider through district review into search. */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let provider: string;
let districtStaff: string;
let otherStaff: string;
let cityStaff: string;

// A spot in 东湖区 away from the seeded centres' crowd, so search results are easy to read.
const where = { lat: 28.7012, lng: 115.9213 };

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  provider = (await signIn(runtime, 'provider-3')).token;
  districtStaff = (await signIn(runtime, 'staff-360102')).token;
  otherStaff = (await signIn(runtime, 'staff-360103')).token;
  cityStaff = (await signIn(runtime, 'staff-city')).token;
});
afterAll(async () => close?.());

const file = (body: unknown, token = provider) =>
  call(runtime, '/v1/provider/institutions', { token, body, headers: { 'idempotency-key': key('file') } });
const decide = (token: string, id: string, body: unknown) =>
  call(runtime, `/v1/staff/childcare/filings/${id}/decision`, { token, body });
const filings = async (token: string, query = '') => {
  const answer = await call(runtime, `/v1/staff/childcare/filings?limit=50${query}`, { token });
  expect(answer.status, answer.text).toBe(200);
  return (answer.json as { items: { id: string; status: string }[]; nextCursor: string | null }).items;
};
const nearbyIds = async () => {
  const answer = await call(
    runtime,
    `/v1/childcare/nearby?lat=${where.lat}&lng=${where.lng}&radiusM=300&limit=50`,
  );
  expect(answer.status, answer.text).toBe(200);
  return (answer.json as { items: { institution: { id: string } }[] }).items.map((i) => i.institution.id);
};

describe('a filing from provider to search results', () => {
  let id: string;

  beforeAll(async () => {
    id = await fileInstitution(runtime, provider, filingBody({ ...where, name: '东湖评审托育园' }));
  });

  it('is pending review, listed for its provider and invisible to search', async () => {
    const mine = await call(runtime, '/v1/provider/institutions', { token: provider });
    expect((mine.json as { items: { id: string; status: string }[] }).items).toContainEqual(
      expect.objectContaining({ id, status: 'pending_review' }),
    );
    expect(await nearbyIds()).not.toContain(id);
    expectEnvelope(await call(runtime, `/v1/childcare/institutions/${id}`), 404, 'NOT_FOUND');
  });

  it('is neither listed for nor decidable by staff of another district', async () => {
    expect((await filings(otherStaff)).map((f) => f.id)).not.toContain(id);
    expectEnvelope(await decide(otherStaff, id, { decision: 'approve' }), 404, 'NOT_FOUND');
    expectEnvelope(
      await call(runtime, '/v1/staff/childcare/filings?district=360102', { token: otherStaff }),
      403,
      'FORBIDDEN',
    );
  });

  it('is listed for staff of its district and of the city', async () => {
    expect((await filings(districtStaff)).map((f) => f.id)).toContain(id);
    expect((await filings(cityStaff, '&district=360102')).map((f) => f.id)).toContain(id);
    expect((await filings(cityStaff)).map((f) => f.id)).toContain(id);
  });

  it('cannot be decided by a provider or a family', async () => {
    expectEnvelope(await decide(provider, id, { decision: 'approve' }), 403, 'FORBIDDEN');
    const family = (await signIn(runtime, 'curious-family')).token;
    expectEnvelope(await decide(family, id, { decision: 'approve' }), 403, 'FORBIDDEN');
  });

  it('is published by its district staff, appears in search, and cannot be decided twice', async () => {
    const answer = await decide(districtStaff, id, { decision: 'approve' });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toMatchObject({ id, status: 'published' });
    expect(answer.json?.publishedAt).toBeDefined();
    expect(await nearbyIds()).toContain(id);
    expect((await call(runtime, `/v1/childcare/institutions/${id}`)).status).toBe(200);
    expectEnvelope(
      await decide(districtStaff, id, { decision: 'reject', reason: '改主意' }),
      409,
      'CONFLICT',
    );
    expectEnvelope(await decide(cityStaff, id, { decision: 'approve' }), 409, 'CONFLICT');
    const inbox = await call(runtime, '/v1/me/notifications', { token: provider });
    expect((inbox.json as { items: { kind: string }[] }).items.map((n) => n.kind)).toContain(
      'filing_approved',
    );
  });

  it('lets its provider publish slots within the class maximum, for classes it offers, in the future', async () => {
    const slot = (body: Record<string, unknown>, token = provider) =>
      call(runtime, `/v1/provider/institutions/${id}/slots`, {
        token,
        body: { ageClass: 'preschool', date: futureDate(2), session: 'full_day', capacity: 20, ...body },
        headers: { 'idempotency-key': key('slot') },
      });
    const tooBig = expectEnvelope(await slot({ ageClass: 'infant', capacity: 11 }), 400, 'VALIDATION_FAILED');
    expect(tooBig.details.map((d) => d.path)).toEqual(['body.capacity']);
    expect(tooBig.message).toContain('乳儿班');
    const past = expectEnvelope(await slot({ date: '2024-01-05' }), 400, 'VALIDATION_FAILED');
    expect(past.details.map((d) => d.path)).toEqual(['body.date']);
    const ok = await slot({});
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json).toMatchObject({ capacity: 20, confirmed: 0, waitlisted: 0, freePlaces: 20 });
    expectEnvelope(await slot({}), 409, 'CONFLICT');
    const stranger = (await signIn(runtime, 'provider-4')).token;
    expectEnvelope(await slot({ session: 'morning' }, stranger), 404, 'NOT_FOUND');
  });
});

describe('filing rules', () => {
  it('refuses an invalid credit code, oversized classes and too few caregivers, naming each field', async () => {
    const valid = creditCode();
    const wrongCheck = `${valid.slice(0, 17)}${valid.endsWith('0') ? '1' : '0'}`;
    const error = expectEnvelope(
      await file(
        filingBody({
          creditCode: wrongCheck,
          classes: [
            { ageClass: 'infant', capacity: 9, caregivers: 2 },
            { ageClass: 'toddler', capacity: 16, caregivers: 4 },
            { ageClass: 'infant', capacity: 5, caregivers: 2 },
          ],
        }),
      ),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details.map((d) => d.path)).toEqual([
      'body.creditCode',
      'body.classes.0.caregivers',
      'body.classes.1.capacity',
      'body.classes.2.ageClass',
    ]);
  });

  it('accepts the class maxima at their exact caregiver ratios', async () => {
    const answer = await file(
      filingBody({
        classes: [
          { ageClass: 'infant', capacity: 10, caregivers: 4 },
          { ageClass: 'toddler', capacity: 15, caregivers: 3 },
          { ageClass: 'preschool', capacity: 20, caregivers: 3 },
        ],
      }),
    );
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json).toMatchObject({ status: 'pending_review' });
  });

  it('keeps one active filing per credit code, and frees it when the filing is rejected', async () => {
    const code = creditCode();
    const first = await file(filingBody({ creditCode: code }));
    expect(first.status).toBe(201);
    // The provider's own second filing of the code is refused (telling it about its own filing).
    const own = expectEnvelope(await file(filingBody({ creditCode: code })), 409, 'CONFLICT');
    expect(own.message).toContain('您已为该统一社会信用代码提交过备案');
    const id = first.json?.id as string;
    const noReason = expectEnvelope(
      await decide(districtStaff, id, { decision: 'reject' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(noReason.details[0]?.path).toBe('body.reason');
    const rejected = await decide(districtStaff, id, { decision: 'reject', reason: '保育人员资质材料不全' });
    expect(rejected.json).toMatchObject({ status: 'rejected', reviewReason: '保育人员资质材料不全' });
    const inbox = await call(runtime, '/v1/me/notifications', { token: provider });
    expect((inbox.json as { items: { kind: string; body: string }[] }).items[0]).toMatchObject({
      kind: 'filing_rejected',
      body: expect.stringContaining('保育人员资质材料不全'),
    });
    expect((await file(filingBody({ creditCode: code }))).status).toBe(201);
  });

  it('refuses slots for an institution still under review', async () => {
    const id = await fileInstitution(runtime, provider);
    const answer = await call(runtime, `/v1/provider/institutions/${id}/slots`, {
      token: provider,
      body: { ageClass: 'toddler', date: futureDate(2), session: 'full_day', capacity: 10 },
      headers: { 'idempotency-key': key('slot') },
    });
    expectEnvelope(answer, 409, 'CONFLICT');
  });

  it('is for providers only', async () => {
    const family = (await signIn(runtime, 'family-filer')).token;
    expectEnvelope(await file(filingBody(), family), 403, 'FORBIDDEN');
  });
});

describe('a credit code filed by another provider goes to a person, never to the first filer', () => {
  interface Conflict {
    id: string;
    kind: string;
    district: string;
    status: string;
    subject: string;
    sides: {
      recordId: string;
      applicantNameMasked: string;
      status: string;
      facts: { label: string; value: string }[];
      evidence: string[];
    }[];
    version: number;
  }
  let squatter: string;
  let owner: string;
  const queue = async (token: string, query = '') => {
    const answer = await call(runtime, `/v1/staff/conflicts/filings${query}`, { token });
    expect(answer.status, answer.text).toBe(200);
    return (answer.json as { items: Conflict[] }).items;
  };
  const resolve = (token: string, id: string, body: Record<string, unknown>) =>
    call(runtime, `/v1/staff/conflicts/filings/${id}/resolve`, { token, body });
  const ownList = async (token: string) =>
    (
      (await call(runtime, '/v1/provider/institutions?limit=50', { token })).json as {
        items: { id: string; status: string; reviewReason?: string; creditCode: string }[];
      }
    ).items;
  const inbox = async (token: string) =>
    (
      (await call(runtime, '/v1/me/notifications?limit=50', { token })).json as {
        items: { kind: string; body: string }[];
      }
    ).items.filter((n) => n.kind === 'case_checked');

  beforeAll(async () => {
    squatter = (await signIn(runtime, 'provider-6')).token;
    owner = (await signIn(runtime, 'provider-7')).token;
  });

  it('the later provider is answered as for a code nobody filed; staff see both sides; the holder waits', async () => {
    const code = creditCode();
    const first = await file(filingBody({ creditCode: code, name: '抢注托育园' }), squatter);
    expect(first.status).toBe(201);
    const exists = await file(filingBody({ creditCode: code, name: '真实托育园' }), owner);
    const fresh = await file(filingBody({ name: '真实托育园' }), owner);
    expect([exists.status, fresh.status]).toEqual([201, 201]);
    expect({ ...exists.json, id: 'x' }).toEqual({ ...fresh.json, id: 'x' });
    // The provider's own list reads the same for both (apart from ids, codes and times).
    const mine = await ownList(owner);
    const strip = ({ id: _id, creditCode: _code, createdAt: _at, ...rest }: Record<string, unknown>) => rest;
    const held = mine.find((f) => f.id === exists.json?.id) as unknown as Record<string, unknown>;
    const clean = mine.find((f) => f.id === fresh.json?.id) as unknown as Record<string, unknown>;
    expect(held.status).toBe('pending_review');
    expect(strip(held)).toEqual(strip(clean));

    const found = (await queue(districtStaff)).filter((c) => c.sides[1]?.recordId === exists.json?.id);
    expect(found).toHaveLength(1);
    const conflict = found[0] as Conflict;
    expect(conflict).toMatchObject({
      kind: 'credit_code',
      district: '360102',
      status: 'open',
      subject: code,
    });
    expect(conflict.sides.map((s) => [s.recordId, s.status])).toEqual([
      [first.json?.id, 'pending_review'],
      [exists.json?.id, 'on_hold'],
    ]);
    expect(conflict.sides[1]?.facts).toContainEqual({ label: '机构名称', value: '真实托育园' });
    expect(conflict.sides[0]?.applicantNameMasked).toMatch(/^托\*+$/);
    expect((await queue(otherStaff)).map((c) => c.id)).not.toContain(conflict.id);
    expect((await queue(cityStaff)).map((c) => c.id)).toContain(conflict.id);
    // Neither filing is decided the ordinary way while the conflict is open.
    expectEnvelope(
      await decide(districtStaff, first.json?.id as string, { decision: 'approve' }),
      409,
      'CONFLICT_PENDING',
    );
    expectEnvelope(
      await decide(districtStaff, exists.json?.id as string, { decision: 'approve' }),
      409,
      'CONFLICT_PENDING',
    );
    expect((await filings(districtStaff)).map((f) => f.id)).not.toContain(exists.json?.id);

    // Resolved for the owner: the squatter's filing is voided, the owner's goes to review and is published.
    expectEnvelope(
      await resolve(otherStaff, conflict.id, {
        standing: 'second',
        comment: '营业执照核对',
        expectedVersion: 1,
      }),
      404,
      'NOT_FOUND',
    );
    const answer = await resolve(districtStaff, conflict.id, {
      standing: 'second',
      comment: '营业执照与申请人一致',
      expectedVersion: 1,
    });
    expect(answer.status, answer.text).toBe(200);
    expect((answer.json as unknown as Conflict).sides.map((s) => s.status)).toEqual([
      'voided',
      'pending_review',
    ]);
    const voided = (await ownList(squatter)).find((f) => f.id === first.json?.id);
    expect(voided).toMatchObject({
      status: 'rejected',
      reviewReason: '经工作人员核对，该备案未予受理。如有疑问，请咨询机构所在地县区卫生健康委员会。',
    });
    expect((await filings(districtStaff)).map((f) => f.id)).toContain(exists.json?.id);
    expect((await decide(districtStaff, exists.json?.id as string, { decision: 'approve' })).status).toBe(
      200,
    );
    expect((await inbox(squatter)).map((n) => n.body)).toEqual([
      '经工作人员核对，抢注托育园的备案未予受理。如有疑问，请咨询机构所在地县区卫生健康委员会。',
    ]);
    expect((await inbox(owner)).map((n) => n.body)).toContain(
      '经工作人员核对，真实托育园的备案继续办理，结果以机构工作台中显示为准。',
    );
  });

  it('a published holder found to be the wrong side leaves search when voided', async () => {
    const code = creditCode();
    const near = { lat: 28.7031, lng: 115.9232 };
    const squatted = await fileInstitution(
      runtime,
      squatter,
      filingBody({ creditCode: code, ...near, name: '已发布抢注园' }),
    );
    await approve(runtime, districtStaff, squatted);
    const nearby = async () =>
      (
        (await call(runtime, `/v1/childcare/nearby?lat=${near.lat}&lng=${near.lng}&radiusM=200&limit=50`))
          .json as {
          items: { institution: { id: string } }[];
        }
      ).items.map((i) => i.institution.id);
    expect(await nearby()).toContain(squatted);
    const later = await file(filingBody({ creditCode: code, name: '真实托育园二' }), owner);
    expect(later.status).toBe(201);
    const conflict = (await queue(districtStaff)).find(
      (c) => c.sides[1]?.recordId === later.json?.id,
    ) as Conflict;
    expect(conflict.sides[0]?.status).toBe('published');
    const answer = await resolve(cityStaff, conflict.id, {
      standing: 'second',
      comment: '营业执照核对',
      expectedVersion: 1,
    });
    expect(answer.status, answer.text).toBe(200);
    expect(await nearby()).not.toContain(squatted);
    expectEnvelope(await call(runtime, `/v1/childcare/institutions/${squatted}`), 404, 'NOT_FOUND');
  });
});

describe('exactly once under retries', () => {
  it('a filing whose answer was lost after it was written is finished by the retry: one filing', async () => {
    const { injectFaults } = await import('./faults');
    const body = filingBody({ name: '重试托育园' });
    const idempotencyKey = key('file');
    const send = () =>
      call(runtime, '/v1/provider/institutions', {
        token: provider,
        body,
        headers: { 'idempotency-key': idempotencyKey },
      });
    const faults = await injectFaults([
      {
        command: 'PutItemCommand',
        matches: itemKeyStartsWith('$hongjia#institutionid_'),
        when: 'after',
        times: 1,
      },
    ]);
    try {
      expect((await send()).status).toBe(500);
      expect(faults.failed()).toBe(1);
    } finally {
      faults.remove();
    }
    const retry = await send();
    expect(retry.status, retry.text).toBe(201);
    const mine = (await call(runtime, '/v1/provider/institutions?limit=50', { token: provider })).json as {
      items: { id: string; creditCode: string; status: string }[];
    };
    const withCode = mine.items.filter((f) => f.creditCode === body.creditCode);
    expect(withCode.map((f) => [f.id, f.status])).toEqual([[retry.json?.id, 'pending_review']]);
  });

  it('a slot whose answer was lost after it was published is answered by the retry, not 409', async () => {
    const { injectFaults } = await import('./faults');
    const id = await fileInstitution(runtime, provider, filingBody({ name: '托位重试园' }));
    await approve(runtime, districtStaff, id);
    const body = { ageClass: 'toddler', date: futureDate(4), session: 'morning', capacity: 12 };
    const idempotencyKey = key('slot');
    const send = () =>
      call(runtime, `/v1/provider/institutions/${id}/slots`, {
        token: provider,
        body,
        headers: { 'idempotency-key': idempotencyKey },
      });
    const faults = await injectFaults([
      { command: 'PutItemCommand', matches: itemKeyStartsWith('$hongjia#slotid_'), when: 'after', times: 1 },
    ]);
    try {
      expect((await send()).status).toBe(500);
    } finally {
      faults.remove();
    }
    const retry = await send();
    expect(retry.status, retry.text).toBe(201);
    expect(retry.json).toMatchObject({ capacity: 12, confirmed: 0, freePlaces: 12 });
    const slots = (
      await call(runtime, `/v1/childcare/institutions/${id}/slots?from=${body.date}&to=${body.date}`)
    ).json as {
      items: { id: string }[];
    };
    expect(slots.items.map((s) => s.id)).toEqual([retry.json?.id]);
    // Another request for the same slot is still refused.
    expectEnvelope(
      await call(runtime, `/v1/provider/institutions/${id}/slots`, {
        token: provider,
        body,
        headers: { 'idempotency-key': key('slot') },
      }),
      409,
      'CONFLICT',
    );
  });
});
