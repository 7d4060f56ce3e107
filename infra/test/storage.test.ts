import { functionGroups } from '@hongjia/functions/manifest';
import { pendingKeyOf, permanentKeyOf, uploadKeyPrefixes } from '@hongjia/functions/uploads/keys';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { tableSpecs } from '../lib/table-spec';
import {
  actionsOf,
  buildApp,
  cdkJsonContext,
  mentions,
  type Resource,
  resourcesOfType,
  roleStatements,
} from './support';

// Prepare (shared): the production stack, synthesized once without bundling.
const { cn } = buildApp();
const template = Template.fromStack(cn);

describe('tables', () => {
  it('creates exactly one DynamoDB table per table spec, under the spec id as logical id', () => {
    // Act
    const tables = resourcesOfType(template, 'AWS::DynamoDB::Table');

    // Assess
    expect(Object.keys(tables).sort()).toEqual(tableSpecs.map((spec) => spec.id).sort());
  });

  it.each(tableSpecs)('builds the $id table with the keys, indexes and TTL of its spec', (spec) => {
    // Act
    const table = template.toJSON().Resources[spec.id] as Resource;

    // Assess
    const keySchema = [
      { AttributeName: spec.key.partitionKey, KeyType: 'HASH' },
      ...(spec.key.sortKey ? [{ AttributeName: spec.key.sortKey, KeyType: 'RANGE' }] : []),
    ];
    expect(table.Properties.KeySchema).toEqual(keySchema);
    const indexes = (table.Properties.GlobalSecondaryIndexes ?? []) as {
      IndexName: string;
      KeySchema: unknown;
      Projection: unknown;
    }[];
    expect(indexes).toEqual(
      spec.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          ...(index.sortKey ? [{ AttributeName: index.sortKey, KeyType: 'RANGE' }] : []),
        ],
        Projection: index.include
          ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.include] }
          : { ProjectionType: 'ALL' },
      })),
    );
    expect(table.Properties.TimeToLiveSpecification).toEqual(
      spec.timeToLiveAttribute ? { AttributeName: spec.timeToLiveAttribute, Enabled: true } : undefined,
    );
  });

  it.each(tableSpecs)(
    'makes the $id table durable: on demand, PITR, deletion protection, SSE, RETAIN',
    (spec) => {
      // Act
      const table = template.toJSON().Resources[spec.id] as Resource;

      // Assess
      expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
      expect(table.Properties.SSESpecification).toMatchObject({ SSEEnabled: true });
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
    },
  );
});

