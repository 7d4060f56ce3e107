import { uploadKeyPrefixes } from '@hongjia/functions/uploads/keys';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  type CfnTable,
  ProjectionType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { type CfnKey, Key } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { idempotencyTable, mainTable, type TableSpec } from './table-spec';

/**
 * Builds a DynamoDB table from its plain-data spec (the single source of truth
 * shared with the local runtime). Every table is on demand, encrypted, has
 * point-in-time recovery and deletion protection and is retained when the
 * stack goes away. The logical id is pinned to `spec.id` so that refactoring
 * the construct tree can never replace (and orphan) a table.
 */
export function tableFromSpec(scope: Construct, spec: TableSpec): Table {
  const attribute = (name: string) => ({ name, type: AttributeType.STRING });
  const table = new Table(scope, spec.id, {
    partitionKey: attribute(spec.key.partitionKey),
    ...(spec.key.sortKey ? { sortKey: attribute(spec.key.sortKey) } : {}),
    billingMode: BillingMode.PAY_PER_REQUEST,
    encryption: TableEncryption.AWS_MANAGED,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    ...(spec.timeToLiveAttribute ? { timeToLiveAttribute: spec.timeToLiveAttribute } : {}),
  });
  for (const index of spec.globalIndexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: attribute(index.partitionKey),
      ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
      ...(index.include
        ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.include] }
        : {}),
    });
  }
  (table.node.defaultChild as CfnTable).overrideLogicalId(spec.id);
  return table;
}

export interface StorageProps {
  /** Origins allowed to PUT to presigned URLs from a browser (the h5 build). */
  webOrigins: readonly string[];
}

/** The stateful part of the stack: the tables (from table-spec), the upload bucket and its key. */
export class Storage extends Construct {
  readonly mainTable: Table;
  readonly idempotencyTable: Table;
  readonly uploadKey: Key;
  readonly uploadBucket: Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    this.mainTable = tableFromSpec(this, mainTable);
    this.idempotencyTable = tableFromSpec(this, idempotencyTable);

    // Families' documents (marriage certificates, household registers): a key of our own, so
    // only the roles the bucket grants can decrypt them (bindBucket grants it with the bucket).
    this.uploadKey = new Key(this, 'UploadKey', {
      description: 'Hongjia: encrypts the upload bucket (attachments of families’ applications)',
      enableKeyRotation: true,
      rotationPeriod: Duration.days(365),
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    (this.uploadKey.node.defaultChild as CfnKey).overrideLogicalId('UploadKey');

    // Layout (functions/src/uploads/keys.ts): presigned PUTs write pending/<uploadId>; a claim
    // copies the checked bytes to attachments/<registrationId>/<uploadId>, which nothing expires.
    // Versioning keeps what was overwritten or deleted; only pending/ versions are ever removed.
    this.uploadBucket = new Bucket(this, 'UploadBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.uploadKey,
      bucketKeyEnabled: true,
      versioned: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [
        {
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: [...props.webOrigins],
          // The presigned PUT signs these; the browser sets Content-Length itself.
          allowedHeaders: ['Content-Type', 'x-amz-checksum-sha256'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          // Never claimed within a day: gone (a claimed one was copied to attachments/ first).
          // Versions replaced by a PUT after the claim, or by the expiry, stay a week for a dispute.
          id: 'expire-unclaimed-uploads',
          prefix: uploadKeyPrefixes.pending,
          expiration: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(7),
        },
        {
          // Monitoring import files (decision 0020): the records they held are in the table; the
          // file is kept a month for a sender's questions, then goes.
          id: 'expire-import-files',
          prefix: uploadKeyPrefixes.imports,
          expiration: Duration.days(30),
          noncurrentVersionExpiration: Duration.days(7),
        },
        {
          // Cached situation reports (decision 0021): keyed by data version, redrawn on a miss.
          id: 'expire-cached-reports',
          prefix: uploadKeyPrefixes.reports,
          expiration: Duration.days(30),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
    });
    (this.uploadBucket.node.defaultChild as CfnBucket).overrideLogicalId('UploadBucket');
  }
}
