import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  createAgencySubmissionEntity,
  createLocalAgencies,
} from '@hongjia/functions/birth-bundles/agencies/local';
import { createBundleEntity, createOutboxEntity } from '@hongjia/functions/birth-bundles/entities';
import { createSlotEntity } from '@hongjia/functions/childcare/entities';
import { mainTable } from '@hongjia/infra/table-spec';
import { mulberry32 } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient, localTableName } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import {
  approve,
  fileInstitution,
  futureDate,
  key,
  monthsBefore,
  publishSlot,
} from './childcare-filing-fixtures';
import { injectFaultRate } from './faults';
import { call, signIn, startTestRuntime } from './harness';
import { parents, registrationBody, submit } from './registration-fixtures';
import { bindIdentity, createFamily, familyBody, validIdNumber } from './special-family-fixtures';

/**
 * Issue 12, the proof: the store fails 10 % of the functions' calls
 * (throttled, timed out, or failed after the write landed; faults.ts
 * `injectFaultRate`), and clients retry with their Idempotency-Key until they
 * get an answer that is not a fault. Afterwards nothing is lost, nothing
 * doubled, capacity never exceeded: bookings, then registrations, help
 * requests and subsidy applications, then the birth-bundle outbox's deliveries.
 *
 * `FAULT_SEED` replays a run (the seed is printed).
 */
const seed = Number(process.env.FAULT_SEED ?? Date.now() % 2 ** 31);
const rate = 0.1;

let runtime: LocalRuntime;
let close: () => Promise<void>;

/** Seeded (mulberry32), so a failing run can be replayed. */
const seeded = mulberry32;

type Answer = Awaited<ReturnType<typeof call>>;
/** How many calls a fault hit, of every kind. */
const faultsIn = (counts: Record<string, number>) =>
  (counts.throttle ?? 0) + (counts.timeout ?? 0) + (counts.failAfterWrite ?? 0);
const codeOf = (answer: Answer) => (answer.json?.error as { code?: string } | undefined)?.code;

/**
 * Sends until the answer is an outcome rather than a fault: a 5xx, or 409
 * "the same request is in progress" (an attempt the fault cut off holds the
 * key until its in-progress record expires) are retried with the same key.
 */
async function untilSettled(
  send: () => Promise<Answer>,
  settled: (answer: Answer) => boolean,
): Promise<Answer> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const answer = await send();
    if (settled(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`no outcome after retries: ${answer.status} ${answer.text}`);
    await new Promise((done) => setTimeout(done, answer.status === 409 ? 2_000 : 150));
  }
}

beforeAll(async () => {
  // A cut-off attempt whose in-progress record could not be deleted (a fault on that delete too)
  // holds its key for the function's timeout: 8 s here instead of 29 s, so the retries that wait
  // it out stay within the suite's budget. Nothing in these storms runs near 8 s.
  process.env.HONGJIA_LOCAL_LAMBDA_TIMEOUT_MS = '8000';
  ({ runtime, close } = await startTestRuntime());
}, 300_000);
afterAll(async () => {
  delete process.env.HONGJIA_LOCAL_LAMBDA_TIMEOUT_MS;
  await close?.();
});

