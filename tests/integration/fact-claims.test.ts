import type { FactClaim, ScreeningResult } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import {
  bindIdentity,
  createFamily,
  familyBody,
  idempotencyKey,
  validIdNumber,
} from './special-family-fixtures';
import { pdfBytes, uploaded } from './upload-fixtures';

/**
 * Decision 0039: a special family sends a fact with its proof; staff of its district decide
 * once; an approved 在读证明 makes 阳光助学 eligible on the next 免申即享 screening, a rejected
 * one does not. Isolation (a family its own claims; staff their district, 404 outside;
 * attachments the sending family and reviewing staff only) and idempotency.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
const tokens: Record<string, string> = {};
/** Family A (approved), family C (rejected): 伤残 families of 东湖区 with a living child born 2009-09-01. */
const families = { a: '', c: '' };
const childBirthDate = '2009-09-01';

const mothers = {
  a: { name: '周桂香', idNumber: validIdNumber('360102', '1970-04-02', 'F', 3901) },
  c: { name: '吴秀兰', idNumber: validIdNumber('360102', '1971-05-03', 'F', 3902) },
};

async function makeFamily(serial: number, mother: { name: string; idNumber: string }) {
  const created = await createFamily(
    runtime,
    tokens.staff as string,
    familyBody(serial, {
      kind: 'disabled',
      childEventDate: '2015-05-05',
      members: [{ role: 'mother', ...mother, phone: '13807913901' }],
      children: [{ birthDate: childBirthDate, sex: 'M', alive: true }],
    }),
  );
  expect(created.status, created.text).toBe(201);
  return (created.json as { id: string }).id;
}

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  for (const [who, openid] of Object.entries({
    staff: 'staff-360102',
    staff103: 'staff-360103',
    city: 'staff-city',
    motherA: 'fact-claims-mother-a',
    motherC: 'fact-claims-mother-c',
    stranger: 'fact-claims-stranger',
  })) {
    tokens[who] = (await signIn(runtime, openid)).token;
  }
  families.a = await makeFamily(3901, mothers.a);
  families.c = await makeFamily(3902, mothers.c);
  for (const who of ['a', 'c'] as const) {
    const bound = await bindIdentity(
      runtime,
      tokens[who === 'a' ? 'motherA' : 'motherC'] as string,
      mothers[who].name,
      mothers[who].idNumber,
    );
    expect(bound.status, bound.text).toBe(200);
  }
});
afterAll(async () => {
  await close?.();
});

const submit = async (token: string, body: Record<string, unknown>, key = idempotencyKey('claim')) =>
  call(runtime, '/v1/me/special-family/fact-claims', { token, body, headers: { 'idempotency-key': key } });

const schoolClaim = async (token: string) => ({
  kind: 'school_stage',
  date: '2026-09-05',
  childBirthDate,
  schoolStage: 'high_school',
  attachmentIds: [await uploaded(runtime, token, pdfBytes(1800), '在读证明.pdf')],
});

const claimsOf = (answer: Awaited<ReturnType<typeof call>>) => (answer.json?.items ?? []) as FactClaim[];

const decide = (token: string, id: string, body: Record<string, unknown>) =>
  call(runtime, `/v1/staff/fact-claims/${id}/decision`, {
    token,
    body,
    headers: { 'idempotency-key': idempotencyKey('decide') },
  });

const screenFor = async (familyId: string) => {
  const answer = await call(runtime, '/v1/staff/benefit-screenings', {
    token: tokens.staff,
    body: { district: '360102', limit: 500 },
  });
  expect(answer.status, answer.text).toBe(200);
  return (answer.json as unknown as ScreeningResult).items
    .filter((i) => i.familyId === familyId)
    .map((i) => i.policyId);
};

