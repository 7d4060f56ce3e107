import { CompactSign, compactVerify, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { envNames } from '../commons/env';
import { readSecret } from '../commons/secrets';

/**
 * The Ed25519 key that signs certificate QR payloads (JWS, alg EdDSA). Anyone
 * can check a printed or shown QR offline with the published public key
 * (`GET /v1/certificates/public-key`). The private key is a JWK in Secrets
 * Manager (deployed; the operator generates it, see README) or in the data
 * dir (local). Its `kid` is carried in every signature, so a rotated key
 * can be told apart.
 */
export interface QrPayload {
  /** Certificate id. */
  cid: string;
  /** Public verification code. */
  code: string;
  type: string;
  /** Issued at, seconds since the epoch. */
  iat: number;
}

interface SigningKey {
  kid: string;
  privateKey: Awaited<ReturnType<typeof importJWK>>;
  publicJwk: JWK;
}

let cached: Promise<SigningKey> | undefined;

async function signingKey(): Promise<SigningKey> {
  cached ??= (async () => {
    const jwk = JSON.parse(await readSecret(envNames.certSigningKeyArn, envNames.certSigningKey)) as JWK;
    if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d || !jwk.kid) {
      throw new Error('The certificate signing key must be an Ed25519 private JWK with a kid');
    }
    const privateKey = await importJWK(jwk, 'EdDSA');
    const { d: _private, ...publicOnly } = jwk;
    return { kid: jwk.kid, privateKey, publicJwk: { ...publicOnly, alg: 'EdDSA', use: 'sig' } };
  })();
  return cached;
}

export async function signQrPayload(payload: QrPayload): Promise<string> {
  const key = await signingKey();
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'hongjia-cert+jws' })
    .sign(key.privateKey);
}

/** The published key set (public part only). */
export async function publicJwks(): Promise<{ keys: JWK[] }> {
  return { keys: [(await signingKey()).publicJwk] };
}

/** Verifies a QR payload with a public JWK, as an offline checker would; undefined when it does not verify. */
export async function verifyQrPayload(jws: string, publicJwk: JWK): Promise<QrPayload | undefined> {
  try {
    const key = await importJWK({ ...publicJwk, alg: 'EdDSA' }, 'EdDSA');
    const { payload, protectedHeader } = await compactVerify(jws, key, { algorithms: ['EdDSA'] });
    if (protectedHeader.kid !== publicJwk.kid) return undefined;
    return JSON.parse(new TextDecoder().decode(payload)) as QrPayload;
  } catch {
    return undefined;
  }
}

/** A new private JWK (local runtime first start, tests, and the operator's key generation script). */
export async function generateSigningJwk(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { ...(await exportJWK(privateKey)), kid };
}
