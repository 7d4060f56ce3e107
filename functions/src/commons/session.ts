import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { type SessionUser, SessionUser as SessionUserSchema } from '@hongjia/shared';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from 'jose';
import { unauthenticated } from './errors';
import { readSessionSigningKey, readSessionVerifyKeys } from './secrets';

/**
 * Session tokens: EdDSA (Ed25519) JWTs. Only the sign-in group holds the
 * private key; every other group verifies with the public key set, so a bug in
 * any of them cannot mint a token (decision 0017). The algorithm is pinned on
 * verify: `alg: none`, HS256 tokens of the old shared secret and tokens signed
 * by any other key are refused. Two hours at most (issue #2). Each token
 * carries the user's session version (`sv`); the router compares it with the
 * stored user, so logout and deactivation end every session at once.
 *
 * Signing and key generation use jose (the sign-in group, the key script); verifying is a page of
 * node:crypto below, with jose's checks for these tokens, so the groups that only verify do not
 * bundle jose's ≈ 16 KiB (decision 0026). functions/test/session.test.ts holds both to each other.
 */
const algorithm = 'EdDSA';
const issuer = 'hongjia';
const audience = 'hongjia-miniapp';
export const sessionTtlSeconds = 2 * 60 * 60;

export interface VerifiedSession {
  user: SessionUser;
  /** The stored user's session version when the token was issued (0 before any logout). */
  sessionVersion: number;
}

type KeyLike = Awaited<ReturnType<typeof importJWK>>;
let signing: { text: string; kid: string; key: KeyLike } | undefined;
let verifying: { text: string; keys: Map<string, KeyObject> } | undefined;

function isEd25519(jwk: JWK): boolean {
  return (
    jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string' && typeof jwk.kid === 'string'
  );
}

async function signingKey(): Promise<{ kid: string; key: KeyLike }> {
  const text = await readSessionSigningKey();
  if (signing?.text !== text) {
    const jwk = JSON.parse(text) as JWK;
    if (!isEd25519(jwk) || !jwk.d)
      throw new Error('The session signing key must be an Ed25519 private JWK with a kid');
    signing = { text, kid: jwk.kid as string, key: await importJWK(jwk, algorithm) };
  }
  return signing;
}

async function verifyKeys(): Promise<Map<string, KeyObject>> {
  const text = await readSessionVerifyKeys();
  if (verifying?.text !== text) {
    const set = JSON.parse(text) as JSONWebKeySet;
    // Public halves only: a set that carries a private part is a deployment mistake, not a key.
    if (!Array.isArray(set.keys) || set.keys.length === 0 || !set.keys.every((k) => isEd25519(k) && !k.d)) {
      throw new Error('The session verify keys must be a JWK set of Ed25519 public keys with kids');
    }
    const keys = new Map(
      set.keys.map((k) => [
        k.kid as string,
        createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: k.x as string }, format: 'jwk' }),
      ]),
    );
    verifying = { text, keys };
  }
  return verifying.keys;
}

/** A JOSE part (base64url JSON object), or undefined when it is not one. */
function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export async function issueSessionToken(
  user: SessionUser,
  now: Date,
  sessionVersion = 0,
): Promise<{ token: string; expiresAt: string }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + sessionTtlSeconds;
  const { kid, key } = await signingKey();
  const token = await new SignJWT({
    roles: user.roles,
    ...(user.district ? { district: user.district } : {}),
    ...(user.cityWide ? { cityWide: true } : {}),
    sv: sessionVersion,
  })
    .setProtectedHeader({ alg: algorithm, kid, typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(key);
  return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

/**
 * The principal of a bearer token, or a 401 AppError. Never says why a token failed beyond
 * expired/invalid. The claims are a hint: the router replaces them with the stored user.
 */
export async function verifySessionToken(token: string, now: Date): Promise<VerifiedSession> {
  const invalid = () => unauthenticated('登录凭证无效，请重新登录');
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) throw invalid();
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodePart(headerPart);
  // The algorithm is pinned: `none`, HS256 and any other algorithm are refused; no extensions (crit).
  if (header?.alg !== algorithm || typeof header.kid !== 'string' || 'crit' in header || 'b64' in header)
    throw invalid();
  const key = (await verifyKeys()).get(header.kid);
  if (!key) throw invalid();
  let valid = false;
  try {
    valid = verify(
      null,
      Buffer.from(`${headerPart}.${payloadPart}`),
      key,
      Buffer.from(signaturePart, 'base64url'),
    );
  } catch {
    valid = false;
  }
  if (!valid) throw invalid();
  const payload = decodePart(payloadPart);
  if (!payload) throw invalid();
  const { iss, aud, exp, iat, nbf, sv } = payload;
  const at = Math.floor(now.getTime() / 1000);
  if (iss !== issuer || !(aud === audience || (Array.isArray(aud) && aud.includes(audience))))
    throw invalid();
  if (typeof exp !== 'number' || typeof iat !== 'number' || iat > at) throw invalid();
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > at)) throw invalid();
  if (exp <= at || at - iat > sessionTtlSeconds) throw unauthenticated('登录已过期，请重新登录');
  // The claims are a hint: the router replaces them with the stored user.
  const parsed = SessionUserSchema.safeParse({
    id: payload.sub,
    roles: payload.roles,
    district: payload.district,
    cityWide: payload.cityWide,
  });
  if (!parsed.success || typeof sv !== 'number' || !Number.isSafeInteger(sv) || sv < 0) throw invalid();
  return { user: parsed.data, sessionVersion: sv };
}

/** A new session key pair: the private JWK (auth group only) and the public set every group verifies with. */
export async function generateSessionKeyPair(
  kid: string,
): Promise<{ privateJwk: JWK; publicJwks: JSONWebKeySet }> {
  const { privateKey, publicKey } = await generateKeyPair(algorithm, { crv: 'Ed25519', extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: algorithm };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: algorithm, use: 'sig' };
  return { privateJwk, publicJwks: { keys: [publicJwk] } };
}
