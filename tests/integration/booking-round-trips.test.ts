import type { createBookingServices } from '@hongjia/functions/childcare/booking/services';
import type { SessionUser } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { approve, fileInstitution, futureDate, monthsBefore, publishSlot } from './childcare-filing-fixtures';
import { signIn, startTestRuntime } from './harness';
import { type Call, countingClient, roundTrips } from './round-trips';

/**
 * How many DynamoDB round trips a booking waits for (issue 13): calls are
 * recorded by a client middleware, and calls that overlap in time count as one
 * round (they were sent together). Counted, not timed: the figure is the same
 * on a loaded machine. The targets were confirmed ≤ 6, waitlisted ≤ 7, a
 * slot full with its waitlist answered in ≤ 3; held here at what the code reaches
 * (6, 6, 2; it was 7, 9, 3), so a change that adds a round trip fails.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let institutionId: string;
let provider: string;
const slotDate = futureDate(4);
const birth = monthsBefore(slotDate, 18);

const calls: Call[] = [];

let service: ReturnType<typeof createBookingServices>;
let storedBookingsOf: (userId: string) => Promise<{ status: string }[]>;
const family = (n: number): SessionUser => ({ id: `round-trip-family-${n}`, roles: ['family'] });
let children = 0;

async function measure(slotId: string, who: SessionUser) {
  calls.length = 0;
  const child = `往返${++children}`;
  const outcome = await service
    .create(
      who,
      slotId,
      { childName: child, childBirthDate: birth, guardianPhone: '13800138000', guardianConsent: true },
      new Date(),
    )
    .then(
      (answer) => answer.status,
      (error: { code?: string }) => error.code ?? 'error',
    );
  return { outcome, rounds: roundTrips(calls), calls: calls.length };
}

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  provider = (await signIn(runtime, 'provider-1')).token;
  const staff = (await signIn(runtime, 'staff-360102')).token;
  institutionId = await fileInstitution(runtime, provider);
  await approve(runtime, staff, institutionId);
  // Imported only now: the functions' modules read the runtime's environment when first imported.
  const { createBookingServices } = await import('@hongjia/functions/childcare/booking/services');
  const { mainTableName } = await import('@hongjia/functions/commons/dynamo');
  const { notifierFromEnv } = await import('@hongjia/functions/notifications/from-env');
  const { createBookingEntity } = await import('@hongjia/functions/childcare/booking/entity');
  const client = countingClient(runtime.dynamoEndpoint, calls);
  const bookingItems = createBookingEntity(client, mainTableName());
  storedBookingsOf = async (userId) => (await bookingItems.query.byUser({ userId }).go()).data;
  const { createRoot } = await import('@hongjia/functions/root');
  service = createBookingServices(
    createRoot({ client, table: mainTableName(), notifier: notifierFromEnv(client, mainTableName()) }),
  );
});
afterAll(async () => close?.());

describe('round trips of one booking (issue 13 targets)', () => {
  it('confirms a place in at most 6 sequential round trips', async () => {
    const slot = await publishSlot(runtime, provider, institutionId, {
      ageClass: 'toddler',
      date: slotDate,
      capacity: 5,
    });
    const measured = await measure(slot.id, family(1));
    expect(measured.outcome).toBe('confirmed');
    expect(measured.rounds, JSON.stringify(calls.map((c) => c.command))).toBeLessThanOrEqual(6);
  });

  it('waitlists in at most 6, and answers a full slot and waitlist in at most 2', async () => {
    const slot = await publishSlot(runtime, provider, institutionId, {
      ageClass: 'toddler',
      date: slotDate,
      session: 'morning',
      capacity: 1,
    });
    expect((await measure(slot.id, family(2))).outcome).toBe('confirmed');
    const waitlisted = await measure(slot.id, family(3));
    expect(waitlisted.outcome).toBe('waitlisted');
    expect(waitlisted.rounds, JSON.stringify(calls.map((c) => c.command))).toBeLessThanOrEqual(6);
    const full = await measure(slot.id, family(4));
    expect(full.outcome).toBe('SLOT_FULL');
    expect(full.rounds, JSON.stringify(calls.map((c) => c.command))).toBeLessThanOrEqual(2);
  });

  it('leaves no intent behind when the child claim sent beside it is refused', async () => {
    const slot = await publishSlot(runtime, provider, institutionId, {
      ageClass: 'toddler',
      date: slotDate,
      session: 'afternoon',
      capacity: 3,
    });
    const who = family(5);
    const child = {
      childName: '重复',
      childBirthDate: birth,
      guardianPhone: '13800138000',
      guardianConsent: true,
    } as const;
    expect((await service.create(who, slot.id, child, new Date(), 'first-key')).status).toBe('confirmed');
    await expect(service.create(who, slot.id, child, new Date(), 'second-key')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await storedBookingsOf(who.id)).map((item) => item.status)).toEqual(['confirmed']);
  });
});