describe('family-supplied proof', () => {
  let claimA: FactClaim;

  it('a member sends a claim once per Idempotency-Key; it waits for its district', async () => {
    const body = await schoolClaim(tokens.motherA as string);
    const key = idempotencyKey('claim-a');
    const first = await submit(tokens.motherA as string, body, key);
    expect(first.status, first.text).toBe(201);
    claimA = first.json as unknown as FactClaim;
    expect(claimA).toMatchObject({
      familyId: families.a,
      status: 'pending_review',
      schoolStage: 'high_school',
      attachments: [{ fileName: '在读证明.pdf' }],
    });
    expect(claimA.familyLabel).toMatch(/^伤残家庭 周\*/);
    const again = await submit(tokens.motherA as string, body, key);
    expect(again.status).toBe(201);
    expect((again.json as { id: string }).id).toBe(claimA.id);
    const mine = await call(runtime, '/v1/me/special-family/fact-claims', { token: tokens.motherA });
    expect(claimsOf(mine).map((c) => c.id)).toEqual([claimA.id]);
  });

  it('refuses a non-member, a child not on the record and a claim without proof, in the envelope', async () => {
    const stranger = await submit(tokens.stranger as string, await schoolClaim(tokens.stranger as string));
    expectEnvelope(stranger, 404, 'NOT_A_MEMBER');
    const wrongChild = await submit(tokens.motherA as string, {
      ...(await schoolClaim(tokens.motherA as string)),
      childBirthDate: '2011-01-01',
    });
    const error = expectEnvelope(wrongChild, 400, 'VALIDATION_FAILED');
    expect(error.details.map((d) => d.path)).toContain('body.childBirthDate');
    const noProof = await submit(tokens.motherA as string, {
      kind: 'medical_insurance',
      date: '2026-01-01',
      attachmentIds: [],
    });
    expectEnvelope(noProof, 400, 'VALIDATION_FAILED');
  });

  it('keeps a claim to its family and district: other families and districts get 404 or 403', async () => {
    const attachment = `/v1/fact-claims/${claimA.id}/attachments/${claimA.attachments[0]?.id}`;
    expect((await call(runtime, attachment, { token: tokens.motherA })).status).toBe(200);
    const asStaff = await call(runtime, attachment, { token: tokens.staff });
    expect(asStaff.status).toBe(200);
    expect(asStaff.json?.url).toMatch(/^http/);
    expectEnvelope(await call(runtime, attachment, { token: tokens.motherC }), 404, 'NOT_FOUND');
    expectEnvelope(await call(runtime, attachment, { token: tokens.staff103 }), 404, 'NOT_FOUND');
    const theirs = await call(runtime, '/v1/me/special-family/fact-claims', { token: tokens.motherC });
    expect(theirs.json?.items).toEqual([]);
    expectEnvelope(
      await call(runtime, '/v1/staff/fact-claims?district=360102', { token: tokens.staff103 }),
      403,
      'FORBIDDEN',
    );
    expectEnvelope(
      await decide(tokens.staff103 as string, claimA.id, { decision: 'approve' }),
      404,
      'NOT_FOUND',
    );
    const queue = await call(runtime, '/v1/staff/fact-claims', { token: tokens.staff });
    expect(claimsOf(queue).map((c) => c.id)).toContain(claimA.id);
  });

  it('an approved 在读证明 makes 阳光助学 eligible on the next screening; one decision only', async () => {
    expect(await screenFor(families.a)).not.toContain('sunshine-schooling-aid');
    const approved = await decide(tokens.staff as string, claimA.id, { decision: 'approve' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.json).toMatchObject({ status: 'approved' });
    const record = await call(runtime, `/v1/staff/special-families/${families.a}`, { token: tokens.staff });
    expect(record.json?.children).toEqual([expect.objectContaining({ schoolStage: 'high_school' })]);
    expect(await screenFor(families.a)).toContain('sunshine-schooling-aid');
    // The same decision again answers alike; the other one is refused.
    expect((await decide(tokens.staff as string, claimA.id, { decision: 'approve' })).status).toBe(200);
    expectEnvelope(
      await decide(tokens.city as string, claimA.id, { decision: 'reject', reason: '材料不清晰' }),
      409,
      'CONFLICT',
    );
    const mine = await call(runtime, '/v1/me/special-family/fact-claims', { token: tokens.motherA });
    expect(claimsOf(mine)[0]?.status).toBe('approved');
  });

  it('a rejected one does not; the family reads the reason; a decision is final', async () => {
    const sent = await submit(tokens.motherC as string, await schoolClaim(tokens.motherC as string));
    expect(sent.status, sent.text).toBe(201);
    const id = (sent.json as { id: string }).id;
    expectEnvelope(
      await decide(tokens.staff as string, id, { decision: 'reject' }),
      400,
      'VALIDATION_FAILED',
    );
    const rejected = await decide(tokens.staff as string, id, {
      decision: 'reject',
      reason: '证明未加盖学校公章',
    });
    expect(rejected.status, rejected.text).toBe(200);
    const mine = await call(runtime, '/v1/me/special-family/fact-claims', { token: tokens.motherC });
    expect(claimsOf(mine)[0]).toMatchObject({
      status: 'rejected',
      reviewReason: '证明未加盖学校公章',
    });
    expect(await screenFor(families.c)).not.toContain('sunshine-schooling-aid');
    expectEnvelope(await decide(tokens.staff as string, id, { decision: 'approve' }), 409, 'CONFLICT');
  });

  it('two racing reviewers land one decision', async () => {
    const sent = await submit(tokens.motherA as string, {
      kind: 'medical_insurance',
      date: '2026-01-01',
      attachmentIds: [await uploaded(runtime, tokens.motherA as string, pdfBytes(1700), '参保凭证.pdf')],
    });
    expect(sent.status, sent.text).toBe(201);
    const id = (sent.json as { id: string }).id;
    const answers = await Promise.all([
      decide(tokens.staff as string, id, { decision: 'reject', reason: '参保日期看不清' }),
      decide(tokens.city as string, id, { decision: 'approve' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)?.json as unknown as FactClaim;
    const record = await call(runtime, `/v1/staff/special-families/${families.a}`, { token: tokens.staff });
    // The record holds the enrolment exactly when the approval won.
    expect(record.json?.medicalInsuranceEnrolledOn).toBe(
      winner.status === 'approved' ? '2026-01-01' : undefined,
    );
  });
});
