import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createSlotEntity } from '@hongjia/functions/childcare/entities';
import { mainTable } from '@hongjia/infra/table-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient, localTableName } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { freshSeededDataDir } from '../seeded-city/fresh-data-dir';
import {
  approve,
  fileInstitution,
  futureDate,
  key,
  monthsBefore,
  publishSlot,
} from './childcare-filing-fixtures';
import { call, signIn } from './harness';
import { addLogLines } from './log-capture';

/**
 * Issue 12, the proof: the server process killed in the middle of a booking
 * rush (SIGKILL right after a family's booking became `waitlisted`, before it
 * was answered) and started again on the same data dir. Every family retries
 * with its own Idempotency-Key: each must get its original outcome (never a
 * 409 about its own booking), and the slot's ledger and the families' bookings
 * must agree (decision 0007).
 */
const here = resolve(fileURLToPath(new URL('.', import.meta.url)));
const childEntry = join(here, 'crash', 'runtime-child.ts');
const repoRoot = resolve(here, '..', '..');

interface Child {
  process: ChildProcess;
  runtime: LocalRuntime;
  dynamoEndpoint: string;
  exited: Promise<number | null>;
}

/** Starts the local runtime in a child process on `dataDir` and waits for its address line. */
function startChild(dataDir: string, crashOn?: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', childEntry, dataDir], {
    cwd: repoRoot,
    env: {
      ...process.env,
      HONGJIA_CRASH_ON: crashOn ?? '',
      // The killed booking's in-progress record then blocks its key for 8 s, not 29 s.
      HONGJIA_LOCAL_LAMBDA_TIMEOUT_MS: '8000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((done, fail) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (const line of buffered.split('\n')) {
        if (!line.startsWith('{"apiUrl"')) continue;
        child.stdout?.off('data', onData);
        const { apiUrl, dynamoEndpoint } = JSON.parse(line) as { apiUrl: string; dynamoEndpoint: string };
        // `call` and the fixtures need only the API address.
        done({ process: child, runtime: { apiUrl } as LocalRuntime, dynamoEndpoint, exited });
        return;
      }
    };
    child.stdout?.on('data', onData);
    // Drain stdout so the child never blocks on a full pipe; its log lines join the personal-data check.
    let partial = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      addLogLines(lines.join('\n'));
    });
    exited.then((code) => fail(new Error(`runtime child exited (${code}) before it served`)));
  });
}

type Answer = { status: number; json?: Record<string, unknown>; text: string } | { lost: string };

const capacity = 3;
const familyCount = 12;
const slotDate = futureDate(4);
const child = (i: number) => ({
  childName: `崩溃测试孩子${i}`,
  childBirthDate: monthsBefore(slotDate, 30),
  guardianPhone: '13800138000',
  guardianConsent: true,
});

let dataDir: string;
let running: Child | undefined;
let slotId: string;
let institutionId: string;
const tokens: string[] = [];
const keys: string[] = [];
const before: Answer[] = [];
const after: Answer[] = [];

const book = async (runtime: LocalRuntime, i: number): Promise<Answer> => {
  try {
    return await call(runtime, `/v1/childcare/slots/${slotId}/bookings`, {
      token: tokens[i] as string,
      body: child(i),
      headers: { 'idempotency-key': keys[i] as string },
    });
  } catch (error) {
    return { lost: String(error) };
  }
};

/** A retry after the restart: the killed attempt's in-progress record blocks its key until it expires (8 s in this child). */
async function retryUntilSettled(runtime: LocalRuntime, i: number): Promise<Answer> {
  for (let round = 0; round < 40; round++) {
    const answer = await book(runtime, i);
    const inProgress =
      'status' in answer &&
      answer.status === 409 &&
      /正在处理中/.test(answer.text) &&
      !/该孩子已预约/.test(answer.text);
    if (!inProgress && !('lost' in answer)) return answer;
    await new Promise((done) => setTimeout(done, 1500));
  }
  throw new Error(`family ${i}: still in progress after the restart`);
}

