/**
 * Environment variables the handlers read. The CDK stack sets them for each
 * function; the local runtime sets them before importing the handlers.
 * Read once, fail fast: a missing variable is a deployment bug, not a 4xx.
 */
export const envNames = {
  /** Physical name of the main single table. */
  tableName: 'TABLE_NAME',
  /** Physical name of the access table (user records: roles, district). */
  accessTableName: 'ACCESS_TABLE_NAME',
  /** Physical name of the append-only audit table. */
  auditTableName: 'AUDIT_TABLE_NAME',
  /** Physical name of the Powertools idempotency table. */
  idempotencyTableName: 'IDEMPOTENCY_TABLE_NAME',
  /** S3 bucket for uploads (presigned PUT). */
  uploadBucket: 'UPLOAD_BUCKET',
  /** Secrets Manager ARN of the Ed25519 private JWK that signs session tokens (deployed; sign-in group only). */
  sessionSigningKeyArn: 'SESSION_SIGNING_KEY_ARN',
  /** That JWK itself (local runtime and tests only). */
  sessionSigningKey: 'SESSION_SIGNING_KEY',
  /** Secrets Manager ARN of the public JWK set that verifies session tokens (deployed; every group). */
  sessionVerifyKeysArn: 'SESSION_VERIFY_KEYS_ARN',
  /** That JWK set itself (local runtime and tests only). */
  sessionVerifyKeys: 'SESSION_VERIFY_KEYS',
  /** Secrets Manager ARN of the HMAC key of list cursors (deployed; groups that page). */
  cursorSecretArn: 'CURSOR_SECRET_ARN',
  cursorSecret: 'CURSOR_SECRET',
  /** Secrets Manager ARN of the HMAC key of rate-limit counters (deployed; groups that rate-limit). */
  rateLimitSecretArn: 'RATE_LIMIT_SECRET_ARN',
  rateLimitSecret: 'RATE_LIMIT_SECRET',
  /** The retired HS256 session secret: set by nothing, refused by the CDK validation. */
  legacySessionSecret: 'SESSION_SECRET',
  /** `wechat` (deployed: calls jscode2session) or `dev` (local: accepts `dev:<openid>`). */
  wechatAuthMode: 'WECHAT_AUTH_MODE',
  wechatAppId: 'WECHAT_APP_ID',
  /** Secrets Manager ARN of the WeChat app secret (deployed). */
  wechatSecretArn: 'WECHAT_SECRET_ARN',
  /** The WeChat app secret itself (local runtime only; never set when deployed). */
  wechatSecret: 'WECHAT_SECRET',
  /** KMS key that wraps the data keys of personal-data encryption (deployed). */
  piiKmsKeyId: 'PII_KMS_KEY_ID',
  /** Secrets Manager ARN of the HMAC key for personal-data look-up hashes (deployed). */
  piiLookupSecretArn: 'PII_LOOKUP_SECRET_ARN',
  /** Local master secret for personal data (local runtime and tests only). */
  piiMasterKey: 'PII_MASTER_KEY',
  /** Secrets Manager ARN of the Ed25519 private JWK that signs certificate QR payloads (deployed). */
  certSigningKeyArn: 'CERT_SIGNING_KEY_ARN',
  /** That JWK itself (local runtime and tests only). */
  certSigningKey: 'CERT_SIGNING_KEY',
  /** Local endpoints of dynalite and the S3-compatible server; unset when deployed. */
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
  s3Endpoint: 'S3_ENDPOINT',
  /** URL of the monitoring worker's SQS queue (deployed; locally an in-process queue of this name). */
  monitoringQueueUrl: 'MONITORING_QUEUE_URL',
  /** `local`, `test` or a deployed stage name such as `prod`. */
  stage: 'STAGE',
} as const;

export function getStringFromEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing environment variable ${name}`);
  }
  return value;
}

export function getOptionalStringFromEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}
