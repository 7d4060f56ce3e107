/**
 * Booking rush (SPEC §4, issue 13 item 6), three processes: this one is the load
 * generator; the app (HTTP adapter and deployed handlers, scripts/bench/rush/app-process.ts)
 * and the store (dynalite, decision 0028) each run in their own. One run measures:
 * 1. service time at concurrency 1: bookings one at a time on free slots (all confirmed),
 *    and the store round trips each one waited for, counted at the store;
 * 2. the raw store latency: GetItem and UpdateItem one at a time on the same dynalite,
 *    between the bookings of 1 (so both see the same machine);
 * 3. the app's share: (round trips × raw latency) against the booking's service time;
 * 4. throughput at a fixed concurrency of 50: 1,000 families for 50 places (托大班 slots of
 *    20 + 20 + 10; class maxima cap a slot at 20), with a CPU profile of the app process
 *    grouped by script URL and each process's CPU time;
 * 5. the rush as SPEC §4 states it: another 1,000 requests for 50 places, all fired at once.
 * Expected in 4 and 5: 50 confirmed, 50 waitlisted, 900 SLOT_FULL. The bench fails on a
 * wrong answer: a slot over capacity, a booking answered but not stored (or stored but not
 * answered), a 5xx. Prints `BENCH_ROWS [[measure, value, note], …]` for scripts/bench.ts.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { tableSpecs } from '@hongjia/infra/table-spec';
import { addDays, creditCodeCheckCharacter, todayInChina } from '@hongjia/shared';
import { localTableName } from '../../local/dynamodb';
import type { AppReady, AppRequest, CpuProfile, CpuTimes } from './rush/app-process';
import { groups, summarize } from './rush/profile-summary';

const rushRequests = 1000;
const rushCapacities = [20, 20, 10];
const places = rushCapacities.reduce((a, b) => a + b, 0);
const concurrency = 50;
/** Sequential bookings measured (5 slots of 20, all confirmed), after 10 unmeasured ones. */
const sequentialBookings = 100;
const warmUpBookings = 10;
const rawOps = 300;

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = resolve(here, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'hongjia-bench-rush-'));

// ---- the app's process --------------------------------------------------------------------

const app: ChildProcess = fork(join(here, 'rush', 'app-process.ts'), [dataDir], {
  cwd: repoRoot,
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  env: {
    ...process.env,
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR',
    // A thousand families sign in from 127.0.0.1 within a minute: past the per-address sign-in
    // limit (commons/limits.ts), so the bench raises it. Each family books at most twice: far
    // under its account's booking caps, which stay as deployed.
    RATE_LIMIT_SIGN_IN_ADDRESS: String(10 * rushRequests),
  },
});

function ask<T>(request: AppRequest, replyKind: string): Promise<T> {
  return new Promise((done) => {
    const onMessage = (message: { kind: string }) => {
      if (message.kind !== replyKind) return;
      app.off('message', onMessage);
      done(message as T);
    };
    app.on('message', onMessage);
    app.send(request);
  });
}

const ready = await new Promise<AppReady>((done, fail) => {
  app.once('exit', (code) => fail(new Error(`app process exited (${code}) before it served`)));
  app.on('message', (message: { kind: string }) => {
    if (message.kind === 'ready') done(message as AppReady);
  });
});
const { apiUrl } = ready;
const storeStats = async () =>
  (await ask<{ stats: { requests: number; rounds: number } }>({ kind: 'store-stats' }, 'store-stats')).stats;
const cpuTimes = async () => (await ask<{ cpu: CpuTimes }>({ kind: 'cpu' }, 'cpu')).cpu;

// ---- HTTP helpers ----------------------------------------------------------------------------

type Answer = { status: number; json: Record<string, unknown> };

