import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { pendingUploadPrefix } from '../lib/storage';
import { tableSpecs } from '../lib/table-spec';
import { buildApp, cdkJsonContext, type Resource, resourcesOfType } from './support';

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
        Projection: { ProjectionType: 'ALL' },
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
  it('blocks every kind of public access and encrypts objects', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
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

  it('allows presigned PUTs with a Content-Type from the configured web origins only', () => {
    // Prepare
    const origins = cdkJsonContext.webOrigins as string[];

    // Act
    const bucket = template.toJSON().Resources.UploadBucket as Resource;

    // Assess
    expect(bucket.Properties.CorsConfiguration).toEqual({
      CorsRules: [
        { AllowedMethods: ['PUT'], AllowedOrigins: origins, AllowedHeaders: ['Content-Type'], MaxAge: 3600 },
      ],
    });
    expect(origins).not.toContain('*');
  });

  it('cleans up abandoned uploads: incomplete multipart after 1 day, pending/ objects after 1 day', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
          Match.objectLike({ Prefix: pendingUploadPrefix, ExpirationInDays: 1, Status: 'Enabled' }),
        ]),
      },
    });
    expect(pendingUploadPrefix).toBe('pending/');
  });

  it('is retained when the stack is deleted', () => {
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('secrets', () => {
  it('generates the session signing key and retains both secrets', () => {
    const resources = template.toJSON().Resources as Record<string, Resource>;
    expect(resources.SessionSecret?.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64 });
    expect(resources.SessionSecret?.Properties.SecretString).toBeUndefined();
    expect(resources.WechatSecret?.Properties.SecretString).toBeUndefined();
    for (const id of ['SessionSecret', 'WechatSecret']) {
      expect(resources[id]?.DeletionPolicy).toBe('Retain');
    }
  });
});
