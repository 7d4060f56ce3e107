import { api, type SessionUser } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { certificateWriter, testVerifyCode } from './certificates-fixtures';
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
  // Every seeded certificate is verified below, from one address.
  process.env.VERIFY_RATE_LIMIT_PER_MINUTE = '1000';
  ({ runtime, close } = await startTestRuntime());
  writer = certificateWriter(runtime);
  // Imported only now: the functions' modules read the runtime's environment when first imported.
  const { createCertificateRoutes } = await import('@hongjia/functions/certificates/routes');
  const { mainTableName } = await import('@hongjia/functions/commons/dynamo');
  const { createRoot } = await import('@hongjia/functions/root');
  const routes = createCertificateRoutes(
    createRoot({
      client: countingClient(runtime.dynamoEndpoint, calls),
      table: mainTableName(),
      notifier: { notify: async () => {} },
    }),
  );
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

describe('the seeded city', () => {
  it('verifies every certificate its approvals issued, a revoked one as revoked', async () => {
    const { data } = await writer.entity.scan.go({ pages: 'all' });
    const seeded = data.filter((item) => item.certificateId.startsWith('crt_') && item.registrationId);
    expect(seeded.length).toBeGreaterThan(10);
    for (const certificate of seeded) {
      const { answer } = await measure(certificate.verifyCode);
      expect(answer, certificate.certificateId).toEqual(
        certificate.revoked
          ? { valid: false, revoked: true }
          : {
              valid: true,
              type: certificate.type,
              issuedAt: certificate.issuedAt,
              holderMasked: certificate.holderMasked,
            },
      );
    }
  });
});

/**
 * No transactions (TOOLCHAIN.md): the certificate and its verification item
 * are two writes, and a crash may fall between them. Each window below is
 * made by writing what the interrupted code would have left; verify must
 * answer what the certificate says.
 */
describe('what verify answers when a write was cut short', () => {
  const copyOf = (item: { certificateId: string; verifyCode: string }) => ({
    certificateId: item.certificateId,
    verifyCode: item.verifyCode,
    type: 'birth_registration_receipt' as const,
    issuedAt: new Date().toISOString(),
    holderMasked: '王*、李**',
  });

  it('issuance stopped after the pending item: the code is unknown', async () => {
    const code = testVerifyCode();
    await writer.items.verifications
      .create({
        ...copyOf({ certificateId: 'crt_never_written', verifyCode: code }),
        state: 'pending',
        writer: 'w',
      })
      .go();
    expect((await measure(code)).answer).toEqual({ valid: false });
  });

  it('issuance stopped after the certificate, before settling: valid, read from the certificate', async () => {
    const issued = await writer.issue('verify-crash-family');
    await writer.items.verifications.patch({ verifyCode: issued.verifyCode }).set({ state: 'pending' }).go();
    const measured = await measure(issued.verifyCode);
    expect(measured.answer).toEqual({
      valid: true,
      type: issued.type,
      issuedAt: issued.issuedAt,
      holderMasked: issued.holderMasked,
    });
    expect(measured.rounds).toBe(2);
  });

  it('a pending item naming a certificate issued under another code is not that certificate', async () => {
    const issued = await writer.issue('verify-crash-family');
    const stray = testVerifyCode();
    await writer.items.verifications
      .create({
        ...copyOf({ certificateId: issued.certificateId, verifyCode: stray }),
        state: 'pending',
        writer: 'w',
      })
      .go();
    expect((await measure(stray)).answer).toEqual({ valid: false });
  });

  it('revocation stopped after marking, before the certificate: still valid; after it, revoked', async () => {
    const issued = await writer.issue('verify-crash-family');
    await writer.items.verifications.patch({ verifyCode: issued.verifyCode }).set({ state: 'pending' }).go();
    expect((await measure(issued.verifyCode)).answer).toMatchObject({ valid: true });
    await writer.entity.patch({ certificateId: issued.certificateId }).set({ revoked: true }).go();
    expect((await measure(issued.verifyCode)).answer).toEqual({ valid: false, revoked: true });
    // The revocation retried (void's retry, or staff again) settles the copy.
    await writer.revoke(issued);
    const settled = await writer.items.verifications.get({ verifyCode: issued.verifyCode }).go();
    expect(settled.data?.state).toBe('revoked');
  });

  it('a retried issuance keeps the first code and removes its own pending item', async () => {
    const issued = await writer.issue('verify-crash-family');
    const { issueCertificateWithCode } = await import('@hongjia/functions/certificates/verification');
    const retryCode = testVerifyCode();
    const again = await issueCertificateWithCode(
      writer.items,
      { ...issued, issuedAt: new Date().toISOString() },
      () => retryCode,
    );
    expect(again.verifyCode).toBe(issued.verifyCode);
    expect((await writer.items.verifications.get({ verifyCode: retryCode }).go()).data).toBeNull();
    expect((await measure(issued.verifyCode)).answer).toMatchObject({ valid: true });
  });

  it('a revocation that raced an issuance wins: the issuance cannot settle the copy to valid', async () => {
    const issued = await writer.issue('verify-crash-family');
    // The copy as an issuance leaves it before settling, then a revocation marks and lands.
    await writer.items.verifications
      .patch({ verifyCode: issued.verifyCode })
      .set({ state: 'pending', writer: 'issuance-token' })
      .go();
    await writer.revoke(issued);
    await expect(
      writer.items.verifications
        .patch({ verifyCode: issued.verifyCode })
        .set({ state: 'valid' })
        .where((a, op) => `${op.eq(a.state, 'pending')} AND ${op.eq(a.writer, 'issuance-token')}`)
        .go(),
    ).rejects.toThrow();
    expect((await measure(issued.verifyCode)).answer).toEqual({ valid: false, revoked: true });
  });
});