async function post(path: string, body: unknown, token?: string, key?: string): Promise<Answer> {
  const response = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function expectOk<T>(answer: Promise<Answer>): Promise<T> {
  const { status, json } = await answer;
  if (status >= 300) throw new Error(`setup failed: ${status} ${JSON.stringify(json)}`);
  return json as T;
}

const signIn = async (openid: string) =>
  (await expectOk<{ token: string }>(post('/v1/auth/wechat', { code: `dev:${openid}` }))).token;

/** A family agrees to the privacy guideline first, as the mini-program's gate makes it. */
const signInFamily = async (openid: string) => {
  const token = await signIn(openid);
  await expectOk(post('/v1/me/consents', { kind: 'privacy_policy' }, token, `privacy-${openid}`));
  return token;
};

/** Runs `task` for 0 … count-1 with at most `limit` in flight. */
async function pooled<T>(count: number, limit: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)}`;

function birthDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 - months, d)).toISOString().slice(0, 10);
}

type Row = [measure: string, value: string, note: string];
const rows: Row[] = [];
const wrong: string[] = [];

try {
  // ---- setup: one institution, its slots, the families -------------------------------------
  const provider = await signIn('bench-provider');
  const staff = await signIn('bench-staff');
  const first17 = '91360102MA35BENCH'.replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0');
  const filing = await expectOk<{ id: string }>(
    post(
      '/v1/provider/institutions',
      {
        name: '压测托育中心',
        creditCode: `${first17}${creditCodeCheckCharacter(first17)}`,
        address: '南昌市东湖区八一大道 1 号',
        district: '360102',
        lat: 28.6849,
        lng: 115.8999,
        affordable: true,
        monthlyFeeYuan: 1500,
        classes: [{ ageClass: 'preschool', capacity: 20, caregivers: 3 }],
      },
      provider,
      'bench-filing-0001',
    ),
  );
  await expectOk(post(`/v1/staff/childcare/filings/${filing.id}/decision`, { decision: 'approve' }, staff));
  const sessions = ['full_day', 'morning', 'afternoon'] as const;
  const publish = (date: string, session: (typeof sessions)[number], capacity: number) =>
    expectOk<{ id: string }>(
      post(
        `/v1/provider/institutions/${filing.id}/slots`,
        { ageClass: 'preschool', date, session, capacity },
        provider,
        `bench-slot-${date}-${session}`,
      ),
    ).then(({ id }) => ({ id, capacity, date }));
  const today = todayInChina();
  const day = (n: number) => addDays(today, n);
  // Concurrency 50 on day 3, all at once on day 4, one at a time on days 5 and 6 (the warm-up's
  // slot is day 6's afternoon).
  const rushSlots = await Promise.all(
    rushCapacities.map((c, i) => publish(day(3), sessions[i] ?? 'full_day', c)),
  );
  const onceSlots = await Promise.all(
    rushCapacities.map((c, i) => publish(day(4), sessions[i] ?? 'full_day', c)),
  );
  const sequentialSlots = await Promise.all([
    ...sessions.map((session) => publish(day(5), session, 20)),
    publish(day(6), 'full_day', 20),
    publish(day(6), 'morning', 20),
  ]);
  const warmUpSlot = await publish(day(6), 'afternoon', 20);

  const families = await pooled(rushRequests + sequentialBookings + warmUpBookings, concurrency, (i) =>
    signInFamily(`bench-family-${i}`),
  );
  /**
   * One family's booking; a connection reset without an answer is retried with the same
   * Idempotency-Key, as the mini-program does (counted in `resets`), so the answer checked
   * is the one the family ends up with.
   */
  const resets: Record<string, number> = {};
  const book = async (slot: { id: string; date: string }, family: number, tag: string) => {
    const t0 = performance.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await post(
          `/v1/childcare/slots/${slot.id}/bookings`,
          {
            childName: `压测孩子${tag}${family}`,
            childBirthDate: birthDate(slot.date, 30),
            guardianPhone: '13900139000',
            guardianConsent: true,
          },
          families[family],
          `bench-${tag}-${family}-key`,
        );
        const inProgress = answer.status === 409 && /正在处理中/.test(JSON.stringify(answer.json));
        if (inProgress && attempt < 60) {
          await new Promise((done) => setTimeout(done, 1000));
          continue;
        }
        return { ...answer, ms: performance.now() - t0 };
      } catch (error) {
        if (attempt >= 5) throw error;
        resets[tag] = (resets[tag] ?? 0) + 1;
        await new Promise((done) => setTimeout(done, 1000));
      }
    }
  };

  /** Answers against the slots as stored: places, lost bookings, over-capacity, 5xx. */
  async function check(
    phase: string,
    slots: { id: string; capacity: number }[],
    answers: (Answer & { ms: number })[],
    expected: { confirmed: number; waitlisted: number; full: number },
  ) {
    const count = (predicate: (a: Answer) => boolean) => answers.filter(predicate).length;
    const confirmed = count((a) => a.status === 201 && a.json.status === 'confirmed');
    const waitlisted = count((a) => a.status === 201 && a.json.status === 'waitlisted');
    const full = count((a) => a.status === 409 && (a.json.error as { code?: string })?.code === 'SLOT_FULL');
    const serverErrors = count((a) => a.status >= 500);
    const listing = await fetch(`${apiUrl}/v1/childcare/institutions/${filing.id}/slots?from=${day(3)}`);
    const stored = (
      (await listing.json()) as { items: { id: string; confirmed: number; waitlisted: number }[] }
    ).items;
    const mine = stored.filter((s) => slots.some((slot) => slot.id === s.id));
    const storedConfirmed = mine.reduce((sum, s) => sum + s.confirmed, 0);
    const storedWaitlisted = mine.reduce((sum, s) => sum + s.waitlisted, 0);
    const overCapacity = mine.reduce((sum, s) => {
      const capacity = slots.find((slot) => slot.id === s.id)?.capacity ?? 0;
      return sum + Math.max(0, s.confirmed - capacity) + Math.max(0, s.waitlisted - capacity);
    }, 0);
    const lost = Math.abs(storedConfirmed - confirmed) + Math.abs(storedWaitlisted - waitlisted);
    if (mine.length !== slots.length) wrong.push(`${phase}: ${mine.length} of ${slots.length} slots listed`);
    if (confirmed !== expected.confirmed || waitlisted !== expected.waitlisted || full !== expected.full)
      wrong.push(
        `${phase}: ${confirmed} / ${waitlisted} / ${full}, expected ${Object.values(expected).join(' / ')}`,
      );
    if (overCapacity) wrong.push(`${phase}: ${overCapacity} over capacity`);
    if (lost) wrong.push(`${phase}: ${lost} bookings answered and stored differ`);
    if (serverErrors) wrong.push(`${phase}: ${serverErrors} 5xx`);
    return `${confirmed} / ${waitlisted} / ${full}; stored ${storedConfirmed} / ${storedWaitlisted}, over capacity ${overCapacity}, 5xx ${serverErrors}`;
  }

  const progress = (line: string) => console.error(`[booking-rush] ${line}`);
  progress(`${families.length} families signed in`);
  // ---- 1 and 2. service time at concurrency 1, raw store latency between the bookings ----------
  // The raw calls are interleaved with the bookings, so both see the same machine (other work
  // shares the 2 cores): the ratio holds even when the absolute times drift.
  const store = new DynamoDBClient({
    endpoint: ready.dynamoEndpoint,
    region: 'cn-northwest-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const mainSpec = tableSpecs.find((spec) => spec.id === 'Main');
  if (!mainSpec) throw new Error('no Main table spec');
  const table = localTableName(mainSpec);
  const Key = { pk: { S: 'bench#raw' }, sk: { S: 'bench#raw' } };
  await store.send(new PutItemCommand({ TableName: table, Item: { ...Key, n: { N: '0' } } }));
  const getTimes: number[] = [];
  const updateTimes: number[] = [];
  const timed = async (into: number[] | undefined, send: () => Promise<unknown>) => {
    const t0 = performance.now();
    await send();
    into?.push(performance.now() - t0);
  };
  const rawGet = (into?: number[]) =>
    timed(into, () => store.send(new GetItemCommand({ TableName: table, Key, ConsistentRead: true })));
  // A conditional update, as a booking's writes are.
  const rawUpdate = (into?: number[]) =>
    timed(into, () =>
      store.send(
        new UpdateItemCommand({
          TableName: table,
          Key,
          UpdateExpression: 'SET n = n + :one',
          ConditionExpression: 'attribute_exists(pk) AND n < :cap',
          ExpressionAttributeValues: { ':one': { N: '1' }, ':cap': { N: '1000000' } },
        }),
      ),
    );
  for (let i = 0; i < 30; i++) await rawGet().then(() => rawUpdate());
  for (let i = 0; i < warmUpBookings; i++)
    await book(warmUpSlot, rushRequests + sequentialBookings + i, 'warm');

  const sequential: (Answer & { ms: number })[] = [];
  let rounds = 0;
  let calls = 0;
  for (let i = 0; i < sequentialBookings; i++) {
    const slot = sequentialSlots[Math.floor(i / 20)] as (typeof sequentialSlots)[number];
    const before = await storeStats();
    sequential.push(await book(slot, rushRequests + i, 'seq'));
    const after = await storeStats();
    rounds += after.rounds - before.rounds;
    calls += after.requests - before.requests;
    for (let op = 0; op < rawOps / sequentialBookings; op++)
      await rawGet(getTimes).then(() => rawUpdate(updateTimes));
  }
  store.destroy();
  const sequentialOutcome = await check('concurrency 1', sequentialSlots, sequential, {
    confirmed: sequentialBookings,
    waitlisted: 0,
    full: 0,
  });
  const serviceP50 = percentile(
    sequential.map((a) => a.ms),
    50,
  );
  const serviceP95 = percentile(
    sequential.map((a) => a.ms),
    95,
  );
  const roundsPerBooking = rounds / sequentialBookings;
  const callsPerBooking = calls / sequentialBookings;
  const getP50 = percentile(getTimes, 50);
  const updateP50 = percentile(updateTimes, 50);
  const rawP50 = (getP50 + updateP50) / 2;
  const storePart = roundsPerBooking * rawP50;
  progress(
    `concurrency 1: p50 ${ms(serviceP50)} ms, ${roundsPerBooking} rounds a booking, raw ${ms(rawP50)} ms`,
  );

  // ---- 4. throughput at a fixed concurrency of 50, profiled -----------------------------------
  const slotOf = (slots: { id: string; date: string }[], i: number) => {
    // Requests in proportion to places: 40% / 40% / 20%.
    const share = (i * places) / rushRequests;
    let acc = 0;
    for (const [index, capacity] of rushCapacities.entries()) {
      acc += capacity;
      if (share < acc) return slots[index] as { id: string; date: string };
    }
    return slots[slots.length - 1] as { id: string; date: string };
  };
  const bench = process.cpuUsage();
  const cpuBefore = await cpuTimes();
  await ask({ kind: 'profile-start' }, 'profile-started');
  const rushStarted = performance.now();
  const pooledAnswers = await pooled(rushRequests, concurrency, (i) => book(slotOf(rushSlots, i), i, 'c50'));
  const rushWall = performance.now() - rushStarted;
  const { profile } = await ask<{ profile: CpuProfile }>({ kind: 'profile-stop' }, 'profile');
  const cpuAfter = await cpuTimes();
  const benchCpu = process.cpuUsage(bench);
  const expectedRush = { confirmed: places, waitlisted: places, full: rushRequests - 2 * places };
  const pooledOutcome = await check('concurrency 50', rushSlots, pooledAnswers, expectedRush);
  const { busyMs, byGroup } = summarize(profile);
  const share = (x: number, of: number) => `${((100 * x) / of).toFixed(0)} %`;

  progress(`concurrency ${concurrency}: ${pooledOutcome}, wall ${(rushWall / 1000).toFixed(1)} s`);
  // ---- 5. all at once ------------------------------------------------------------------------
  const onceStarted = performance.now();
  const onceAnswers = await Promise.all(
    Array.from({ length: rushRequests }, (_, i) => book(slotOf(onceSlots, i), i, 'once')),
  );
  const onceWall = performance.now() - onceStarted;
  const onceOutcome = await check('all at once', onceSlots, onceAnswers, expectedRush);

  const c50 = pooledAnswers.map((a) => a.ms);
  const once = onceAnswers.map((a) => a.ms);
  rows.push(
    [
      'booking service time, concurrency 1: p50 / p95',
      `${ms(serviceP50)} / ${ms(serviceP95)} ms`,
      `${sequentialBookings} bookings one at a time on free 托大班 slots (after ${warmUpBookings} unmeasured); ${sequentialOutcome}`,
    ],
    [
      'store round trips per booking (confirmed)',
      `${roundsPerBooking.toFixed(1)} rounds, ${callsPerBooking.toFixed(1)} calls`,
      'counted at the store process during the sequential bookings; calls in flight together are one round',
    ],
    [
      'raw store latency p50: GetItem / conditional UpdateItem',
      `${ms(getP50)} / ${ms(updateP50)} ms`,
      `${rawOps} each, one at a time between the bookings above (after 30 unmeasured), AWS SDK from the load generator's process to the same dynalite`,
    ],
    [
      "app's share of a booking (concurrency 1)",
      `${share(serviceP50 - storePart, serviceP50)} app, ${share(storePart, serviceP50)} store`,
      `store part = ${roundsPerBooking.toFixed(1)} rounds × ${ms(rawP50)} ms (mean of the two raw p50s) = ${ms(storePart)} ms of the ${ms(serviceP50)} ms p50; the rest is the app: HTTP adapter, handler, validation, sealing, SDK marshalling`,
    ],
    [
      `booking throughput, concurrency ${concurrency}`,
      `${((rushRequests / rushWall) * 1000).toFixed(0)} req/s`,
      `${rushRequests} requests for ${places} places (托大班 slots of ${rushCapacities.join(' + ')}), ${concurrency} in flight, wall ${(rushWall / 1000).toFixed(1)} s; p50 / p95 ${ms(percentile(c50, 50))} / ${ms(percentile(c50, 95))} ms`,
    ],
    [
      `concurrency ${concurrency}: confirmed / waitlisted / SLOT_FULL`,
      pooledOutcome.split(';')[0] ?? '',
      `expected ${expectedRush.confirmed} / ${expectedRush.waitlisted} / ${expectedRush.full};${pooledOutcome.split(';')[1] ?? ''}`,
    ],
    [
      `concurrency ${concurrency}: CPU busy per process`,
      `app ${share(cpuAfter.appMs - cpuBefore.appMs, rushWall)}, store ${share(cpuAfter.storeMs - cpuBefore.storeMs, rushWall)}, load generator ${share((benchCpu.user + benchCpu.system) / 1000, rushWall)}`,
      'CPU time (user + system) over the wall time, each as a share of one core; 2 cores shared with other work',
    ],
    [
      `concurrency ${concurrency}: CPU per booking, app / store`,
      `${ms((cpuAfter.appMs - cpuBefore.appMs) / rushRequests)} / ${ms((cpuAfter.storeMs - cpuBefore.storeMs) / rushRequests)} ms`,
      `the app process's CPU time per request against dynalite's: ${((cpuAfter.appMs - cpuBefore.appMs) / Math.max(1, cpuAfter.storeMs - cpuBefore.storeMs)).toFixed(1)} × (one core bounds the app at ≈ ${(rushRequests / ((cpuAfter.appMs - cpuBefore.appMs) / 1000)).toFixed(0)} bookings/s)`,
    ],
    ...groups.map(
      (group): Row => [
        `app CPU profile, concurrency ${concurrency}: ${group}`,
        share(byGroup[group], busyMs),
        `≈ ${ms(((byGroup[group] / busyMs) * (cpuAfter.appMs - cpuBefore.appMs)) / rushRequests)} ms CPU per booking; self time by script URL (Node's own code charged to its caller), share of ${(busyMs / 1000).toFixed(1)} s sampled while not idle`,
      ],
    ),
    [
      'booking rush, all at once: confirmed / waitlisted / SLOT_FULL',
      onceOutcome.split(';')[0] ?? '',
      `${rushRequests} requests fired together (SPEC §4), expected ${expectedRush.confirmed} / ${expectedRush.waitlisted} / ${expectedRush.full};${onceOutcome.split(';')[1] ?? ''}`,
    ],
    [
      'booking rush, all at once: throughput, p50 / p99',
      `${((rushRequests / onceWall) * 1000).toFixed(0)} req/s, ${ms(percentile(once, 50))} / ${ms(percentile(once, 99))} ms`,
      `wall ${(onceWall / 1000).toFixed(1)} s; latency client-side, queueing included; ${resets.once ?? 0} connection resets retried with the same Idempotency-Key (${resets.c50 ?? 0} at concurrency ${concurrency}, ${resets.seq ?? 0} at 1)`,
    ],
  );
  console.log(`BENCH_ROWS ${JSON.stringify(rows)}`);
  if (wrong.length) {
    console.error(`wrong answers:\n${wrong.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  if (app.connected) await ask({ kind: 'stop' }, 'stopped');
  rmSync(dataDir, { recursive: true, force: true });
}
