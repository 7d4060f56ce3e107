import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningJwk, publicJwks, signQrPayload, verifyQrPayload } from '../src/certificates/signing';

const payload = {
  cid: 'crt_1',
  code: 'ABCDEFGHJKLM',
  type: 'birth_registration_receipt',
  iat: 1_772_400_000,
};

beforeAll(async () => {
  process.env.CERT_SIGNING_KEY = JSON.stringify(await generateSigningJwk('test-1'));
});

describe('certificate QR signatures', () => {
  it('verify offline with the published key', async () => {
    const [key] = (await publicJwks()).keys;
    expect(key).not.toHaveProperty('d');
    expect(await verifyQrPayload(await signQrPayload(payload), key as object)).toEqual(payload);
  });

  it('do not verify once the payload is tampered with', async () => {
    const [key] = (await publicJwks()).keys;
    const [header, , signature] = (await signQrPayload(payload)).split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, cid: 'crt_2' })).toString('base64url');
    expect(await verifyQrPayload(`${header}.${forged}.${signature}`, key as object)).toBeUndefined();
  });

  it('do not verify with another key or a flipped signature bit', async () => {
    const jws = await signQrPayload(payload);
    const { d: _d, ...otherPublic } = await generateSigningJwk('test-1');
    expect(await verifyQrPayload(jws, otherPublic)).toBeUndefined();
    const [key] = (await publicJwks()).keys;
    const last = jws.at(-2) === 'A' ? 'B' : 'A';
    expect(await verifyQrPayload(`${jws.slice(0, -2)}${last}${jws.at(-1)}`, key as object)).toBeUndefined();
  });
});