describe('upload bucket', () => {
  const bucket = () => template.toJSON().Resources.UploadBucket as Resource;

  interface LifecycleRule {
    Id?: string;
    Status: string;
    Prefix?: string;
    ExpirationInDays?: number;
    ExpirationDate?: string;
    NoncurrentVersionExpiration?: { NoncurrentDays: number };
    AbortIncompleteMultipartUpload?: { DaysAfterInitiation: number };
  }
  const rules = () =>
    (bucket().Properties.LifecycleConfiguration as { Rules: LifecycleRule[] }).Rules.filter(
      (rule) => rule.Status === 'Enabled',
    );
  /** The enabled rules S3 applies to an object key (prefix filters only: that is all we use). */
  const rulesFor = (key: string) => rules().filter((rule) => key.startsWith(rule.Prefix ?? ''));

  it('blocks every kind of public access', () => {
    expect(bucket().Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  it('encrypts with a KMS key of the stack that rotates and is retained', () => {
    expect(bucket().Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          ServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: { 'Fn::GetAtt': ['UploadKey', 'Arn'] },
          },
          BucketKeyEnabled: true,
        },
      ],
    });
    const key = template.toJSON().Resources.UploadKey as Resource;
    expect(key.Type).toBe('AWS::KMS::Key');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
  });

  it('keeps every version of an object', () => {
    expect(bucket().Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });

  it('denies requests that do not use TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: 'UploadBucket' },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('allows presigned PUTs with the signed Content-Type and checksum from the configured web origins only', () => {
    // Prepare
    const origins = cdkJsonContext.webOrigins as string[];

    // Assess
    expect(bucket().Properties.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedMethods: ['PUT'],
          AllowedOrigins: origins,
          AllowedHeaders: ['Content-Type', 'x-amz-checksum-sha256'],
          MaxAge: 3600,
        },
      ],
    });
    expect(origins).not.toContain('*');
  });

  it('expires never-claimed uploads after a day, their replaced versions a week later', () => {
    const pending = rulesFor(pendingKeyOf('upl_0123456789abcdef0123'));
    expect(pending.map((rule) => rule.ExpirationInDays).filter(Boolean)).toEqual([1]);
    expect(pending.map((rule) => rule.NoncurrentVersionExpiration?.NoncurrentDays).filter(Boolean)).toEqual([
      7,
    ]);
    expect(uploadKeyPrefixes.pending).toBe('pending/');
  });

  it('never expires a claimed attachment, nor any version of it', () => {
    const key = permanentKeyOf('reg_0123456789abcdef0123', 'upl_0123456789abcdef0123');
    expect(key.startsWith(uploadKeyPrefixes.attachments)).toBe(true);
    for (const rule of rulesFor(key)) {
      expect(rule, rule.Id).not.toHaveProperty('ExpirationInDays');
      expect(rule, rule.Id).not.toHaveProperty('ExpirationDate');
      expect(rule, rule.Id).not.toHaveProperty('NoncurrentVersionExpiration');
    }
    // Only prefix-scoped rules expire anything: a bucket-wide expiry would reach attachments/ too.
    for (const rule of rules()) {
      if (rule.ExpirationInDays || rule.NoncurrentVersionExpiration) {
        expect(
          [uploadKeyPrefixes.pending, uploadKeyPrefixes.imports, uploadKeyPrefixes.reports],
          rule.Id,
        ).toContain(rule.Prefix);
      }
    }
  });

  it('expires monitoring import files after a month (their records are in the table)', () => {
    expect(rulesFor(`${uploadKeyPrefixes.imports}upl_0123456789abcdef0123`)).toContainEqual(
      expect.objectContaining({ ExpirationInDays: 30, Prefix: uploadKeyPrefixes.imports }),
    );
  });

  it('expires cached reports after a month (decision 0021: redrawn on a miss)', () => {
    expect(rulesFor(`${uploadKeyPrefixes.reports}360102/2025/0123abcd.pdf`)).toContainEqual(
      expect.objectContaining({ ExpirationInDays: 30, Prefix: uploadKeyPrefixes.reports }),
    );
  });

  it('cleans up incomplete multipart uploads after a day', () => {
    expect(rules()).toContainEqual(
      expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
    );
  });

  it('is retained when the stack is deleted', () => {
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('upload bucket access', () => {
  const bucketGroups = functionGroups.filter((group) => group.access.uploadBucket);

  it('lets the registration group read, write and copy objects, and use the bucket key for that only', () => {
    // Act
    const statements = roleStatements(template, 'registration');
    const onKey = statements.filter((statement) => mentions(statement, 'UploadKey'));
    const onBucket = statements.filter((statement) => mentions(statement, 'UploadBucket'));

    // Assess
    expect(bucketGroups.map((group) => group.name)).toContain('registration');
    // SSE-KMS: S3 asks for a data key to write (presigned PUT, copy) and a decrypt to read (GET, copy).
    // (CDK merges these with the same grant on the personal-data key into one statement.)
    expect([...new Set(actionsOf(onKey))].sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(actionsOf(onBucket).sort()).toEqual([
      's3:GetObject',
      's3:GetObjectVersion',
      's3:ListBucket',
      's3:PutObject',
    ]);
  });

  it('lets the monitoring worker read import files and nothing else of the bucket', () => {
    const onBucket = roleStatements(template, 'monitoringWorker').filter((statement) =>
      mentions(statement, 'UploadBucket'),
    );
    expect(actionsOf(onBucket).sort()).toEqual(['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket']);
    expect(JSON.stringify(onBucket)).toContain('/imports/*');
    expect(JSON.stringify(onBucket)).toContain('"s3:prefix":["imports/*"]');
  });

  it('gives no group without bucket access the bucket key', () => {
    for (const group of functionGroups.filter((g) => !g.access.uploadBucket)) {
      const statements = roleStatements(template, group.name);
      expect(
        statements.some((statement) => mentions(statement, 'UploadKey')),
        group.name,
      ).toBe(false);
    }
  });
});

describe('secrets', () => {
  it('generates the HMAC keys, leaves the Ed25519 session pair to the operator, and retains every secret', () => {
    const resources = template.toJSON().Resources as Record<string, Resource>;
    for (const id of ['CursorSecret', 'RateLimitSecret']) {
      expect(resources[id]?.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64 });
    }
    // No value in the template: a key written there would sit in every deployment artefact.
    for (const id of [
      'SessionSigningKey',
      'SessionVerifyKeys',
      'CursorSecret',
      'RateLimitSecret',
      'WechatSecret',
    ]) {
      expect(resources[id]?.Properties.SecretString, id).toBeUndefined();
      expect(resources[id]?.DeletionPolicy, id).toBe('Retain');
    }
    expect(resources.SessionSecret).toBeUndefined();
  });
});
