import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TableGrant } from '@hongjia/functions/access-grants';
import { envNames } from '@hongjia/functions/commons/env';
import {
  encryptionContextFamilyKey,
  encryptionContextPurpose,
  type PiiFamily,
} from '@hongjia/functions/commons/pii/families';
import type { FunctionGroup } from '@hongjia/functions/manifest';
import { type CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  ApplicationLogLevel,
  Architecture,
  type CfnFunction,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag';
import type { TableSpec } from './table-spec';

/** Why a group confined to a bucket prefix is granted every object under it (cdk-nag IAM5). */
const prefixReasons: Record<string, string> = {
  'imports/':
    'Import files are named by unguessable upload ids under imports/; the grant names exactly that prefix and GetObject/GetObjectVersion (decision 0020).',
  'reports/':
    'Cached reports are named by district, year and data version under reports/; the grant names exactly that prefix and GetObject/GetObjectVersion/PutObject (decision 0021).',
};

/** The monorepo root (bundling runs from here, with the root lock file). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The functions workspace; manifest entries are relative to it. */
export const functionsDir = resolve(repoRoot, 'functions');

/** The only sign-in mode a deployed function can have. `dev` exists for the local runtime only. */
export const deployedWechatAuthMode = 'wechat';

/** Variables of the local runtime that must never reach a deployed function. */
export const localOnlyEnvNames: readonly string[] = [
  envNames.sessionSigningKey,
  envNames.sessionVerifyKeys,
  envNames.cursorSecret,
  envNames.rateLimitSecret,
  envNames.legacySessionSecret,
  envNames.dynamodbEndpoint,
  envNames.s3Endpoint,
  envNames.wechatSecret,
  envNames.piiMasterKey,
  envNames.certSigningKey,
];

export type AccessMode = 'RO' | 'RW';

/**
 * How every function is bundled (esbuild through NodejsFunction). The bundles bench
 * (scripts/bench.ts) rebuilds each group with exactly these options to read esbuild's metafile
 * and checks its output is byte for byte the asset in infra/cdk.out. The AWS SDK v3 stays
 * external: the Node.js 22 runtime ships it, and bundling it would add ≈ 200–400 KiB per
 * group against the 300 KiB budget (decision 0026 has the numbers).
 */
export const functionBundling = {
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  format: OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);",
  externalModules: ['@aws-sdk/*'],
} as const;

export interface HongjiaFunctionProps {
  group: FunctionGroup;
  stage: string;
  wechatAppId: string;
  /** Directory the manifest's `entry` is resolved against (default: functions/). */
  functionsDir?: string;
  /**
   * CloudWatch Logs retention. China's Cybersecurity Law (art. 21) asks for network
   * logs to be kept at least six months; logs carry no personal data.
   */
  logRetention?: RetentionDays;
}

/**
 * One Lambda function of a capability group, configured the same way for every
 * group: Node.js 22 on arm64, bundled by the local esbuild (ESM, minified,
 * source maps, AWS SDK v3 from the runtime), JSON logs into a retained log
 * group, active tracing, Powertools service name = group name. Permissions
 * start empty; `bindTable`/`bindBucket`/`bindPiiKey`/`bindSecret` grant
 * exactly what the manifest's `access` names and set the matching environment
 * variable (decision 0016).
 *
 * A validation refuses to synthesize a function that carries a local-only
 * variable (SESSION_SIGNING_KEY, WECHAT_SECRET, DYNAMODB_ENDPOINT, S3_ENDPOINT, …) or a sign-in mode
 * other than `wechat`: a deployed stack never accepts dev codes.
 */
