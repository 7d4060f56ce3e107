import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { GroupAccess } from '../manifest';
import { envNames, getOptionalStringFromEnv } from './env';
import { currentGroup } from './group-scope';

/** How long a secret read from Secrets Manager is kept: rotation takes effect without a redeploy. */
const secretMaxAgeMs = 300_000;
const cached = new Map<string, { value: Promise<string>; until: number }>();
let secretsClient: SecretsManagerClient | undefined;

/**
 * One secret by ARN from Secrets Manager. The SDK module and its client come at the first read,
 * not at import (decision 0026: this was Powertools' getSecret, whose static import of the
 * Secrets Manager client cost every cold start its load); a failed read is not kept.
 */
function secretByArn(arn: string, arnVar: string): Promise<string> {
  const hit = cached.get(arn);
  if (hit && hit.until > Date.now()) return hit.value;
  const value = (async () => {
    const sdk = await import('@aws-sdk/client-secrets-manager');
    secretsClient ??= new sdk.SecretsManagerClient({});
    const answer = await secretsClient.send(new sdk.GetSecretValueCommand({ SecretId: arn }));
    const secret = answer.SecretString;
    if (typeof secret !== 'string' || secret === '') throw new Error(`Secret ${arnVar} is empty`);
    return secret;
  })();
  cached.set(arn, { value, until: Date.now() + secretMaxAgeMs });
  value.catch(() => cached.delete(arn));
  return value;
}

/**
 * Reads a secret: deployed from Secrets Manager by ARN (kept for 5 minutes so
 * rotation takes effect without a redeploy), locally from a plain variable the
 * local runtime sets. Only one of the two may be present.
 */
export async function readSecret(arnVar: string, localVar: string): Promise<string> {
  const arn = getOptionalStringFromEnv(arnVar);
  if (arn) return secretByArn(arn, arnVar);
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
