import { type TableRole, tableGrantsOf } from '@hongjia/functions/access-grants';
import { envNames } from '@hongjia/functions/commons/env';
import { type FunctionGroup, functionGroups } from '@hongjia/functions/manifest';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { AccessAuditTables } from './access-audit-tables';
import { Alarms } from './alarms';
import { HongjiaApi } from './api';
import { AuthSecrets } from './auth-secrets';
import type { HongjiaConfig } from './config';
import { HongjiaFunction } from './hongjia-function';
import { acknowledgeNag } from './nag';
import { PiiKeys } from './pii-keys';
import { Schedules } from './schedules';
import { Storage } from './storage';
import { accessTable, auditTable, idempotencyTable, mainTable, type TableSpec } from './table-spec';
import { WebHosting } from './web-hosting';
import { WorkerQueues } from './worker-queues';

export interface HongjiaStackProps extends StackProps {
  config: HongjiaConfig;
  /** The capability groups to deploy (default: the functions manifest). */
  functionGroups?: readonly FunctionGroup[];
  /** Directory the groups' entries are resolved against (default: functions/). */
  functionsDir?: string;
  /**
   * The production h5 build to host (bin/app.ts: miniapp/dist/h5). Required unless the config
   * turns web hosting off (`-c webHosting=false`).
   */
  h5Directory?: string;
}

/**
 * The whole backend of one deployment: storage and secrets, one function per
 * capability group with exactly the access its manifest entry names, the HTTP
 * API with the manifest's routes, and alarms. Partition-aware: nothing here
 * spells an ARN; grants, `Stack.partition` and tokens build them.
 */
export class HongjiaStack extends Stack {
  readonly storage: Storage;
  readonly accessAuditTables: AccessAuditTables;
  readonly secrets: AuthSecrets;
  readonly piiKeys: PiiKeys;
  readonly functions: readonly HongjiaFunction[];
  readonly api: HongjiaApi;
  readonly webHosting?: WebHosting;

  constructor(scope: Construct, id: string, props: HongjiaStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.storage = new Storage(this, 'Storage', { webOrigins: config.webOrigins });
    this.accessAuditTables = new AccessAuditTables(this, 'AccessAudit');
    const tables: Record<TableRole, { table: Table; spec: TableSpec }> = {
      main: { table: this.storage.mainTable, spec: mainTable },
      idempotency: { table: this.storage.idempotencyTable, spec: idempotencyTable },
      access: { table: this.accessAuditTables.accessTable, spec: accessTable },
      audit: { table: this.accessAuditTables.auditTable, spec: auditTable },
    };
    acknowledgeNag(
      this.storage.uploadBucket,
      'AwsSolutions-S1',
      'No S3 server access logs yet: every object is written through a presigned PUT the registration function signs for its owner, and staff reads of attachments are written to the audit table by the app. An access-log bucket (and its retention) belongs with the issue-9 bucket work in storage.ts.',
    );
    this.secrets = new AuthSecrets(this, 'AuthSecrets', { stage: config.stage });
    this.piiKeys = new PiiKeys(this, 'PiiKeys', { stage: config.stage });

    this.functions = (props.functionGroups ?? functionGroups).map((group) => {
      const fn = new HongjiaFunction(this, group.name, {
        group,
        stage: config.stage,
        wechatAppId: config.wechatAppId,
        ...(props.functionsDir ? { functionsDir: props.functionsDir } : {}),
      });
      const { access } = group;
      for (const grant of tableGrantsOf(access)) {
        fn.bindTable(tables[grant.table].table, tables[grant.table].spec, grant);
      }
      if (access.uploadBucket) {
        fn.bindBucket(
          this.storage.uploadBucket,
          envNames.uploadBucket,
          access.uploadBucket,
          access.uploadPrefix,
        );
      }
      // Every group with signed-in routes verifies with the public keys; only `sign` gets the private one.
      if (access.sessionSecret) fn.bindSecret(this.secrets.sessionVerifyKeys, envNames.sessionVerifyKeysArn);
      if (access.sessionSecret === 'sign') {
        fn.bindSecret(this.secrets.sessionSigningKey, envNames.sessionSigningKeyArn);
      }
      if (access.cursorKey) fn.bindSecret(this.secrets.cursorSecret, envNames.cursorSecretArn);
      if (access.rateLimitKey) fn.bindSecret(this.secrets.rateLimitSecret, envNames.rateLimitSecretArn);
      if (access.wechatSecret) fn.bindSecret(this.secrets.wechatSecret, envNames.wechatSecretArn);
      if (access.wechatSecret === 'push') {
        for (const [name, id] of Object.entries(config.wechatTemplates)) fn.fn.addEnvironment(name, id);
      }
      if (access.pii?.length) fn.bindPiiKey(this.piiKeys.dataKey, access.pii);
      if (access.piiLookup) fn.bindSecret(this.piiKeys.lookupSecret, envNames.piiLookupSecretArn);
      if (access.certSigningKey) fn.bindSecret(this.secrets.certSigningKey, envNames.certSigningKeyArn);
      return fn;
    });

    this.api = new HongjiaApi(this, 'Api', {
      stage: config.stage,
      webOrigins: config.webOrigins,
      throttle: config.throttle,
      routeThrottles: config.routeThrottles,
      functions: this.functions,
    });

    if (config.webHosting) {
      if (!props.h5Directory) {
        throw new Error('web hosting needs the h5 build directory (h5Directory), or -c webHosting=false');
      }
      // The app calls the API and PUTs to the upload bucket's presigned URLs (and shows their GETs).
      // The API's CORS cannot name this distribution's domain in return (the two would depend on each
      // other): webOrigins lists it, decision 0041.
      const uploads = `https://${this.storage.uploadBucket.bucketRegionalDomainName}`;
      this.webHosting = new WebHosting(this, 'Web', {
        stage: config.stage,
        h5Directory: props.h5Directory,
        connectOrigins: [this.api.httpApi.apiEndpoint, uploads],
        imageOrigins: [uploads],
        ...(config.webDomain ? { domain: config.webDomain } : {}),
      });
      new CfnOutput(this, 'WebUrl', {
        value: this.webHosting.origin,
        description: 'Where the h5 app is served; it must be one of the webOrigins context (CORS)',
      });
    }

    new Schedules(this, 'Schedules', { functions: this.functions });
    const queues = new WorkerQueues(this, 'Queues', { functions: this.functions });

    new Alarms(this, 'Alarms', {
      stage: config.stage,
      email: config.alarmEmail,
      functions: this.functions,
      httpApi: this.api.httpApi,
      deadLetterQueues: queues.deadLetterQueues,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'UploadBucketName', { value: this.storage.uploadBucket.bucketName });
    new CfnOutput(this, 'CertSigningKeyArn', {
      value: this.secrets.certSigningKey.secretArn,
      description: 'Put the Ed25519 private JWK from `npm run keys:certificate` here',
    });
    new CfnOutput(this, 'SessionSigningKeyArn', {
      value: this.secrets.sessionSigningKey.secretArn,
      description: 'Put the private JWK from `npm run keys:session` here (after SessionVerifyKeys)',
    });
    new CfnOutput(this, 'SessionVerifyKeysArn', {
      value: this.secrets.sessionVerifyKeys.secretArn,
      description: 'Put the public JWK set from `npm run keys:session` here first',
    });
    new CfnOutput(this, 'WechatSecretArn', {
      value: this.secrets.wechatSecret.secretArn,
      description: 'Set the WeChat AppSecret here with aws secretsmanager put-secret-value',
    });
  }
}
