import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { type Created, parents, registrationBody, submit } from './registration-fixtures';

/** Review by the jurisdiction's staff: locking, 补正 and resubmission, queues, notifications. */
let runtime: LocalRuntime;
let close: () => Promise<void>;
/** Couple n's mother, bound by real name (only a parent may file). */
let parent: ReturnType<typeof parents>;
let east: string;
let west: string;
let city: string;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  parent = parents(runtime, 'review');
  east = (await signIn(runtime, 'staff-360102')).token;
  west = (await signIn(runtime, 'staff-360103')).token;
  city = (await signIn(runtime, 'staff-city')).token;
});
afterAll(async () => close?.());

const review = (token: string, id: string, body: unknown) =>
  call(runtime, `/v1/staff/registrations/${id}/review`, { token, body });
const queue = async (token: string, query = '') => {
  const answer = await call(runtime, `/v1/staff/registrations?limit=50${query}`, { token });
  return {
    status: answer.status,
    text: answer.text,
    items: ((answer.json?.items ?? []) as { id: string }[]).map((i) => i.id),
  };
};
const pending = async (n: number) => {
  const answer = await submit(runtime, await parent(n), registrationBody(n, { parity: 2 }));
  const body = answer.json as unknown as Created;
  expect(body.status).toBe('pending_review');
  return body;
};

describe('the district review queue', () => {
  it('lists a pending registration for its district and the city, not for another district', async () => {
    const { id } = await pending(201);
    expect((await queue(east)).items).toContain(id);
    expect((await queue(city, '&district=360102')).items).toContain(id);
    expect((await queue(west)).items).not.toContain(id);
    expectEnvelope(
      await call(runtime, '/v1/staff/registrations?district=360102', { token: west }),
      403,
      'FORBIDDEN',
    );
    expectEnvelope(await review(west, id, { decision: 'approve', expectedVersion: 1 }), 404, 'NOT_FOUND');
    const families = await call(runtime, '/v1/staff/registrations', { token: await parent(201) });
    expect(families.status).toBe(403);
  });

  it('masks names in the queue and shows no whole ID number or phone', async () => {
    await pending(202);
    const answer = await call(runtime, '/v1/staff/registrations?limit=50', { token: east });
    expect(answer.text).toContain('王**');
    expect(answer.text).not.toMatch(
      /王小红|(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])|(?<!\d)1[3-9]\d{9}(?!\d)/,
    );
  });
});

describe('decisions', () => {
  it('lets one of two reviewers win; the stale one gets 409', async () => {
    const { id } = await pending(210);
    const [a, b] = await Promise.all([
      review(east, id, { decision: 'approve', expectedVersion: 1 }),
      review(city, id, { decision: 'reject', comment: '材料不全', expectedVersion: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const stale = await review(east, id, { decision: 'reject', comment: '再次', expectedVersion: 1 });
    expectEnvelope(stale, 409, 'CONFLICT');
  });

  it('approves with a certificate and keeps the history with who and when', async () => {
    const { id } = await pending(211);
    const answer = await review(east, id, { decision: 'approve', comment: '核实无误', expectedVersion: 1 });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toMatchObject({
      status: 'approved',
      version: 2,
      certificateId: expect.stringMatching(/^crt_/),
      history: [
        expect.objectContaining({ status: 'pending_review', by: 'system' }),
        expect.objectContaining({
          status: 'approved',
          by: 'staff',
          byName: '东湖区卫生健康委员会',
          comment: '核实无误',
        }),
      ],
    });
  });

  it('returns for correction (补正) with a comment; the family resubmits and is approved', async () => {
    const { id } = await pending(212);
    expectEnvelope(
      await review(east, id, { decision: 'return', expectedVersion: 1 }),
      400,
      'VALIDATION_FAILED',
    );
    const returned = await review(east, id, {
      decision: 'return',
      comment: '请核对孩次',
      expectedVersion: 1,
    });
    expect(returned.json).toMatchObject({ status: 'returned', version: 2 });
    const family = await parent(212);
    const resubmit = (body: unknown) =>
      call(runtime, `/v1/registrations/${id}/resubmit`, { token: family, body });
    expectEnvelope(await resubmit({ ...registrationBody(212), expectedVersion: 1 }), 409, 'CONFLICT');
    const stranger = (await signIn(runtime, 'review-stranger')).token;
    expectEnvelope(
      await call(runtime, `/v1/registrations/${id}/resubmit`, {
        token: stranger,
        body: { ...registrationBody(212), expectedVersion: 2 },
      }),
      404,
      'NOT_FOUND',
    );
    // The corrected filing must still name the filer as a parent.
    expectEnvelope(await resubmit({ ...registrationBody(214), expectedVersion: 2 }), 403, 'NOT_A_PARENT');
    const again = await resubmit({ ...registrationBody(212), expectedVersion: 2 });
    expect(again.status, again.text).toBe(200);
    expect(again.json).toMatchObject({ id, status: 'approved', certificateId: expect.any(String) });
    // Versions only grow; the automatic check in between is a move of its own.
    expect((again.json as { version: number }).version).toBeGreaterThan(2);
    const view = await call(runtime, `/v1/registrations/${id}`, { token: family });
    expect((view.json as { history: { status: string }[] }).history.map((h) => h.status)).toEqual([
      'pending_review',
      'returned',
      'approved',
    ]);
  });

  it('notifies the family at each change', async () => {
    const { id } = await pending(213);
    await review(east, id, { decision: 'reject', comment: '不符合条件', expectedVersion: 1 });
    const answer = await call(runtime, '/v1/me/notifications?limit=50', { token: await parent(213) });
    const titles = (answer.json as { items: { kind: string; title: string; link?: string }[] }).items
      .filter((n) => n.link?.includes(id))
      .map((n) => n.title);
    expect(titles.sort()).toEqual(['生育登记待审核', '生育登记未通过'].sort());
  });
});
