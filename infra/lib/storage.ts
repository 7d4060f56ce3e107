import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type CfnTable, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
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

/** Presigned PUTs land here (`pending/<uploadId>`) until a domain write claims them. */
export const pendingUploadPrefix = 'pending/';

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
    });
  }
  (table.node.defaultChild as CfnTable).overrideLogicalId(spec.id);
  return table;
}

export interface StorageProps {
  /** Origins allowed to PUT to presigned URLs from a browser (the h5 build). */
  webOrigins: readonly string[];
}

/** The stateful part of the stack: the tables (from table-spec) and the upload bucket. */
export class Storage extends Construct {
  readonly mainTable: Table;
  readonly idempotencyTable: Table;
  readonly uploadBucket: Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    this.mainTable = tableFromSpec(this, mainTable);
    this.idempotencyTable = tableFromSpec(this, idempotencyTable);

    this.uploadBucket = new Bucket(this, 'UploadBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [
        {
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: [...props.webOrigins],
          allowedHeaders: ['Content-Type'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expire-abandoned-uploads', prefix: pendingUploadPrefix, expiration: Duration.days(1) },
      ],
    });
    (this.uploadBucket.node.defaultChild as CfnBucket).overrideLogicalId('UploadBucket');
  }
}
