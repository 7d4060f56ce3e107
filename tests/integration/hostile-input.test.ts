import { randomUUID } from 'node:crypto';
import { api, ErrorEnvelope, type RouteContract } from '@hongjia/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { type Actor, actors } from './authorization/actors';
import { gateAnswer } from './authorization/expected';
import { signIn, startTestRuntime } from './harness';
import { type HostileRequest, hostileRequests } from './hostile/requests';
import { snapshotStore } from './store-snapshot';

/**
 * Issue 12, the proof: hostile input generated from the routes' zod schemas
 * (hostile/requests.ts), at least 10,000 requests per run over every route
 * that takes params, query or a body, each sent as an actor the route admits
 * (so the request reaches the parser, not the gate). Every answer must be a
 * 4xx in the envelope, and the store must be unchanged: every table scanned
 * raw before and after (count + hash of the items). No item is skipped:
 * rate-limit counters count only requests that parsed, so refused input
 * leaves them alone too.
 *
 * `HOSTILE_SEED` replays a run (the seed is printed); `HOSTILE_REQUESTS` sets the total;
 * `HOSTILE_ROUTE=<operationId>` replays only that route's share of the run.
 */
const total = Number(process.env.HOSTILE_REQUESTS ?? 10_000);
const seed = Number(process.env.HOSTILE_SEED ?? Date.now() % 2 ** 31);
const onlyRoute = process.env.HOSTILE_ROUTE;
const concurrency = 16;

let runtime: LocalRuntime;
let close: () => Promise<void>;
const tokens = new Map<string, string>();

type Target = { name: string; route: RouteContract; actor: Actor };

/** The routes that parse something, each with the first actor its gate admits. */
function targets(): Target[] {
  const list: Target[] = [];
  for (const [name, route] of Object.entries(api) as [string, RouteContract][]) {
    if (!route.params && !route.query && !route.body) continue;
    const actor = actors.find(
      (candidate) => !gateAnswer(route, candidate) && (candidate.openid || route.access === 'public'),
    );
    if (actor) list.push({ name, route, actor });
  }
  return list;
}

async function send(target: Target, request: HostileRequest) {
  const token = target.actor.openid ? tokens.get(target.actor.name) : undefined;
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (request.contentType) headers['content-type'] = request.contentType;
  // A valid key, so the broken part is the only fault (idempotent routes check the key after parsing).
  if (target.route.idempotent) headers['idempotency-key'] = `hostile-${randomUUID()}`;
  const url = `${runtime.apiUrl}${request.path}${request.query ? `?${request.query}` : ''}`;
  try {
    const response = await fetch(url, {
      method: target.route.method,
      headers,
      ...(request.body && target.route.method !== 'GET' ? { body: new Uint8Array(request.body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, text, requestId: response.headers.get('x-request-id') };
  } catch (error) {
    // The connection dropped: the cause (ECONNRESET, a parser error) is what a reader needs.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return {
      status: 0,
      text: `${String(error)} (${cause?.code ?? ''} ${cause?.message ?? ''})`,
      requestId: null,
    };
  }
}

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  for (const actor of actors) {
    if (actor.openid) tokens.set(actor.name, (await signIn(runtime, actor.openid)).token);
  }
}, 300_000);
afterAll(async () => close?.());

describe('hostile input generated from the route schemas', () => {
  it(`refuses ${total} broken requests with a 4xx in the envelope and writes nothing`, async () => {
    const before = await snapshotStore(runtime.dynamoEndpoint);
    const all = targets();
    const generated: { target: Target; request: HostileRequest }[] = [];
    const perRoute = Math.ceil(total / all.length);
    for (const [index, target] of all.entries()) {
      if (onlyRoute && target.name !== onlyRoute) continue;
      const arbitrary = hostileRequests(target.route, (name) => `hostile-${name}`);
      if (!arbitrary) continue;
      // A few more than needed: samples whose part the schema accepts are left out (undefined).
      const samples = fc.sample(arbitrary, { numRuns: perRoute * 3, seed: seed + index });
      const kept = samples
        .filter((request): request is HostileRequest => request !== undefined)
        .slice(0, perRoute);
      for (const request of kept) generated.push({ target, request });
    }
    console.info(`hostile input: seed ${seed}, ${generated.length} requests over ${all.length} routes`);
    if (!onlyRoute) expect(generated.length).toBeGreaterThanOrEqual(total * 0.9);

    const wrong: string[] = [];
    const { monitorEventLoopDelay } = await import('node:perf_hooks');
    const delay = monitorEventLoopDelay({ resolution: 20 });
    delay.enable();
    const started = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < generated.length) {
        const { target, request } = generated[next++] as (typeof generated)[number];
        const answer = await send(target, request);
        const envelope = (() => {
          try {
            return ErrorEnvelope.safeParse(JSON.parse(answer.text));
          } catch {
            return undefined;
          }
        })();
        const ok =
          answer.status >= 400 &&
          answer.status < 500 &&
          envelope?.success === true &&
          envelope.data.error.requestId === answer.requestId;
        if (!ok && wrong.length < 50)
          wrong.push(
            `${target.route.method} ${request.path.slice(0, 120)} [${request.kind}] → ${answer.status} ${answer.text.slice(0, 160)} at ${Date.now() - started} ms, body ${request.body?.length} ${request.body?.subarray(0, 60).toString()}`,
          );
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    delay.disable();
    console.info(
      `event loop delay: max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms`,
    );
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `hostile input: ${generated.length} requests in ${seconds.toFixed(1)} s (${(generated.length / seconds).toFixed(0)} requests/s)`,
    );
    expect.soft(wrong, `seed ${seed}`).toEqual([]);
    expect(await snapshotStore(runtime.dynamoEndpoint), 'tables after the hostile requests').toEqual(before);
  }, 600_000);
});
