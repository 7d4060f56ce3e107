import type { CertificateItem } from '@hongjia/functions/certificates/entity';
import { verifyQrPayload } from '@hongjia/functions/certificates/signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { certificateWriter } from './certificates-fixtures';
import { call, callFrom, expectEnvelope, signIn, startTestRuntime } from './harness';

const verifyLimit = 40;
let runtime: LocalRuntime;
let close: () => Promise<void>;
let writer: ReturnType<typeof certificateWriter>;
let family: { token: string; user: { id: string } };
let other: { token: string; user: { id: string } };
let mine: CertificateItem;

beforeAll(async () => {
  // The verify-address limit in force (read at each request); the tests come from 127.0.0.1 unless they say.
  process.env.VERIFY_RATE_LIMIT_PER_MINUTE = String(verifyLimit);
  ({ runtime, close } = await startTestRuntime());
  writer = certificateWriter(runtime);
  family = await signIn(runtime, 'cert-family-1');
  other = await signIn(runtime, 'cert-family-2');
  mine = await writer.issue(family.user.id, '360102');
  await writer.issue(family.user.id, '360102');
});
afterAll(async () => {
  writer?.client.destroy();
  await close?.();
});

describe('a family’s certificates', () => {
  it('lists only the caller’s, newest first', async () => {
    const answer = await call(runtime, '/v1/me/certificates', { token: family.token });
    expect(answer.status).toBe(200);
    const items = answer.json?.items as { id: string; issuedAt: string }[];
    expect(items).toHaveLength(2);
    expect((items[0]?.issuedAt ?? '') > (items[1]?.issuedAt ?? '')).toBe(true);
    const theirs = await call(runtime, '/v1/me/certificates', { token: other.token });
    expect(theirs.json?.items).toEqual([]);
  });

  it('shows the detail with a QR payload that verifies offline, and a tampered one that does not', async () => {
    const answer = await call(runtime, `/v1/me/certificates/${mine.certificateId}`, { token: family.token });
    expect(answer.status).toBe(200);
    const jwks = await call(runtime, '/v1/certificates/public-key');
    const key = ((jwks.json?.keys ?? []) as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(key).not.toHaveProperty('d');
    const qr = answer.json?.qrPayload as string;
    expect(await verifyQrPayload(qr, key)).toMatchObject({ cid: mine.certificateId, code: mine.verifyCode });
    const [header, , signature] = qr.split('.');
    const forged = Buffer.from(JSON.stringify({ cid: 'crt_forged', code: mine.verifyCode })).toString(
      'base64url',
    );
    expect(await verifyQrPayload(`${header}.${forged}.${signature}`, key)).toBeUndefined();
  });

  it('is a 404 for anyone else’s certificate', async () => {
    const answer = await call(runtime, `/v1/me/certificates/${mine.certificateId}`, { token: other.token });
    expectEnvelope(answer, 404, 'NOT_FOUND');
  });
});

describe('public verification', () => {
  it('shows validity, type, date and the masked holder', async () => {
    const answer = await call(runtime, `/v1/certificates/verify/${mine.verifyCode}`);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      valid: true,
      type: 'birth_registration_receipt',
      issuedAt: mine.issuedAt,
      holderMasked: '王*、李**',
    });
  });

  it('answers an unknown code with valid: false and nothing more', async () => {
    const answer = await call(runtime, '/v1/certificates/verify/ZZZZZZZZZZZZ');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ valid: false });
  });
});

describe('revocation', () => {
  it('is a 404 for staff of another district, revokes for the jurisdiction, 409 the second time', async () => {
    const target = await writer.issue(family.user.id, '360102');
    const outsider = await signIn(runtime, 'staff-360103');
    const path = `/v1/staff/certificates/${target.certificateId}/revoke`;
    expectEnvelope(
      await call(runtime, path, { token: outsider.token, body: { reason: '信息有误' } }),
      404,
      'NOT_FOUND',
    );
    expectEnvelope(
      await call(runtime, path, { token: family.token, body: { reason: '信息有误' } }),
      403,
      'FORBIDDEN',
    );
    const staff = await signIn(runtime, 'staff-360102');
    const revoked = await call(runtime, path, {
      token: staff.token,
      body: { reason: '登记信息有误，已作废' },
    });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.json?.revoked).toBe(true);
    const city = await signIn(runtime, 'staff-city');
    expectEnvelope(
      await call(runtime, path, { token: city.token, body: { reason: '再次作废' } }),
      409,
      'CONFLICT',
    );

    const verify = await call(runtime, `/v1/certificates/verify/${target.verifyCode}`);
    expect(verify.json).toEqual({ valid: false, revoked: true });
    const code = await call(runtime, `/v1/me/certificates/${target.certificateId}/print-codes`, {
      token: family.token,
      method: 'POST',
      headers: { 'idempotency-key': 'print-revoked-1' },
    });
    expectEnvelope(code, 409, 'CONFLICT');
  });
});

describe('rate limit', () => {
  it('answers 429 RATE_LIMITED once a client exceeds its window', async () => {
    let limited: Awaited<ReturnType<typeof call>> | undefined;
    let ok = 0;
    // At most two windows' worth: a minute boundary during the loop starts a fresh count once.
    for (let i = 0; i < verifyLimit * 2 + 2 && !limited; i++) {
      const answer = await call(runtime, `/v1/certificates/verify/${mine.verifyCode}`);
      if (answer.status === 429) limited = answer;
      else ok += 1;
    }
    expect(limited).toBeDefined();
    expectEnvelope(limited as Awaited<ReturnType<typeof call>>, 429, 'RATE_LIMITED');
    expect(ok).toBeLessThanOrEqual(verifyLimit * 2);
  });
});

describe('who the verify limit counts together', () => {
  /** Anonymous calls from `address` until 20 in a row are refused: every shard of that address is full. */
  const exhaust = async (address: string) => {
    let refusedInARow = 0;
    let last: Awaited<ReturnType<typeof callFrom>> | undefined;
    for (let i = 0; i < verifyLimit * 5 && refusedInARow < 20; i++) {
      last = await callFrom(runtime, address, `/v1/certificates/verify/${mine.verifyCode}`);
      refusedInARow = last.status === 429 ? refusedInARow + 1 : 0;
    }
    expect(refusedInARow).toBe(20);
    return last as Awaited<ReturnType<typeof callFrom>>;
  };

  it('limits two addresses separately, by the address API Gateway reports, never a forwarded header', async () => {
    const refused = await exhaust('127.0.0.2');
    expect(refused.json?.error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    const elsewhere = await callFrom(runtime, '127.0.0.3', `/v1/certificates/verify/${mine.verifyCode}`);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.json).toMatchObject({ valid: true });
  });

  it('counts a signed-in caller by its account, not with everyone behind its address', async () => {
    await exhaust('127.0.0.4');
    const signedIn = await callFrom(runtime, '127.0.0.4', `/v1/certificates/verify/${mine.verifyCode}`, {
      token: family.token,
    });
    expect(signedIn.status).toBe(200);
  });
});