describe(`bookings at ${rate * 100} % store faults (seed ${seed})`, () => {
  const capacity = 5;
  const familyCount = 30;
  const slotDate = futureDate(4);
  const answers: Answer[] = [];
  const tokens: string[] = [];
  let slotId: string;
  let faultCounts: Record<string, number> = {};

  beforeAll(async () => {
    const provider = (await signIn(runtime, 'provider-1')).token;
    const staff = (await signIn(runtime, 'staff-360102')).token;
    const institutionId = await fileInstitution(runtime, provider);
    await approve(runtime, staff, institutionId);
    slotId = (
      await publishSlot(runtime, provider, institutionId, { ageClass: 'preschool', date: slotDate, capacity })
    ).id;
    for (let i = 0; i < familyCount; i++) tokens.push((await signIn(runtime, `fault-family-${i}`)).token);

    const faults = await injectFaultRate({ rate, random: seeded(seed) });
    try {
      const settledAnswers = await Promise.all(
        tokens.map((token, i) => {
          const idempotencyKey = key(`fault-book-${i}`);
          return untilSettled(
            () =>
              call(runtime, `/v1/childcare/slots/${slotId}/bookings`, {
                token,
                body: {
                  childName: `故障测试孩子${i}`,
                  childBirthDate: monthsBefore(slotDate, 30),
                  guardianPhone: '13800138000',
                  guardianConsent: true,
                },
                headers: { 'idempotency-key': idempotencyKey },
              }),
            (answer) => answer.status === 201 || (answer.status === 409 && codeOf(answer) === 'SLOT_FULL'),
          );
        }),
      );
      answers.push(...settledAnswers);
    } finally {
      faultCounts = faults.counts();
      faults.remove();
    }
    console.info(`store faults (seed ${seed}): ${JSON.stringify(faultCounts)}`);
  }, 600_000);

  it('injected faults of every kind', () => {
    expect(faultCounts.throttle).toBeGreaterThan(0);
    expect(faultCounts.timeout).toBeGreaterThan(0);
    expect(faultCounts.failAfterWrite).toBeGreaterThan(0);
  });

  it('fills the places and the waitlist exactly, and tells everyone else SLOT_FULL', () => {
    const statuses = answers.map((a) => (a.status === 201 ? String(a.json?.status) : codeOf(a)));
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(capacity);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(capacity);
    expect(statuses.filter((s) => s === 'SLOT_FULL')).toHaveLength(familyCount - 2 * capacity);
  });

  it('keeps the ledger, the answers and each family’s bookings in agreement: none lost, none doubled', async () => {
    const client = localDynamoClient(runtime.dynamoEndpoint);
    try {
      const { TableName, Key } = createSlotEntity(client, localTableName(mainTable))
        .get({ slotId })
        .params() as { TableName: string; Key: Record<string, string> };
      const slot = (await client.send(new GetCommand({ TableName, Key, ConsistentRead: true }))).Item ?? {};
      const holds = new Map(
        Object.entries(slot)
          .filter(([name]) => name.startsWith('hold_'))
          .map(([name, seq]) => [name.slice('hold_'.length), Number(seq)]),
      );
      expect(slot.confirmed).toBe(capacity);
      expect(slot.waitlisted).toBe(capacity);
      expect([...holds.values()].filter((seq) => seq === 0)).toHaveLength(capacity);
      expect([...holds.values()].filter((seq) => seq > 0)).toHaveLength(capacity);
      const answered = answers.filter((a) => a.status === 201).map((a) => String(a.json?.id));
      expect(new Set(answered).size).toBe(answered.length);
      expect([...holds.keys()].sort()).toEqual([...answered].sort());
      for (const [i, token] of tokens.entries()) {
        const mine = await call(runtime, '/v1/me/bookings?limit=50', { token });
        expect(mine.status).toBe(200);
        const items = (mine.json as { items: { id: string; status: string }[] }).items;
        const answer = answers[i] as Answer;
        expect(items.map((b) => [b.id, b.status])).toEqual(
          answer.status === 201 ? [[answer.json?.id, answer.json?.status]] : [],
        );
      }
    } finally {
      client.destroy();
    }
  });
});

/**
 * The same storm over the other writes a family retries: registrations, help
 * requests and subsidy applications, each family with its own Idempotency-Key,
 * retried until an answer that is not a fault. Afterwards each family holds
 * exactly the record it was answered with: none lost, none doubled.
 */
