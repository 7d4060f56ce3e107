import { api, type SessionUser } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { certificateWriter } from './certificates-fixtures';
import { startTestRuntime } from './harness';
import { type Call, countingClient, roundTrips } from './round-trips';

/**
 * How many DynamoDB round trips a public verification waits for (issue 13,
 * item 2): the rate limiter's counter write in parallel with ONE consistent
 * GetItem of the verification item keyed by the code, so one round whatever
 * the answer (valid, revoked, unknown). It was three in a row: the limiter,
 * the code index, the certificate.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let writer: ReturnType<typeof certificateWriter>;
const calls: Call[] = [];
let verify: (code: string) => Promise<Record<string, unknown>>;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  writer = certificateWriter(runtime);
  // Imported only now: the functions' modules read the runtime's environment when first imported.
  const { createCertificateRoutes } = await import('@hongjia/functions/certificates/routes');
  const { mainTableName } = await import('@hongjia/functions/commons/dynamo');
  const routes = createCertificateRoutes({
    client: countingClient(runtime.dynamoEndpoint, calls),
    table: mainTableName(),
  });
  const route = routes.find((r) => r.route === api.verifyCertificate);
  if (!route) throw new Error('no verify route');
  verify = async (code) =>
    (await route.handle({
      params: { code },
      caller: undefined as SessionUser | undefined,
      sourceIp: '127.0.0.9',
      now: new Date(),
    } as unknown as Parameters<typeof route.handle>[0])) as Record<string, unknown>;
  await verify('WARMUPCODE22'); // the limiter's key is read once per process
});
afterAll(async () => {
  writer?.client.destroy();
  await close?.();
});

async function measure(code: string) {
  calls.length = 0;
  const answer = await verify(code);
  return { answer, rounds: roundTrips(calls), commands: calls.map((c) => c.command) };
}

describe('round trips of one verification (issue 13 target: 1)', () => {
  it('answers a valid certificate in one round', async () => {
    const issued = await writer.issue('verify-round-trip-family', '360102');
    const measured = await measure(issued.verifyCode);
    expect(measured.answer).toEqual({
      valid: true,
      type: issued.type,
      issuedAt: issued.issuedAt,
      holderMasked: issued.holderMasked,
    });
    expect(measured.rounds, JSON.stringify(measured.commands)).toBe(1);
  });

  it('answers a revoked certificate and an unknown code in one round', async () => {
    const issued = await writer.issue('verify-round-trip-family', '360102');
    await writer.revoke(issued);
    const revoked = await measure(issued.verifyCode);
    expect(revoked.answer).toEqual({ valid: false, revoked: true });
    expect(revoked.rounds, JSON.stringify(revoked.commands)).toBe(1);
    const unknown = await measure('ZZZZZZZZZZZZ');
    expect(unknown.answer).toEqual({ valid: false });
    expect(unknown.rounds, JSON.stringify(unknown.commands)).toBe(1);
  });
});
