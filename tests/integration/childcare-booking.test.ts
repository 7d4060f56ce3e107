import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createBookingQuota } from '@hongjia/functions/childcare/booking/quota';
import { bookingLimits } from '@hongjia/functions/commons/limits';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import {
  approve,
  fileInstitution,
  futureDate,
  key,
  monthsBefore,
  publishSlot,
} from './childcare-filing-fixtures';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';

/**
 * Booking (SPEC C1) through the HTTP adapter on dynalite: the rush, the
 * waitlist, cancellations that promote in FIFO order, and who may do what.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let provider: string;
let institutionId: string;
const slotDate = futureDate(3);

type Mine = { id: string; status: string; waitlistPosition?: number; guardianPhoneMasked: string };

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  provider = (await signIn(runtime, 'provider-1')).token;
  const staff = (await signIn(runtime, 'staff-360102')).token;
  institutionId = await fileInstitution(runtime, provider);
  await approve(runtime, staff, institutionId);
});
afterAll(async () => close?.());

const book = (
  token: string,
  slotId: string,
  child: { name: string; birth: string },
  idempotencyKey = key('book'),
) =>
  call(runtime, `/v1/childcare/slots/${slotId}/bookings`, {
    token,
    body: {
      childName: child.name,
      childBirthDate: child.birth,
      guardianPhone: '13800138000',
      guardianConsent: true,
    },
    headers: { 'idempotency-key': idempotencyKey },
  });

const myBookings = async (token: string) => {
  const answer = await call(runtime, '/v1/me/bookings?limit=50', { token });
  expect(answer.status).toBe(200);
  return (answer.json as { items: Mine[] }).items;
};

const cancel = (token: string, bookingId: string) =>
  call(runtime, `/v1/me/bookings/${bookingId}/cancel`, { token, body: {} });

const slotCounters = async (slotId: string) => {
  const answer = await call(runtime, `/v1/childcare/institutions/${institutionId}/slots`);
  expect(answer.status).toBe(200);
  const slot = (answer.json as { items: { id: string; confirmed: number; waitlisted: number }[] }).items.find(
    (s) => s.id === slotId,
  );
  return { confirmed: slot?.confirmed, waitlisted: slot?.waitlisted };
};

async function signInMany(prefix: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let start = 0; start < count; start += 25) {
    const batch = Array.from({ length: Math.min(25, count - start) }, (_, i) =>
      signIn(runtime, `${prefix}-${start + i}`),
    );
    tokens.push(...(await Promise.all(batch)).map((s) => s.token));
  }
  return tokens;
}

describe('a rush of 200 families for 20 places', () => {
  const families: string[] = [];
  const results: { family: number; status: number; json: Record<string, unknown> | undefined }[] = [];
  let slotId: string;
  const preschooler = (i: number) => ({ name: `孩子${i}`, birth: monthsBefore(slotDate, 30) });

  beforeAll(async () => {
    slotId = (
      await publishSlot(runtime, provider, institutionId, {
        ageClass: 'preschool',
        date: slotDate,
        capacity: 20,
      })
    ).id;
    families.push(...(await signInMany('rush-family', 200)));
    const answers = await Promise.all(families.map((token, i) => book(token, slotId, preschooler(i))));
    for (const [family, answer] of answers.entries())
      results.push({ family, status: answer.status, json: answer.json });
  }, 180_000);

  const confirmed = () => results.filter((r) => r.status === 201 && r.json?.status === 'confirmed');
  const waitlisted = () =>
    results
      .filter((r) => r.status === 201 && r.json?.status === 'waitlisted')
      .sort((a, b) => Number(a.json?.waitlistPosition) - Number(b.json?.waitlistPosition));

  it('confirms exactly 20, waitlists 20 with positions 1..20 and answers SLOT_FULL to 160, with no 5xx', async () => {
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    expect(confirmed()).toHaveLength(20);
    expect(waitlisted().map((r) => r.json?.waitlistPosition)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    const full = results.filter((r) => r.status === 409);
    expect(full).toHaveLength(160);
    for (const r of full) expect((r.json?.error as { code?: string } | undefined)?.code).toBe('SLOT_FULL');
    expect(await slotCounters(slotId)).toEqual({ confirmed: 20, waitlisted: 20 });
  });

  it('shows a waitlisted family its status and position', async () => {
    const third = waitlisted()[2];
    const mine = await myBookings(families[third?.family ?? -1] as string);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 3,
      guardianPhoneMasked: '138****8000',
    });
  });

  it('lets no one but the family cancel, and shows no one else the booking', async () => {
    const victim = confirmed()[0];
    const bookingId = victim?.json?.id as string;
    expectEnvelope(await cancel(families[(victim?.family ?? 0) + 1] as string, bookingId), 404, 'NOT_FOUND');
    expectEnvelope(await cancel(provider, bookingId), 404, 'NOT_FOUND');
    const staff = (await signIn(runtime, 'staff-city')).token;
    expectEnvelope(await cancel(staff, bookingId), 404, 'NOT_FOUND');
    const strangers = await myBookings((await signIn(runtime, 'stranger-family')).token);
    expect(strangers).toEqual([]);
    expect(await slotCounters(slotId)).toEqual({ confirmed: 20, waitlisted: 20 });
  });

  it('promotes the first in line when a confirmed booking is cancelled, and notifies that family', async () => {
    const [first, second] = confirmed();
    const line = waitlisted();
    for (const [index, booking] of [first, second].entries()) {
      const answer = await cancel(families[booking?.family ?? -1] as string, booking?.json?.id as string);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.json?.status).toBe('cancelled');
      const promotedFamily = families[line[index]?.family ?? -1] as string;
      expect((await myBookings(promotedFamily))[0]?.status).toBe('confirmed');
      const inbox = await call(runtime, '/v1/me/notifications', { token: promotedFamily });
      expect(inbox.status).toBe(200);
      expect((inbox.json as { items: { kind: string; title: string }[] }).items).toEqual([
        expect.objectContaining({ kind: 'booking_promoted' }),
      ]);
    }
    const nowFirst = await myBookings(families[line[2]?.family ?? -1] as string);
    expect(nowFirst[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await slotCounters(slotId)).toEqual({ confirmed: 20, waitlisted: 18 });
  });

  it('cancelling again is harmless: the booking stays cancelled and nobody else moves', async () => {
    const first = confirmed()[0];
    const again = await cancel(families[first?.family ?? -1] as string, first?.json?.id as string);
    expect(again.status).toBe(200);
    expect(again.json?.status).toBe('cancelled');
    expect(await slotCounters(slotId)).toEqual({ confirmed: 20, waitlisted: 18 });
  });

  it('promotes in ticket order when five confirmed bookings are cancelled at once', async () => {
    const cancelling = confirmed().slice(2, 7);
    const answers = await Promise.all(
      cancelling.map((b) => cancel(families[b.family] as string, b.json?.id as string)),
    );
    for (const answer of answers) expect(answer.status, answer.text).toBe(200);
    const line = waitlisted();
    const statuses = await Promise.all(
      line.map(async (b) => (await myBookings(families[b.family] as string))[0]),
    );
    expect(statuses.map((s) => s?.status)).toEqual([
      ...Array(7).fill('confirmed'),
      ...Array(13).fill('waitlisted'),
    ]);
    expect(statuses.slice(7).map((s) => s?.waitlistPosition)).toEqual(
      Array.from({ length: 13 }, (_, i) => i + 1),
    );
    expect(await slotCounters(slotId)).toEqual({ confirmed: 20, waitlisted: 13 });
  });

  it('frees a waitlist ticket when a waitlisted booking is cancelled, and the line closes up', async () => {
    const line = waitlisted();
    const leaving = line[10];
    const answer = await cancel(families[leaving?.family ?? -1] as string, leaving?.json?.id as string);
    expect(answer.status).toBe(200);
    expect(await slotCounters(slotId)).toEqual({ confirmed: 20, waitlisted: 12 });
    const behind = await myBookings(families[line[11]?.family ?? -1] as string);
    expect(behind[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 4 });
    // The freed ticket is taken by the next family to try, at the end of the line.
    const late = await book(families[199] as string, slotId, {
      name: '迟到的孩子',
      birth: monthsBefore(slotDate, 30),
    });
    expect(late.status, late.text).toBe(201);
    expect(late.json).toMatchObject({ status: 'waitlisted', waitlistPosition: 13 });
  });
});

describe('one booking', () => {
  let toddlerSlot: string;
  let family: string;

  beforeAll(async () => {
    toddlerSlot = (
      await publishSlot(runtime, provider, institutionId, {
        ageClass: 'toddler',
        date: slotDate,
        capacity: 15,
      })
    ).id;
    family = (await signIn(runtime, 'single-family')).token;
  });

  it('returns the first answer to a replay with the same Idempotency-Key', async () => {
    const child = { name: '重放', birth: monthsBefore(slotDate, 18) };
    const first = await book(family, toddlerSlot, child, 'replay-key-0001');
    const replay = await book(family, toddlerSlot, child, 'replay-key-0001');
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.json).toEqual(first.json);
    expect(await slotCounters(toddlerSlot)).toMatchObject({ confirmed: 1 });
  });

  it('refuses a second active booking of the same child for the slot by the same account', async () => {
    const child = { name: '两次', birth: monthsBefore(slotDate, 18) };
    expect((await book(family, toddlerSlot, child)).status).toBe(201);
    expectEnvelope(await book(family, toddlerSlot, child), 409, 'CONFLICT');
  });

  it("does not let another account block a family's child by typing its name and birth date", async () => {
    const child = { name: '被占', birth: monthsBefore(slotDate, 18) };
    const squatter = (await signIn(runtime, 'squatter-family')).token;
    expect((await book(squatter, toddlerSlot, child)).status).toBe(201);
    const own = (await signIn(runtime, 'own-family')).token;
    const answer = await book(own, toddlerSlot, child);
    expect(answer.status, answer.text).toBe(201);
    expect((await myBookings(own)).map((b) => b.status)).toEqual(['confirmed']);
  });

  it('lets the child book again after cancelling', async () => {
    const child = { name: '再约', birth: monthsBefore(slotDate, 18) };
    const first = await book(family, toddlerSlot, child);
    expect((await cancel(family, first.json?.id as string)).status).toBe(200);
    const again = await book(family, toddlerSlot, child);
    expect(again.status, again.text).toBe(201);
    expect(again.json?.id).not.toBe(first.json?.id);
  });

  it('accepts a child of exactly 12 months in 托小班 and refuses one a day younger', async () => {
    // An account of its own: `family` already holds 3 active bookings on this slot (the cap per slot).
    const another = (await signIn(runtime, 'single-family-2')).token;
    expect(
      (await book(another, toddlerSlot, { name: '满一岁', birth: monthsBefore(slotDate, 12) })).status,
    ).toBe(201);
    const young = expectEnvelope(
      await book(family, toddlerSlot, { name: '差一天', birth: monthsBefore(slotDate, 12, -1) }),
      400,
      'VALIDATION_FAILED',
    );
    expect(young.details[0]?.path).toBe('body.childBirthDate');
    expect(young.details[0]?.message).toContain('托小班');
  });

  it('refuses a child of exactly 24 months in 托小班 (it is a 托大班 child then) and accepts it in 托大班', async () => {
    const child = { name: '满两岁', birth: monthsBefore(slotDate, 24) };
    const old = expectEnvelope(await book(family, toddlerSlot, child), 400, 'VALIDATION_FAILED');
    expect(old.details[0]?.path).toBe('body.childBirthDate');
    const preschool = await publishSlot(runtime, provider, institutionId, {
      ageClass: 'preschool',
      date: slotDate,
      session: 'morning',
      capacity: 5,
    });
    expect((await book(family, preschool.id, child)).status).toBe(201);
  });

  it('refuses children too young or too old for any class', async () => {
    const infantSlot = await publishSlot(runtime, provider, institutionId, {
      ageClass: 'infant',
      date: slotDate,
      capacity: 10,
    });
    const tooYoung = await book(family, infantSlot.id, { name: '太小', birth: monthsBefore(slotDate, 5) });
    expect(expectEnvelope(tooYoung, 400, 'VALIDATION_FAILED').details[0]?.message).toContain('乳儿班');
    const tooOld = await book(family, toddlerSlot, { name: '太大', birth: monthsBefore(slotDate, 36) });
    expectEnvelope(tooOld, 400, 'VALIDATION_FAILED');
  });

  it('answers 404 for an unknown slot and requires the family role', async () => {
    expectEnvelope(
      await book(family, 'slt_unknown', { name: '某某', birth: monthsBefore(slotDate, 18) }),
      404,
      'NOT_FOUND',
    );
    const staff = (await signIn(runtime, 'staff-360102')).token;
    expectEnvelope(
      await book(staff, toddlerSlot, { name: '某某', birth: monthsBefore(slotDate, 18) }),
      403,
      'FORBIDDEN',
    );
  });

  it('shows the provider its bookings with the guardian phone whole', async () => {
    const answer = await call(runtime, `/v1/provider/institutions/${institutionId}/bookings?limit=50`, {
      token: provider,
    });
    expect(answer.status).toBe(200);
    const items = (answer.json as { items: { guardianPhone: string; status: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]?.guardianPhone).toBe('13800138000');
    const otherProvider = (await signIn(runtime, 'provider-2')).token;
    expectEnvelope(
      await call(runtime, `/v1/provider/institutions/${institutionId}/bookings`, { token: otherProvider }),
      404,
      'NOT_FOUND',
    );
  });
});

describe('limits per account (decision 0018)', () => {
  /** Four slots of one institution on different days: 3 per slot × 4 = 12 > 10, so both caps can be reached. */
  const slots: string[] = [];
  const toddler = (name: string) => ({ name, birth: monthsBefore(futureDate(10), 18) });
  const code = (answer: Awaited<ReturnType<typeof book>>) =>
    (answer.json?.error as { code?: string } | undefined)?.code;
  const activeOf = async (token: string) =>
    (await myBookings(token)).filter((b) => b.status === 'confirmed' || b.status === 'waitlisted');
  const quotaOf = (runtime: LocalRuntime) =>
    createBookingQuota({
      client: DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint)),
      table: process.env.TABLE_NAME as string,
    });

  beforeAll(async () => {
    for (const days of [10, 11, 12, 13]) {
      slots.push(
        (
          await publishSlot(runtime, provider, institutionId, {
            ageClass: 'toddler',
            date: futureDate(days),
            capacity: 15,
          })
        ).id,
      );
    }
  });

  it('refuses a 4th active booking on one slot and an 11th overall with 409 BOOKING_LIMIT; a cancel gives one back', async () => {
    const family = (await signIn(runtime, 'capped-family')).token;
    const answers: Awaited<ReturnType<typeof book>>[] = [];
    for (let i = 0; i < 4; i++) answers.push(await book(family, slots[0] as string, toddler(`同时段${i}`)));
    expect(answers.slice(0, 3).map((a) => a.status)).toEqual([201, 201, 201]);
    const fourth = expectEnvelope(answers[3] as Awaited<ReturnType<typeof book>>, 409, 'BOOKING_LIMIT');
    expect(fourth.message).toContain(`${bookingLimits.activePerAccountPerSlot}`);

    for (const [s, count] of [
      [1, 3],
      [2, 3],
      [3, 1],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const answer = await book(family, slots[s] as string, toddler(`时段${s}-${i}`));
        expect(answer.status, answer.text).toBe(201);
      }
    }
    expect(await activeOf(family)).toHaveLength(10);
    const eleventh = await book(family, slots[3] as string, toddler('第十一个'));
    expect(expectEnvelope(eleventh, 409, 'BOOKING_LIMIT').message).toContain(
      `${bookingLimits.activePerAccount}`,
    );
    // Nothing was half-written: the refused booking holds no place and shows nowhere.
    expect(await activeOf(family)).toHaveLength(10);

    const one = (await activeOf(family))[0] as Mine;
    expect((await cancel(family, one.id)).status).toBe(200);
    const again = await book(family, slots[3] as string, toddler('第十一个'));
    expect(again.status, again.text).toBe(201);
    expectEnvelope(await book(family, slots[3] as string, toddler('第十二个')), 409, 'BOOKING_LIMIT');
  });

  it('keeps the account count exact under 50 parallel bookings of one account', async () => {
    const { token, user } = await signIn(runtime, 'parallel-family');
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => book(token, slots[i % 4] as string, toddler(`并发${i}`))),
    );
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    const booked = answers.filter((a) => a.status === 201);
    expect(booked).toHaveLength(bookingLimits.activePerAccount);
    expect(answers.filter((a) => a.status === 409).map(code)).toEqual(Array(40).fill('BOOKING_LIMIT'));
    const active = await activeOf(token);
    expect(active).toHaveLength(10);
    const quota = quotaOf(runtime);
    expect((await quota.holds(user.id)).map((h) => h.bookingId).sort()).toEqual(
      active.map((b) => b.id).sort(),
    );

    // Every cancel gives back exactly one: all ten cancelled in parallel, the account holds nothing.
    const cancelled = await Promise.all(active.map((b) => cancel(token, b.id)));
    expect(cancelled.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(await quota.holds(user.id)).toEqual([]);
    const refill = await Promise.all(
      Array.from({ length: 11 }, (_, i) => book(token, slots[i % 4] as string, toddler(`再来${i}`))),
    );
    expect(refill.filter((a) => a.status === 201)).toHaveLength(10);
    expect(refill.filter((a) => a.status === 409).map(code)).toEqual(['BOOKING_LIMIT']);
  });

  it('repairs a count its booking left behind (a crash between cancel steps) when the account reaches its cap', async () => {
    const { token, user } = await signIn(runtime, 'repaired-family');
    for (let i = 0; i < 9; i++) {
      const answer = await book(token, slots[i % 4] as string, toddler(`修复${i}`));
      expect(answer.status, answer.text).toBe(201);
    }
    // A hold whose booking does not exist (its intent was deleted and the process died before the quota step).
    await quotaOf(runtime).take(user.id, 'bk_ghost_of_a_crash', slots[3] as string);
    expect(await quotaOf(runtime).holds(user.id)).toHaveLength(10);
    const tenth = await book(token, slots[3] as string, toddler('第十个'));
    expect(tenth.status, tenth.text).toBe(201);
    const holds = await quotaOf(runtime).holds(user.id);
    expect(holds).toHaveLength(10);
    expect(holds.map((h) => h.bookingId)).not.toContain('bk_ghost_of_a_crash');
  });
});