describe(`registrations, help requests and subsidy applications at ${rate * 100} % store faults (seed ${seed})`, () => {
  const couples = [0, 1, 2, 3, 4, 5].map((i) => 8100 + i);
  const parent = () => parents(runtime, `fault-reg-${seed}`);
  let faultCounts: Record<string, number> = {};
  const results: { flow: string; token: string; list: string; answer: Answer; match: string }[] = [];

  beforeAll(async () => {
    // A request the store failed (5xx) was still counted by its route's limit (commons/limits.ts):
    // at 10 % faults an application of ≈ 15 store calls fails most attempts, and a family's
    // retries met the daily cap (429) with seed 818161952. The caps are not what this proves.
    for (const name of ['REGISTRATION_SUBMIT', 'SUBSIDY_APPLICATIONS', 'ASSISTANCE_REQUESTS'])
      process.env[`RATE_LIMIT_${name}`] = '1000';
    const asMother = parent();
    const mothers = await Promise.all(couples.map((n) => asMother(n)));
    // A special family whose mother is bound: she may file help requests.
    const staff = (await signIn(runtime, 'staff-360102')).token;
    const body = familyBody(8200 + (seed % 50));
    const created = await createFamily(runtime, staff, body);
    expect(created.status, created.text).toBe(201);
    const [mum] = body.members as { name: string; idNumber: string }[];
    const helper = (await signIn(runtime, `fault-help-${seed}`)).token;
    const bound = await bindIdentity(runtime, helper, mum?.name ?? '', mum?.idNumber ?? '');
    expect(bound.status, bound.text).toBe(200);

    // Any answer but a fault or "the same request is in progress" (409 CONFLICT) is the outcome; it must be a 201.
    const settledOutcome = (answer: Answer) =>
      answer.status < 500 && !(answer.status === 409 && codeOf(answer) === 'CONFLICT');
    const jobs: Promise<void>[] = [];
    const faults = await injectFaultRate({ rate, random: seeded(seed + 1) });
    try {
      for (const [i, n] of couples.entries()) {
        const token = mothers[i] as string;
        const registrationKey = key(`fault-reg-${n}`);
        const subsidyKey = key(`fault-subsidy-${n}`);
        const childIdNumber = validIdNumber('360102', '2025-03-01', 'M', 8300 + i);
        jobs.push(
          untilSettled(
            () => submit(runtime, token, registrationBody(n), registrationKey) as ReturnType<typeof call>,
            settledOutcome,
          ).then((answer) => {
            results.push({
              flow: 'registration',
              token,
              list: '/v1/me/registrations?limit=50',
              answer,
              match: '',
            });
          }),
          untilSettled(
            () =>
              call(runtime, '/v1/childcare-subsidies', {
                token,
                body: {
                  childName: '李小宝',
                  childIdNumber,
                  childBirthDate: '2025-03-01',
                  hukouDistrict: '360102',
                  guardianConsent: true,
                },
                headers: { 'idempotency-key': subsidyKey },
              }),
            settledOutcome,
          ).then((answer) => {
            results.push({
              flow: 'subsidy',
              token,
              list: '/v1/me/childcare-subsidies?limit=50',
              answer,
              match: '',
            });
          }),
        );
        const description = `故障测试求助 ${seed}-${i}：想请人陪同去医院复查`;
        const helpKey = key(`fault-help-${i}`);
        jobs.push(
          untilSettled(
            () =>
              call(runtime, '/v1/assistance/requests', {
                token: helper,
                body: { category: 'medical', description, urgency: 'normal' },
                headers: { 'idempotency-key': helpKey },
              }),
            settledOutcome,
          ).then((answer) => {
            results.push({
              flow: 'help request',
              token: helper,
              list: '/v1/me/assistance/requests?limit=50',
              answer,
              match: description,
            });
          }),
        );
      }
      await Promise.all(jobs);
    } finally {
      faultCounts = faults.counts();
      faults.remove();
    }
    console.info(`store faults, family writes (seed ${seed}): ${JSON.stringify(faultCounts)}`);
  }, 600_000);

  it('injected faults, and answered every request with its record', () => {
    expect(faultsIn(faultCounts)).toBeGreaterThan(0);
    expect(results).toHaveLength(couples.length * 3);
    for (const { flow, answer } of results) expect(answer.status, `${flow}: ${answer.text}`).toBe(201);
  });

  it('keeps exactly the answered record for each request: none lost, none doubled', async () => {
    const byList = new Map<string, { id: string; description?: string }[]>();
    for (const { token, list } of results) {
      const where = `${token} ${list}`;
      if (byList.has(where)) continue;
      const answer = await call(runtime, list, { token });
      expect(answer.status, answer.text).toBe(200);
      byList.set(where, (answer.json as { items: { id: string; description?: string }[] }).items);
    }
    for (const { flow, token, list, answer, match } of results) {
      const items = byList.get(`${token} ${list}`) ?? [];
      const id = String(answer.json?.id);
      // The family's list holds the answered record once and nothing else of this request.
      const mine = match ? items.filter((item) => item.description === match) : items;
      expect(
        mine.map((item) => item.id),
        flow,
      ).toEqual([id]);
    }
  });
});

