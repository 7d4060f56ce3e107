import { SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../src/commons/errors';
import { issueSessionToken, sessionTtlSeconds, verifySessionToken } from '../src/commons/session';

const secret = 'test-session-secret-that-is-long-enough-0123456789';
const user = { id: 'u_1', roles: ['staff' as const], district: '360102' as const };
const now = new Date('2026-11-29T08:00:00Z');

async function expect401(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAppError(error) && error.status).toBe(401);
}

describe('session tokens', () => {
  beforeAll(() => {
    process.env.SESSION_SECRET = secret;
  });

  it('round-trips the user, roles and district', async () => {
    const { token, expiresAt } = await issueSessionToken(user, now);
    expect(await verifySessionToken(token, now)).toEqual(user);
    expect(new Date(expiresAt).getTime() - now.getTime()).toBe(sessionTtlSeconds * 1000);
  });

  it('expires after at most two hours', async () => {
    const { token } = await issueSessionToken(user, now);
    expect(sessionTtlSeconds).toBeLessThanOrEqual(7200);
    await expect401(verifySessionToken(token, new Date(now.getTime() + sessionTtlSeconds * 1000 + 1000)));
  });

  it('rejects alg none', async () => {
    const unsecured = new UnsecuredJWT({ roles: ['admin'] })
      .setSubject('u_1')
      .setIssuer('hongjia')
      .setAudience('hongjia-miniapp')
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime('1h')
      .encode();
    await expect401(verifySessionToken(unsecured, now));
  });

  it('rejects a token signed with a foreign key', async () => {
    const forged = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u_1')
      .setIssuer('hongjia')
      .setAudience('hongjia-miniapp')
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-key-another-key-another-key-0000'));
    await expect401(verifySessionToken(forged, now));
  });

  it('rejects our own key under another algorithm', async () => {
    const otherAlg = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('u_1')
      .setIssuer('hongjia')
      .setAudience('hongjia-miniapp')
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    await expect401(verifySessionToken(otherAlg, now));
  });

  it('rejects a token whose payload was edited', async () => {
    const { token } = await issueSessionToken(user, now);
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'u_1', roles: ['admin'], iss: 'hongjia', aud: 'hongjia-miniapp' }),
    ).toString('base64url');
    await expect401(verifySessionToken(`${header}.${payload}.${signature}`, now));
  });
});
