import { type SessionUser, SessionUser as SessionUserSchema } from '@hongjia/shared';
import { errors, jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from './errors';
import { readSessionSecret } from './secrets';

/**
 * Session tokens: HS256 JWTs signed with a key held in Secrets Manager.
 * The algorithm is pinned on verify, so `alg: none` and tokens signed with any
 * other key or algorithm are rejected. Two hours at most (issue #2).
 */
const algorithm = 'HS256';
const issuer = 'hongjia';
const audience = 'hongjia-miniapp';
export const sessionTtlSeconds = 2 * 60 * 60;

let cachedKey: { secret: string; key: Uint8Array } | undefined;

async function signingKey(): Promise<Uint8Array> {
  const secret = await readSessionSecret();
  if (cachedKey?.secret !== secret) {
    if (secret.length < 32) throw new Error('Session secret must be at least 32 characters');
    cachedKey = { secret, key: new TextEncoder().encode(secret) };
  }
  return cachedKey.key;
}

export async function issueSessionToken(
  user: SessionUser,
  now: Date,
): Promise<{ token: string; expiresAt: string }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + sessionTtlSeconds;
  const token = await new SignJWT({
    roles: user.roles,
    ...(user.district ? { district: user.district } : {}),
    ...(user.cityWide ? { cityWide: true } : {}),
  })
    .setProtectedHeader({ alg: algorithm, typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(await signingKey());
  return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

/** The principal of a bearer token, or a 401 AppError. Never says why a token failed beyond expired/invalid. */
export async function verifySessionToken(token: string, now: Date): Promise<SessionUser> {
  try {
    const { payload } = await jwtVerify(token, await signingKey(), {
      algorithms: [algorithm],
      issuer,
      audience,
      currentDate: now,
      maxTokenAge: sessionTtlSeconds,
    });
    const parsed = SessionUserSchema.safeParse({
      id: payload.sub,
      roles: payload.roles,
      district: payload.district,
      cityWide: payload.cityWide,
    });
    if (!parsed.success) throw unauthenticated('登录凭证无效，请重新登录');
    return parsed.data;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthenticated('登录已过期，请重新登录');
    if (error instanceof errors.JOSEError) throw unauthenticated('登录凭证无效，请重新登录');
    throw error;
  }
}
