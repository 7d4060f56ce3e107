/**
 * Booking rush (SPEC §4): 1,000 families fire their booking requests at once
 * for 50 places. Class maxima cap a slot at 20 (托大班), so the 50 places are
 * three 托大班 slots of 20, 20 and 10 at one institution, and the requests are
 * split in proportion (400, 400, 200). Expected: 50 confirmed, 50 waitlisted,
 * 900 SLOT_FULL, no 5xx, no slot over capacity. Runs the real local runtime
 * (dynalite, the HTTP adapter, the deployed handlers) in this process and
 * prints `BENCH_ROWS [[measure, value, note], …]` for scripts/bench.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { creditCodeCheckCharacter } from '@hongjia/shared';
import { startLocalRuntime } from '../../local/runtime';

const requests = 1000;
const slotCapacities = [20, 20, 10];
const places = slotCapacities.reduce((a, b) => a + b, 0);

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
// A thousand families sign in from 127.0.0.1 within a minute: past the per-address sign-in
// limit (commons/limits.ts), so the bench raises it. Each family books once: far under its
// account's booking caps, which stay as deployed.
process.env.RATE_LIMIT_SIGN_IN_ADDRESS ??= String(10 * requests);
const dataDir = mkdtempSync(join(tmpdir(), 'hongjia-bench-rush-'));
const runtime = await startLocalRuntime({ dataDir, port: 0, seed: false });

async function post(path: string, body: unknown, token?: string, key?: string) {
  const response = await fetch(`${runtime.apiUrl}${path}`, {
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

async function expectOk<T>(answer: Promise<{ status: number; json: Record<string, unknown> }>): Promise<T> {
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

function slotDate(): string {
  const date = new Date(Date.now() + 8 * 3600_000 + 3 * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function birthDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 - months, d)).toISOString().slice(0, 10);
}

try {
  // The seed is off: the bench creates its own provider, staff and institution through the API.
  const { createUserEntity, userIdForOpenid } = await import('@hongjia/functions/auth/users');
  const { accessTableName, documentClient } = await import('@hongjia/functions/commons/dynamo');
  const now = new Date().toISOString();
  await createUserEntity(documentClient, accessTableName())
    .put([
      {
        userId: userIdForOpenid('bench-provider'),
        openid: 'bench-provider',
        roles: ['provider'],
        createdAt: now,
      },
      {
        userId: userIdForOpenid('bench-staff'),
        openid: 'bench-staff',
        roles: ['staff'],
        district: '360102',
        createdAt: now,
      },
    ])
    .go();
  const provider = await signIn('bench-provider');
  const staff = await signIn('bench-staff');
  const first17 = '91360102MA35BENCH';
  const filing = await expectOk<{ id: string }>(
    post(
      '/v1/provider/institutions',
      {
        name: '压测托育中心',
        creditCode: `${first17.replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0')}${creditCodeCheckCharacter(first17.replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0'))}`,
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
  const date = slotDate();
  const sessions = ['full_day', 'morning', 'afternoon'] as const;
  const slots = await Promise.all(
    slotCapacities.map((capacity, i) =>
      expectOk<{ id: string }>(
        post(
          `/v1/provider/institutions/${filing.id}/slots`,
          { ageClass: 'preschool', date, session: sessions[i], capacity },
          provider,
          `bench-slot-000${i}`,
        ),
      ),
    ),
  );

  const tokens: string[] = [];
  for (let start = 0; start < requests; start += 50) {
    const batch = Array.from({ length: Math.min(50, requests - start) }, (_, i) =>
      signInFamily(`bench-family-${start + i}`),
    );
    tokens.push(...(await Promise.all(batch)));
  }
  const slotOf = (i: number) => {
    // Requests in proportion to places: 40% / 40% / 20%.
    const share = (i * places) / requests;
    let acc = 0;
    for (const [index, capacity] of slotCapacities.entries()) {
      acc += capacity;
      if (share < acc) return slots[index]?.id as string;
    }
    return slots[slots.length - 1]?.id as string;
  };

  const latencies: number[] = [];
  const started = performance.now();
  const answers = await Promise.all(
    tokens.map(async (token, i) => {
      const t0 = performance.now();
      const answer = await post(
        `/v1/childcare/slots/${slotOf(i)}/bookings`,
        {
          childName: `压测孩子${i}`,
          childBirthDate: birthDate(date, 30),
          guardianPhone: '13900139000',
          guardianConsent: true,
        },
        token,
        `bench-rush-${i}-key`,
      );
      latencies.push(performance.now() - t0);
      return answer;
    }),
  );
  const wallMs = performance.now() - started;

  const count = (predicate: (a: { status: number; json: Record<string, unknown> }) => boolean) =>
    answers.filter(predicate).length;
  const confirmed = count((a) => a.status === 201 && a.json.status === 'confirmed');
  const waitlisted = count((a) => a.status === 201 && a.json.status === 'waitlisted');
  const full = count(
    (a) => a.status === 409 && (a.json.error as { code?: string } | undefined)?.code === 'SLOT_FULL',
  );
  const serverErrors = count((a) => a.status >= 500);

  const listing = await fetch(`${runtime.apiUrl}/v1/childcare/institutions/${filing.id}/slots`);
  const stored = (
    (await listing.json()) as { items: { capacity: number; confirmed: number; waitlisted: number }[] }
  ).items;
  const overCapacity = stored.reduce(
    (sum, s) => sum + Math.max(0, s.confirmed - s.capacity) + Math.max(0, s.waitlisted - s.capacity),
    0,
  );
  const storedConfirmed = stored.reduce((sum, s) => sum + s.confirmed, 0);

  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
  const expected = `expected ${places} / ${Math.min(places, requests - places)} / ${requests - 2 * places}`;
  const ok = confirmed === places && storedConfirmed === places && overCapacity === 0 && serverErrors === 0;
  console.log(
    `BENCH_ROWS ${JSON.stringify([
      [
        'booking rush: confirmed / waitlisted / SLOT_FULL',
        `${confirmed} / ${waitlisted} / ${full}`,
        `${requests} concurrent requests, ${places} places (托大班 slots of ${slotCapacities.join('+')}); ${expected}`,
      ],
      ['booking rush: over-capacity', String(overCapacity), `must be 0; stored confirmed ${storedConfirmed}`],
      ['booking rush: 5xx', String(serverErrors), 'must be 0'],
      [
        'booking rush: throughput',
        `${((requests / wallMs) * 1000).toFixed(0)} req/s`,
        `wall ${wallMs.toFixed(0)} ms, local dynalite, one process`,
      ],
      [
        'booking rush: latency p50 / p99',
        `${pct(50).toFixed(0)} / ${pct(99).toFixed(0)} ms`,
        'client-side, all requests fired at once',
      ],
    ])}`,
  );
  if (!ok) process.exitCode = 1;
} finally {
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