/**
 * Outbox deliveries at 10 % store faults: bundles filed in calm, then the
 * worker drains with the store failing under it (a failed pass is simply run
 * again, as the schedule would next minute, with the clock past any lease).
 * Every item ends accepted, each agency holds one submission per item under
 * its key with the reference the item recorded: none lost, none doubled.
 */
describe(`birth-bundle outbox deliveries at ${rate * 100} % store faults (seed ${seed})`, () => {
  let faultCounts: Record<string, number> = {};
  it('delivers every item once', async () => {
    process.env.RATE_LIMIT_BIRTH_BUNDLES = '1000';
    const family = (await signIn(runtime, `fault-bundle-${seed}`)).token;
    const bundleIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await call(runtime, '/v1/birth-bundles', {
        token: family,
        body: {
          medicalCertificateNo: `F${String(360_000_000 + (seed % 100_000) * 10 + i)}`,
          child: {
            name: '王小明',
            sex: 'M',
            birthDate: '2026-02-01',
            birthWeightG: 3300,
            hospital: '江西省妇幼保健院',
          },
          householdDistrict: '360102',
        },
        headers: { 'idempotency-key': key(`fault-bundle-${i}`) },
      });
      expect(answer.status, answer.text).toBe(201);
      bundleIds.push(String(answer.json?.id));
    }
    const { documentClient } = await import('@hongjia/functions/commons/dynamo');
    const { drainBundleOutbox } = await import('@hongjia/functions/workers/bundle-outbox');
    const table = process.env.TABLE_NAME as string;
    const outbox = createOutboxEntity(documentClient, table);
    const submissions = createAgencySubmissionEntity(documentClient, table);
    const deps = {
      bundles: createBundleEntity(documentClient, table),
      outbox,
      agencies: createLocalAgencies(submissions),
      random: () => 0.5,
    };
    const itemsOf = async () =>
      (
        await Promise.all(
          bundleIds.map(async (bundleId) => (await outbox.query.byBundle({ bundleId }).go()).data),
        )
      ).flat();
    // The storm blows while the worker drains, and is held while the test reads the items.
    let storm = false;
    const faults = await injectFaultRate({ rate, random: seeded(seed + 2), matches: () => storm });
    let now = Date.now();
    let passes = 0;
    try {
      for (; passes < 60; passes++) {
        storm = true;
        await drainBundleOutbox(deps, new Date(now)).catch(() => undefined);
        storm = false;
        now += 15 * 60_000;
        if ((await itemsOf()).every((item) => item.status === 'accepted')) break;
      }
    } finally {
      faultCounts = faults.counts();
      faults.remove();
    }
    console.info(`store faults, outbox: ${passes + 1} passes, ${JSON.stringify(faultCounts)}`);
    expect(faultsIn(faultCounts)).toBeGreaterThan(0);
    const items = await itemsOf();
    // Eight items a bundle without the 育儿补贴 consent (decision 0035).
    expect(items).toHaveLength(bundleIds.length * 8);
    expect(items.filter((item) => item.status !== 'accepted')).toEqual([]);
    for (const item of items) {
      const stored = (await submissions.get({ idempotencyKey: `${item.bundleId}:${item.kind}` }).go()).data;
      expect(stored?.reference, `${item.bundleId}:${item.kind}`).toBe(item.agencyReference);
    }
  }, 300_000);
});

