import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { creditCode, fileInstitution, filingBody, futureDate, key } from './childcare-filing-fixtures';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';

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
    const other = (await signIn(runtime, 'provider-5')).token;
    expectEnvelope(await file(filingBody({ creditCode: code }), other), 409, 'CONFLICT');
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
