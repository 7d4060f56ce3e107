import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { envNames, getOptionalStringFromEnv } from './env';

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

export const readSessionSecret = () => readSecret(envNames.sessionSecretArn, envNames.sessionSecret);
export const readWechatSecret = () => readSecret(envNames.wechatSecretArn, envNames.wechatSecret);