/**
 * The WeChat push outbox under the same storm. WeChat takes no idempotency key, so the design is
 * at least once (functions/src/notifications/push-outbox.ts): a push whose "done" write failed is
 * pushed again after its lease. Proven here: none lost (every notification pushed and marked
 * done), one in-app message per notification, and a repeat only where a fault hit that write.
 */
describe(`push outbox deliveries at ${rate * 100} % store faults (seed ${seed})`, () => {
  it('pushes every notification, repeating one only after a fault on its own write', async () => {
    const { documentClient } = await import('@hongjia/functions/commons/dynamo');
    const { createNotificationEntity } = await import('@hongjia/functions/notifications/entity');
    const { createOutboxNotifier, notificationIdFor } = await import(
      '@hongjia/functions/notifications/notifier'
    );
    const { drainPushOutbox } = await import('@hongjia/functions/notifications/push-outbox');
    const entity = createNotificationEntity(documentClient, process.env.TABLE_NAME as string);
    const message = {
      kind: 'booking_promoted',
      title: '候补成功：托位已确认',
      body: '故障测试',
      link: '/pages/index',
    } as const;
    const start = new Date('2031-03-01T08:00:00Z');
    // 48, not 12: a drain of 12 makes 28 store calls (shard queries, a claim and a done write each),
    // so one run in 20 met no fault at all (0.9^28; seed 831754920 did, and failed CI). A drain of
    // 48 makes ≥ 110 calls: a run without a fault is one in 100,000.
    const users = Array.from({ length: 48 }, (_, i) => `u_fault_push_${seed}_${i}`);
    for (const userId of users)
      await createOutboxNotifier(entity, { push: true }).notify(userId, message, {
        dedupeKey: `fault-push:${userId}`,
        now: start,
      });
    const pushed: string[] = [];
    const channel = { push: async (userId: string) => void pushed.push(userId) };
    let storm = false;
    const faults = await injectFaultRate({ rate, random: seeded(seed + 4), matches: () => storm });
    let now = start.getTime() + 1000;
    let faultCounts: Record<string, number> = {};
    const stored = async () =>
      Promise.all(
        users.map(
          async (userId) =>
            (await entity.get({ notificationId: notificationIdFor(`fault-push:${userId}`) }).go()).data,
        ),
      );
    try {
      for (let pass = 0; pass < 60; pass++) {
        storm = true;
        await drainPushOutbox({ notifications: entity, channel, random: () => 0.5 }, new Date(now)).catch(
          () => undefined,
        );
        storm = false;
        now += 15 * 60_000;
        if ((await stored()).every((item) => item?.pushStatus === 'done')) break;
      }
    } finally {
      faultCounts = faults.counts();
      faults.remove();
    }
    const repeats = pushed.length - new Set(pushed).size;
    console.info(
      `store faults, push outbox: ${pushed.length} pushes, ${repeats} repeated, ${JSON.stringify(faultCounts)}`,
    );
    expect(faultsIn(faultCounts)).toBeGreaterThan(0);
    expect((await stored()).map((item) => item?.pushStatus)).toEqual(users.map(() => 'done'));
    expect(new Set(pushed)).toEqual(new Set(users));
    expect(repeats).toBeLessThanOrEqual(faultsIn(faultCounts));
  }, 300_000);
});