beforeAll(async () => {
  // A copy of this run's seeded city: the child finds it seeded and only serves (seeding the city
  // from nothing in the child took most of this file's 100 s in CI).
  dataDir = freshSeededDataDir('hongjia-crash-');
  // First life: set up a slot and its families, then the rush that kills the process.
  running = await startChild(dataDir, 'booking-waitlisted');
  const runtime = running.runtime;
  const provider = (await signIn(runtime, 'provider-1')).token;
  const staff = (await signIn(runtime, 'staff-360102')).token;
  institutionId = await fileInstitution(runtime, provider);
  await approve(runtime, staff, institutionId);
  slotId = (
    await publishSlot(runtime, provider, institutionId, { ageClass: 'preschool', date: slotDate, capacity })
  ).id;
  for (let i = 0; i < familyCount; i++) {
    tokens.push((await signIn(runtime, `crash-family-${i}`)).token);
    keys.push(key(`crash-book-${i}`));
  }
  // One at a time: the first `capacity` are confirmed, the next one is waitlisted and never answered.
  for (let i = 0; i < familyCount; i++) {
    const answer = await book(runtime, i);
    before.push(answer);
    if ('lost' in answer) break;
  }
  if (!before.some((answer) => 'lost' in answer)) {
    running.process.kill('SIGKILL');
    throw new Error('the crash point was never reached: no booking moved to waitlisted');
  }
  await running.exited;
  // Second life on the same data: the sessions' keys live beside the data, so the tokens still hold.
  running = await startChild(dataDir);
  for (let i = 0; i < familyCount; i++) after.push(await retryUntilSettled(running.runtime, i));
}, 600_000);

afterAll(async () => {
  running?.process.kill('SIGTERM');
  if (running) await running.exited;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('a booking rush killed after a family was waitlisted, restarted on the same data', () => {
  it('killed the process exactly where planned: 3 confirmed answers, then a lost one', () => {
    expect(before.slice(0, capacity).map((a) => ('status' in a ? [a.status, a.json?.status] : a))).toEqual(
      Array.from({ length: capacity }, () => [201, 'confirmed']),
    );
    expect(before).toHaveLength(capacity + 1);
    expect('lost' in (before[capacity] as Answer)).toBe(true);
  });

  it('gives every family that was answered before the crash the same answer on its retry', () => {
    for (let i = 0; i < capacity; i++) {
      const first = before[i] as { json?: Record<string, unknown> };
      const again = after[i] as { status: number; json?: Record<string, unknown> };
      expect(again.status).toBe(201);
      expect(again.json).toEqual(first.json);
    }
  });

  it('returns the waitlisted family its own booking instead of a 409 about it', () => {
    const retried = after[capacity] as { status: number; json?: Record<string, unknown>; text: string };
    expect(retried.status, retried.text).toBe(201);
    expect(retried.json).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  it('lets the families never answered book now: the waitlist, then SLOT_FULL', () => {
    const rest = after.slice(capacity + 1) as { status: number; json?: Record<string, unknown> }[];
    const waitlisted = rest.filter((a) => a.status === 201);
    expect(waitlisted.map((a) => a.json?.status)).toEqual(Array(capacity - 1).fill('waitlisted'));
    const full = rest.filter((a) => a.status !== 201);
    expect(full.map((a) => (a.json?.error as { code?: string } | undefined)?.code)).toEqual(
      Array(familyCount - 2 * capacity).fill('SLOT_FULL'),
    );
  });

  it('keeps the ledger and every family’s bookings in agreement', async () => {
    const client = localDynamoClient(running?.dynamoEndpoint as string);
    try {
      const { TableName, Key } = createSlotEntity(client, localTableName(mainTable))
        .get({ slotId })
        .params() as { TableName: string; Key: Record<string, string> };
      const slot = (await client.send(new GetCommand({ TableName, Key, ConsistentRead: true }))).Item;
      expect(slot).toBeDefined();
      const holds = Object.entries(slot ?? {}).filter(([name]) => name.startsWith('hold_'));
      expect(slot?.confirmed).toBe(capacity);
      expect(slot?.waitlisted).toBe(capacity);
      expect(holds.filter(([, seq]) => seq === 0)).toHaveLength(capacity);
      expect(holds.filter(([, seq]) => Number(seq) > 0)).toHaveLength(capacity);
      // Each family sees exactly what the ledger holds for it, and nothing when it holds nothing.
      const held = new Map(holds.map(([name, seq]) => [name.slice('hold_'.length), Number(seq)]));
      for (let i = 0; i < familyCount; i++) {
        const mine = await call(running?.runtime as LocalRuntime, '/v1/me/bookings?limit=50', {
          token: tokens[i] as string,
        });
        expect(mine.status).toBe(200);
        const items = (mine.json as { items: { id: string; status: string }[] }).items;
        const answer = after[i] as { status: number; json?: { id?: string; status?: string } };
        if (answer.status !== 201) {
          expect(items).toEqual([]);
          continue;
        }
        expect(items.map((b) => [b.id, b.status])).toEqual([[answer.json?.id, answer.json?.status]]);
        const seq = held.get(answer.json?.id as string);
        expect(seq === 0 ? 'confirmed' : seq ? 'waitlisted' : 'none').toBe(answer.json?.status);
      }
    } finally {
      client.destroy();
    }
  });
});
