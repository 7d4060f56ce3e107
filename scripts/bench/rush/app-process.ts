/**
 * The app's process of the booking rush bench (scripts/bench/booking-rush.ts forks it):
 * the local runtime (HTTP adapter and the deployed handlers), whose dynalite runs in a
 * process of its own (decision 0028). The load generator stays in the parent, so the
 * app, the load and the store are three processes and each one's CPU can be read apart.
 *
 * Over IPC it answers the parent's requests (`AppRequest` → `AppReply`): the store's
 * call counts, this process's and the store's CPU time, a CPU profile of this process
 * between `profile-start` and `profile-stop` (node:inspector, so the profile covers the
 * measured phase only, not the imports and start-up that `node --cpu-prof` would add),
 * and `stop`.
 */
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { startLocalRuntime } from '../../../local/runtime';

export type AppRequest =
  | { kind: 'store-stats' }
  | { kind: 'cpu' }
  | { kind: 'profile-start' }
  | { kind: 'profile-stop' }
  | { kind: 'stop' };

export interface AppReady {
  kind: 'ready';
  apiUrl: string;
  dynamoEndpoint: string;
  storePid: number;
}

/** CPU time used so far, in ms: this process (user + system) and the store's process. */
export interface CpuTimes {
  appMs: number;
  storeMs: number;
}

/** The subset of a V8 .cpuprofile the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

const dataDir = process.argv[2];
if (!dataDir || !process.send) throw new Error('usage: forked by booking-rush.ts with <data dir>');
const send = (message: unknown) => process.send?.(message);

const runtime = await startLocalRuntime({ dataDir, port: 0, seed: false });

// The seed is off: the bench's provider and staff accounts are written here, in the app's
// process, where the functions' store client is bound to this runtime.
const { createUserEntity, userIdForOpenid } = await import('@hongjia/functions/commons/users');
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

/** utime + stime of a process from /proc (Linux), in ms; 0 where /proc is missing. */
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After "pid (comm) ": state is field 3, utime 14, stime 15 (1-based) → indexes 11 and 12.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

// The bench went away (crashed, or killed): stop too, and the store with us.
process.on('disconnect', () => void runtime.stop().finally(() => process.exit(1)));

const session = new Session();
session.connect();

process.on('message', async (request: AppRequest) => {
  if (request.kind === 'store-stats') send({ kind: 'store-stats', stats: await runtime.store.stats() });
  if (request.kind === 'cpu') {
    const usage = process.cpuUsage();
    send({
      kind: 'cpu',
      cpu: { appMs: (usage.user + usage.system) / 1000, storeMs: processCpuMs(runtime.store.pid) },
    });
  }
  if (request.kind === 'profile-start') {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 1000 });
    await session.post('Profiler.start');
    send({ kind: 'profile-started' });
  }
  if (request.kind === 'profile-stop') {
    const { profile } = await session.post('Profiler.stop');
    send({ kind: 'profile', profile });
  }
  if (request.kind === 'stop') {
    session.disconnect();
    await runtime.stop();
    send({ kind: 'stopped' });
    process.exit(0);
  }
});

send({
  kind: 'ready',
  apiUrl: runtime.apiUrl,
  dynamoEndpoint: runtime.dynamoEndpoint,
  storePid: runtime.store.pid,
} satisfies AppReady);
