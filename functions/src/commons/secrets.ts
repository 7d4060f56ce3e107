import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { GroupAccess } from '../manifest';
import { envNames, getOptionalStringFromEnv } from './env';
import { currentGroup } from './group-scope';

/**
 * Reads a secret: deployed from Secrets Manager by ARN (cached by Powertools
 * for 5 minutes so rotation takes effect without a redeploy), locally from a
 * plain variable the local runtime sets. Only one of the two may be present.
 */
export async function readSecret(arnVar: string, localVar: string): Promise<string> {
  const arn = getOptionalStringFromEnv(arnVar);
  if (arn) {
    const value = await getSecret(arn, { maxAge: 300 });
    if (typeof value !== 'string' || value === '') throw new Error(`Secret ${arnVar} is empty`);
    return value;
  }
  const local = getOptionalStringFromEnv(localVar);
  if (local) return local;
  throw new Error(`Neither ${arnVar} nor ${localVar} is set`);
}

/**
 * Deployed, IAM gives each group only the secrets its manifest names; the local
 * runtime runs every group in one process with every variable set, so the
 * readers refuse what the current group does not declare (commons/group-scope.ts).
 */
function assertDeclared(what: string, allowed: (access: GroupAccess) => boolean): void {
  const scope = currentGroup();
  if (scope && !allowed(scope.access)) {
    throw new Error(`function group "${scope.name}" may not read the ${what} (manifest access)`);
  }
}

/** The Ed25519 private JWK that signs session tokens: the sign-in group only. */
export const readSessionSigningKey = () => {
  assertDeclared('session signing key', (access) => access.sessionSecret === 'sign');
  return readSecret(envNames.sessionSigningKeyArn, envNames.sessionSigningKey);
};
/** The public JWK set every group verifies session tokens with (not confidential; only its integrity matters). */
export const readSessionVerifyKeys = () => {
  assertDeclared('session verify keys', (access) => access.sessionSecret !== undefined);
  return readSecret(envNames.sessionVerifyKeysArn, envNames.sessionVerifyKeys);
};
/** The HMAC key of list cursors: groups that page. */
export const readCursorSecret = () => {
  assertDeclared('cursor key', (access) => access.cursorKey === true);
  return readSecret(envNames.cursorSecretArn, envNames.cursorSecret);
};
/** The HMAC key of rate-limit counters (and print-code candidates): groups that rate-limit. */
export const readRateLimitSecret = () => {
  assertDeclared('rate-limit key', (access) => access.rateLimitKey === true);
  return readSecret(envNames.rateLimitSecretArn, envNames.rateLimitSecret);
};
export const readWechatSecret = () => readSecret(envNames.wechatSecretArn, envNames.wechatSecret);