export class HongjiaFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly group: FunctionGroup;

  constructor(scope: Construct, id: string, props: HongjiaFunctionProps) {
    super(scope, id);
    this.group = props.group;
    const entry = resolve(props.functionsDir ?? functionsDir, props.group.entry);
    if (!existsSync(entry)) {
      throw new Error(`function group "${props.group.name}": entry file ${entry} does not exist`);
    }

    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // A role of its own instead of AWSLambdaBasicExecutionRole (logs on `*`):
    // it may write to this function's log group and nothing else until bound.
    const role = new Role(this, 'ServiceRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Hongjia ${props.stage}: ${props.group.name} function (decision 0016)`,
    });
    logGroup.grantWrite(role);

    this.fn = new NodejsFunction(this, 'Function', {
      role,
      description: `Hongjia ${props.stage}: ${props.group.name} (${props.group.routes.length} routes)`,
      entry,
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: resolve(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.group.memoryMb ?? 512,
      timeout: Duration.seconds(props.group.timeoutSeconds ?? 10),
      tracing: Tracing.ACTIVE,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      bundling: {
        ...functionBundling,
        mainFields: [...functionBundling.mainFields],
        externalModules: [...functionBundling.externalModules],
        forceDockerBundling: false,
        // Files the code reads beside its handler at run time (the reports group's font).
        ...(props.group.bundleAssets?.length
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) =>
                  (props.group.bundleAssets ?? []).map(
                    (asset) => `cp "${inputDir}/${asset.from}" "${outputDir}/${basename(asset.from)}"`,
                  ),
              },
            }
          : {}),
      },
      environment: {
        [envNames.stage]: props.stage,
        [envNames.wechatAuthMode]: deployedWechatAuthMode,
        [envNames.wechatAppId]: props.wechatAppId,
        POWERTOOLS_SERVICE_NAME: props.group.name,
        NODE_OPTIONS: '--enable-source-maps',
      },
    });

    this.node.addValidation({ validate: () => this.validateEnvironment() });

    acknowledgeNag(
      this,
      'AwsSolutions-IAM5[Resource::*]',
      'Active tracing grants xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permission. Every other statement names its table, key or secret; infra/test/functions.test.ts fails on any other "*".',
    );
    acknowledgeNag(
      this.fn,
      'AwsSolutions-L1',
      'Runtime pinned to nodejs22.x (decision 0003, docs TOOLCHAIN): the handlers, Powertools and the bundle target are tested on Node 22; moving to a newer runtime is a deliberate change with its tests, not a drift.',
    );
  }

  /**
   * One table's grant from the manifest (functions/src/access-grants.ts):
   * exactly its DynamoDB actions on the table, and Query alone on its indexes
   * where the group queries them. Never Scan, never `dynamodb:*`.
   */
  bindTable(table: ITable, spec: TableSpec, grant: TableGrant): void {
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: grant.actions.map((action) => `dynamodb:${action}`),
        resources: [table.tableArn],
      }),
    );
    if (grant.indexQuery && spec.globalIndexes.length > 0) {
      // Each index by name (from the table spec), not `index/*`.
      this.fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:Query'],
          resources: spec.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
        }),
      );
    }
    this.fn.addEnvironment(spec.envVar, table.tableName);
  }

  /**
   * RO: read objects (and exact versions of them). RW: also PUT (sign presigned PUT URLs, copy
   * claimed uploads). Listing lets a missing key answer 404 instead of 403. Written out rather
   * than `grantRead`/`grantPut`, which would add tagging, legal holds, aborts and every KMS
   * action: with SSE-KMS, S3 needs only a data key to write and a decrypt to read, and only
   * through the bucket's own key.
   */
  bindBucket(bucket: IBucket, envVar: string, accessMode: AccessMode, prefix = ''): void {
    const write = accessMode === 'RW';
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion', ...(write ? ['s3:PutObject'] : [])],
        resources: [bucket.arnForObjects(`${prefix}*`)],
      }),
    );
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        // A group confined to a prefix may not even list the names outside it.
        ...(prefix ? { conditions: { StringLike: { 's3:prefix': [`${prefix}*`] } } } : {}),
      }),
    );
    bucket.encryptionKey?.grant(this.fn, 'kms:Decrypt', ...(write ? ['kms:GenerateDataKey'] : []));
    this.fn.addEnvironment(envVar, bucket.bucketName);
    acknowledgeNag(
      this,
      `AwsSolutions-IAM5[Resource::<${logicalIdOf(bucket)}.Arn>/${prefix}*]`,
      prefix
        ? (prefixReasons[prefix] ?? `Objects under ${prefix} only; the grant names exactly that prefix.`)
        : 'Objects are named by unguessable upload ids under pending/ and attachments/<registrationId>/, so the grant names the bucket objects by wildcard; the actions are exactly GetObject, GetObjectVersion and (RW) PutObject (decision 0012).',
    );
  }

  /**
   * Envelope encryption of personal data: data keys from `key`, but only under
   * the encryption contexts of the field families the group seals or opens
   * (`kms:EncryptionContext:family`, commons/pii/families.ts); a request for
   * any other family, or without one, is denied by IAM.
   */
  bindPiiKey(key: IKey, families: readonly PiiFamily[]): void {
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [key.keyArn],
        conditions: {
          StringEquals: {
            'kms:EncryptionContext:purpose': encryptionContextPurpose,
            [`kms:EncryptionContext:${encryptionContextFamilyKey}`]: [...families],
          },
        },
      }),
    );
    this.fn.addEnvironment(envNames.piiKmsKeyId, key.keyArn);
  }

  /** Read access to one secret; the function gets its ARN, never its value. */
  bindSecret(secret: ISecret, envVar: string): void {
    secret.grantRead(this.fn);
    this.fn.addEnvironment(envVar, secret.secretArn);
  }

  private validateEnvironment(): string[] {
    const cfn = this.fn.node.defaultChild as CfnFunction;
    const resolved = Stack.of(this).resolve(cfn.environment) as
      | { variables?: Record<string, unknown> }
      | undefined;
    const variables = resolved?.variables ?? {};
    const errors = localOnlyEnvNames
      .filter((name) => name in variables)
      .map((name) => `${name} is a local-runtime variable and must not be set on a deployed function`);
    if (variables[envNames.wechatAuthMode] !== deployedWechatAuthMode) {
      errors.push(`${envNames.wechatAuthMode} must be '${deployedWechatAuthMode}' on a deployed function`);
    }
    return errors;
  }
}

/** The logical id of a bucket built here (nag names resources by it, e.g. `<UploadBucket.Arn>/*`). */
function logicalIdOf(bucket: IBucket): string {
  return Stack.of(bucket).resolve((bucket.node.defaultChild as CfnElement).logicalId) as string;
}
