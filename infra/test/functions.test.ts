import { envNames } from '@hongjia/functions/commons/env';
import { type FunctionGroup, functionGroups } from '@hongjia/functions/manifest';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { localOnlyEnvNames } from '../lib/hongjia-function';
import { accessTable, auditTable, idempotencyTable, mainTable } from '../lib/table-spec';
import {
  actionsOf,
  buildApp,
  functionEnvironment,
  functionOfGroup,
  permissionsOf,
  resourcesOfType,
  roleStatements,
} from './support';

// Prepare (shared): the production stack from the real manifest, without bundling.
const { cn } = buildApp();
const template = Template.fromStack(cn);
/** CDK's BucketDeployment handler (web-hosting.ts): runs only during a deployment, not an app function. */
const isDeploymentHandler = (logicalId: string) => logicalId.startsWith('CustomCDKBucketDeployment');
const appFunctions = (from: Template) =>
  Object.entries(resourcesOfType(from, 'AWS::Lambda::Function'))
    .filter(([logicalId]) => !isDeploymentHandler(logicalId))
    .map(([, fn]) => fn);
const lambdas = appFunctions(template);

describe('one function per capability group', () => {
  it('creates exactly one Lambda per manifest group and no other Lambda but the h5 upload handler', () => {
    expect(functionGroups.length).toBeGreaterThan(0);
    expect(lambdas).toHaveLength(functionGroups.length);
    expect(
      Object.keys(resourcesOfType(template, 'AWS::Lambda::Function')).filter(isDeploymentHandler),
    ).toHaveLength(1);
    for (const group of functionGroups) expect(() => functionOfGroup(template, group.name)).not.toThrow();
  });

  it('runs every function on nodejs22.x, arm64, with active tracing and JSON logs', () => {
    for (const fn of lambdas) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.LoggingConfig).toMatchObject({ LogFormat: 'JSON' });
    }
  });

  it('gives every function its own retained log group with a retention period', () => {
    const logGroups = resourcesOfType(template, 'AWS::Logs::LogGroup');
    for (const fn of lambdas) {
      const ref = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(logGroups[ref]?.Properties.RetentionInDays).toBeGreaterThanOrEqual(180);
      expect(logGroups[ref]?.DeletionPolicy).toBe('Retain');
    }
  });

  it('passes each function the names and ARNs its manifest access names, and its stage', () => {
    for (const group of functionGroups) {
      const env = functionEnvironment(functionOfGroup(template, group.name)[1]);
      const { access } = group;
      expect(env[envNames.stage]).toBe('prod');
      expect(env[envNames.tableName]).toEqual(access.mainTable ? { Ref: 'Main' } : undefined);
      expect(env[envNames.accessTableName]).toEqual(access.accessTable ? { Ref: 'Access' } : undefined);
      expect(env[envNames.auditTableName]).toEqual(access.auditTable ? { Ref: 'Audit' } : undefined);
      expect(env[envNames.sessionVerifyKeysArn]).toEqual(
        access.sessionSecret ? { Ref: 'SessionVerifyKeys' } : undefined,
      );
      expect(env[envNames.sessionSigningKeyArn]).toEqual(
        access.sessionSecret === 'sign' ? { Ref: 'SessionSigningKey' } : undefined,
      );
      expect(env[envNames.cursorSecretArn]).toEqual(access.cursorKey ? { Ref: 'CursorSecret' } : undefined);
      expect(env[envNames.rateLimitSecretArn]).toEqual(
        access.rateLimitKey ? { Ref: 'RateLimitSecret' } : undefined,
      );
      expect(env[envNames.idempotencyTableName]).toEqual(
        access.idempotencyTable ? { Ref: 'Idempotency' } : undefined,
      );
      expect(env[envNames.wechatSecretArn]).toEqual(
        access.wechatSecret ? { Ref: 'WechatSecret' } : undefined,
      );
      expect(env[envNames.uploadBucket]).toEqual(access.uploadBucket ? { Ref: 'UploadBucket' } : undefined);
    }
  });

  it('passes the subscription-message templates only to the group that pushes them', () => {
    // Prepare
    const { cn: stack } = buildApp({ wechatTemplates: { WECHAT_TEMPLATE_BOOKING_PROMOTED: 'tpl-1' } });
    const synthetic = Template.fromStack(stack);

    // Act
    const holders = functionGroups.filter(
      (group) =>
        'WECHAT_TEMPLATE_BOOKING_PROMOTED' in functionEnvironment(functionOfGroup(synthetic, group.name)[1]),
    );

    // Assess
    expect(holders.map((group) => group.name)).toEqual(['workers']);
  });

  it('names the table environment variables the functions read (table-spec and envNames agree)', () => {
    expect([mainTable.envVar, accessTable.envVar, auditTable.envVar, idempotencyTable.envVar]).toEqual([
      envNames.tableName,
      envNames.accessTableName,
      envNames.auditTableName,
      envNames.idempotencyTableName,
    ]);
  });
});

describe('a deployed stack never accepts dev sign-in codes', () => {
  it("sets WECHAT_AUTH_MODE to 'wechat' on every function and no local-only variable", () => {
    for (const fn of lambdas) {
      const env = functionEnvironment(fn);
      expect(env[envNames.wechatAuthMode]).toBe('wechat');
      for (const name of localOnlyEnvNames) {
        expect(env).not.toHaveProperty(name);
      }
    }
  });

  it('ignores an attempt to switch the mode through context', () => {
    // Act
    const { cn: stack } = buildApp({ wechatAuthMode: 'dev', WECHAT_AUTH_MODE: 'dev' });

    // Assess
    const modes = appFunctions(Template.fromStack(stack)).map(
      (fn) => functionEnvironment(fn)[envNames.wechatAuthMode],
    );
    expect(modes).toEqual(functionGroups.map(() => 'wechat'));
  });

  it('refuses the stage names of the local runtime', () => {
    expect(() => buildApp({ stage: 'local' })).toThrow(/reserved for the local runtime/);
    expect(() => buildApp({ stage: 'test' })).toThrow(/reserved for the local runtime/);
  });

  it("fails the synth when someone sets WECHAT_AUTH_MODE to 'dev' on a function", () => {
    // Prepare
    const { cn: stack } = buildApp();
    stack.functions[0]?.fn.addEnvironment(envNames.wechatAuthMode, 'dev');

    // Act + Assess
    expect(() => Template.fromStack(stack)).toThrow(/WECHAT_AUTH_MODE must be 'wechat'/);
  });

  it.each(localOnlyEnvNames)('fails the synth when someone sets the local-only variable %s', (name) => {
    // Prepare
    const { cn: stack } = buildApp();
    stack.functions[0]?.fn.addEnvironment(name, 'x');

    // Act + Assess
    expect(() => Template.fromStack(stack)).toThrow(new RegExp(`${name} is a local-runtime variable`));
  });
});

// ---- What each group may do, as data: any widening (or narrowing) fails here. ----
const tracingAndLogs = [
  'logs:CreateLogStream on own log group',
  'logs:PutLogEvents on own log group',
  'xray:PutTelemetryRecords on *',
  'xray:PutTraceSegments on *',
];
const secret = (id: string) => [
  `secretsmanager:DescribeSecret on ${id}`,
  `secretsmanager:GetSecretValue on ${id}`,
];
const on = (table: string, actions: readonly string[]) =>
  actions.map((action) => `dynamodb:${action} on ${table}`);
const mainRead = ['BatchGetItem', 'GetItem', 'Query'];
const mainWrite = ['BatchWriteItem', 'DeleteItem', 'PutItem', 'UpdateItem'];
const mainIndexes = ['gsi1', 'gsi2', 'gsi3', 'gsi4'].map((index) => `dynamodb:Query on Main/index/${index}`);
const mainRW = [...on('Main', [...mainRead, ...mainWrite]), ...mainIndexes];
const idempotency = on('Idempotency', ['DeleteItem', 'GetItem', 'PutItem', 'UpdateItem']);
const readUsers = on('Access', ['GetItem']);
const piiKey = (...families: string[]) =>
  ['kms:Decrypt', 'kms:GenerateDataKey'].map(
    (action) =>
      `${action} on PiiDataKey if family in [${[...families].sort().join(', ')}], purpose=hongjia-pii`,
  );
/** Decision 0012: exactly these S3 actions, and the bucket's own key only to read and write through it. */
const bucketRead = [
  's3:GetObject on UploadBucket/*',
  's3:GetObjectVersion on UploadBucket/*',
  's3:ListBucket on UploadBucket',
  'kms:Decrypt on UploadKey',
];
const uploadBucketRW = [...bucketRead, 's3:PutObject on UploadBucket/*', 'kms:GenerateDataKey on UploadKey'];

/** Decision 0016, as the tests hold it. */
const allowed: Record<string, string[]> = {
  platform: [...tracingAndLogs],
  auth: [
    ...tracingAndLogs,
    ...secret('RateLimitSecret'),
    ...secret('SessionVerifyKeys'),
    ...secret('SessionSigningKey'),
    ...secret('CursorSecret'),
    ...secret('WechatSecret'),
    ...mainRW,
    ...idempotency,
    ...on('Access', ['GetItem', 'PutItem', 'UpdateItem']),
    ...on('Audit', ['PutItem']),
  ],
  childcare: [
    ...tracingAndLogs,
    ...secret('SessionVerifyKeys'),
    ...secret('CursorSecret'),
    ...secret('PiiLookupSecret'),
    ...mainRW,
    ...idempotency,
    ...readUsers,
    ...piiKey('booking'),
  ],
  provider: [
    ...tracingAndLogs,
    ...secret('SessionVerifyKeys'),
    ...secret('CursorSecret'),
    ...mainRW,
    ...idempotency,
    ...readUsers,
    ...on('Audit', ['PutItem']),
    ...piiKey('booking'),
  ],
  staff: [
    ...tracingAndLogs,
    ...secret('SessionVerifyKeys'),
    ...secret('CursorSecret'),
    ...mainRW,
    // Decision 0034: supervision writes take an Idempotency-Key.
    ...idempotency,
    ...readUsers,
    ...on('Audit', ['PutItem']),
  ],
  registration: [
    ...tracingAndLogs,
    ...secret('RateLimitSecret'),
    ...secret('SessionVerifyKeys'),
    ...secret('CursorSecret'),
    ...secret('PiiLookupSecret'),
    ...mainRW,
    ...idempotency,
    ...readUsers,
    ...on('Audit', ['PutItem']),
    ...piiKey('registration', 'birthBundle', 'conflict', 'idempotency'),
    ...uploadBucketRW,
    // Decision 0020: approvals and voids are told to monitoring's queue.
    'sqs:SendMessage on monitoringWorkerQueue',
  ],
  certificates: [
    ...tracingAndLogs,
    ...secret('SessionVerifyKeys'),
    ...secret('CursorSecret'),
    ...secret('RateLimitSecret'),
    ...secret('CertSigningKey'),
    ...mainRW,
    ...idempotency,
    ...readUsers,
    // Its stored idempotent responses (live print codes) are sealed (issue 9).
    ...piiKey('idempotency'),
  ],
  families: [
    ...tracingAndLogs,
    ...secret('RateLimitSecret'),
    ...secret('SessionVerifyKeys'),
    ...secret('CursorSecret'),
    ...secret('WechatSecret'),
    ...secret('PiiLookupSecret'),
    ...mainRW,
    ...idempotency,
    ...readUsers,
    ...on('Audit', ['PutItem', 'Query']),
    ...piiKey('identity', 'specialFamily', 'idempotency'),
    // Decision 0039: family-supplied proof is read back, copied under its claim and linked.
    ...uploadBucketRW,
  ],
  benefits: [
    ...tracingAndLogs,
    ...secret('SessionVerifyKeys'),
    ...secret('CursorSecret'),
    ...mainRW,
    ...idempotency,
    ...readUsers,
    ...on('Audit', ['PutItem']),
    ...piiKey('identity', 'specialFamily', 'idempotency'),
  ],
  assistance: [
    ...tracingAndLogs,
    ...secret('RateLimitSecret'),
    ...secret('SessionVerifyKeys'),
    ...secret('CursorSecret'),
    ...mainRW,
    ...idempotency,
    ...readUsers,
    ...on('Audit', ['PutItem']),
    ...piiKey('assistance', 'specialFamily', 'idempotency'),
  ],
  subsidies: [
    ...tracingAndLogs,
    ...secret('RateLimitSecret'),
    ...secret('SessionVerifyKeys'),
    ...secret('CursorSecret'),
    ...secret('PiiLookupSecret'),
    ...mainRW,
    ...idempotency,
    ...readUsers,
    ...on('Audit', ['PutItem']),
    ...piiKey('subsidy', 'conflict', 'birthBundle', 'idempotency'),
  ],
  // The bundle worker files 育儿补贴 from a bundle (decision 0035): the subsidy's and a conflict's
  // keys, and the look-up key that hashes the child's ID number.
  workers: [
    ...tracingAndLogs,
    ...secret('WechatSecret'),
    ...secret('PiiLookupSecret'),
    ...mainRW,
    ...readUsers,
    ...piiKey('birthBundle', 'conflict', 'subsidy'),
  ],
  // Decision 0020.
  monitoring: [
    ...tracingAndLogs,
    ...secret('SessionVerifyKeys'),
    ...secret('CursorSecret'),
    ...mainRW,
    ...idempotency,
    ...readUsers,
    ...on('Audit', ['PutItem']),
    ...piiKey('monitoring', 'idempotency'),
    'sqs:SendMessage on monitoringWorkerQueue',
  ],
  // Decision 0021: reads through monitoring's services (main table read only, no personal data);
  // caches the documents it draws under reports/.
  reports: [
    ...tracingAndLogs,
    ...secret('SessionVerifyKeys'),
    ...secret('CursorSecret'),
    ...on('Main', mainRead),
    ...mainIndexes,
    ...readUsers,
    's3:GetObject on UploadBucket/reports/*',
    's3:GetObjectVersion on UploadBucket/reports/*',
    's3:PutObject on UploadBucket/reports/*',
    's3:ListBucket on UploadBucket if s3:prefix in [reports/*]',
    'kms:Decrypt on UploadKey',
    'kms:GenerateDataKey on UploadKey',
  ],
  monitoringWorker: [
    ...tracingAndLogs,
    ...secret('PiiLookupSecret'),
    ...mainRW,
    ...piiKey('monitoring'),
    's3:GetObject on UploadBucket/imports/*',
    's3:GetObjectVersion on UploadBucket/imports/*',
    's3:ListBucket on UploadBucket if s3:prefix in [imports/*]',
    'kms:Decrypt on UploadKey',
    'sqs:SendMessage on monitoringWorkerQueue',
    // The event source: receive its own queue's messages, delete them, hide them while it works.
    'sqs:ChangeMessageVisibility on monitoringWorkerQueue',
    'sqs:DeleteMessage on monitoringWorkerQueue',
    'sqs:GetQueueAttributes on monitoringWorkerQueue',
    'sqs:GetQueueUrl on monitoringWorkerQueue',
    'sqs:ReceiveMessage on monitoringWorkerQueue',
  ],
  // 科学育儿 (decision 0036): the articles' states, city staff's changes audited and idempotent.
  guidance: [
    ...tracingAndLogs,
    ...secret('SessionVerifyKeys'),
    ...mainRW,
    ...idempotency,
    ...readUsers,
    ...on('Audit', ['PutItem']),
  ],
};

describe('least privilege: what each group may do (decision 0016)', () => {
  it('lists every group of the manifest, and only those', () => {
    expect(Object.keys(allowed).sort()).toEqual(functionGroups.map((group) => group.name).sort());
  });

  it.each(functionGroups.map((group) => group.name))('lets %s do exactly what decision 0016 says', (name) => {
    expect(permissionsOf(template, name)).toEqual([...new Set(allowed[name])].sort());
  });

  it('grants no Scan and no service-wide action anywhere', () => {
    for (const group of functionGroups) {
      const actions = actionsOf(roleStatements(template, group.name));
      expect(
        actions.filter((action) => /Scan|:\*$|^\*$/.test(action)),
        group.name,
      ).toEqual([]);
    }
  });

  it('lets only sign-in write user records; every other group reads one by its key at most', () => {
    for (const group of functionGroups) {
      const onUsers = permissionsOf(template, group.name).filter((line) => line.endsWith(' on Access'));
      if (group.name === 'auth') expect(onUsers).toContain('dynamodb:PutItem on Access');
      else
        expect(
          onUsers.filter((line) => line !== 'dynamodb:GetItem on Access'),
          group.name,
        ).toEqual([]);
    }
  });

  it('keeps the audit table append-only: PutItem and Query, never update, delete or batch write', () => {
    const onAudit = functionGroups.flatMap((group) =>
      permissionsOf(template, group.name).filter((line) => line.includes(' on Audit')),
    );
    expect(onAudit.length).toBeGreaterThan(0);
    for (const line of onAudit) expect(line).toMatch(/^dynamodb:(PutItem|Query) on Audit$/);
  });

  it('gives the WeChat secret only to sign-in, face verification and the push worker', () => {
    const holders = functionGroups.filter((group) =>
      permissionsOf(template, group.name).some((line) => line.endsWith(' on WechatSecret')),
    );
    expect(holders.map((group) => [group.name, group.access.wechatSecret])).toEqual([
      ['auth', 'signIn'],
      ['families', 'faceVerification'],
      ['workers', 'push'],
    ]);
  });

  it('asks KMS only under the encryption contexts of the families each group declares', () => {
    for (const group of functionGroups) {
      // The upload bucket's own key is the bucket's grant (decision 0012), not a PII family's.
      const kms = permissionsOf(template, group.name).filter(
        (line) => line.startsWith('kms:') && !line.endsWith(' on UploadKey'),
      );
      expect(kms, group.name).toEqual(group.access.pii?.length ? piiKey(...group.access.pii).sort() : []);
    }
  });

  it('maps a future read-only group to reads only, its indexes to Query alone', () => {
    // Prepare
    const entry = 'src/manifest.ts'; // any existing file: bundling is skipped in tests
    const groups: FunctionGroup[] = [
      {
        name: 'reader',
        entry,
        routes: [],
        access: {
          mainTable: 'RO',
          accessTable: 'RO',
          auditTable: 'read',
          uploadBucket: 'RO',
          sessionSecret: 'verify',
        },
      },
    ];

    // Act
    const synthetic = Template.fromStack(buildApp({ routeThrottles: {} }, { functionGroups: groups }).cn);

    // Assess
    expect(permissionsOf(synthetic, 'reader')).toEqual(
      [
        ...tracingAndLogs,
        ...secret('SessionVerifyKeys'),
        ...on('Main', mainRead),
        ...mainIndexes,
        ...readUsers,
        ...on('Audit', ['Query']),
        ...bucketRead,
      ].sort(),
    );
  });
});

describe('session keys (decision 0017)', () => {
  const holdersOf = (id: string) =>
    functionGroups
      .filter((group) => permissionsOf(template, group.name).some((line) => line.endsWith(` on ${id}`)))
      .map((group) => group.name);

  it('lets only the sign-in group read the private key that signs sessions', () => {
    expect(
      functionGroups.filter((group) => group.access.sessionSecret === 'sign').map((g) => g.name),
    ).toEqual(['auth']);
    expect(holdersOf('SessionSigningKey')).toEqual(['auth']);
  });

  it('gives every group with signed-in routes the public keys, and nothing else to verify with', () => {
    const verifying = functionGroups.filter((group) => group.access.sessionSecret).map((g) => g.name);
    expect(holdersOf('SessionVerifyKeys')).toEqual(verifying);
    expect(verifying).not.toContain('platform');
    expect(verifying).not.toContain('workers');
    for (const group of functionGroups) {
      if (group.access.sessionSecret !== 'verify') continue;
      const env = functionEnvironment(functionOfGroup(template, group.name)[1]);
      expect(env, group.name).not.toHaveProperty(envNames.sessionSigningKeyArn);
    }
    // The retired HMAC session secret is gone from the stack.
    expect(Object.keys(resourcesOfType(template, 'AWS::SecretsManager::Secret'))).not.toContain(
      'SessionSecret',
    );
  });

  it('keys cursors and rate limits with their own secrets, only where they are used', () => {
    expect(holdersOf('CursorSecret')).toEqual(
      functionGroups.filter((group) => group.access.cursorKey).map((g) => g.name),
    );
    expect(holdersOf('RateLimitSecret')).toEqual(
      functionGroups.filter((group) => group.access.rateLimitKey).map((g) => g.name),
    );
  });
});

describe('personal-data keys', () => {
  it('passes the KMS key to the groups with PII families and the look-up secret to those that hash', () => {
    for (const group of functionGroups) {
      const env = functionEnvironment(functionOfGroup(template, group.name)[1]);
      expect(envNames.piiKmsKeyId in env, group.name).toBe(Boolean(group.access.pii?.length));
      expect(envNames.piiLookupSecretArn in env, group.name).toBe(group.access.piiLookup !== undefined);
    }
  });

  it('rotates the retained KMS key that wraps the data keys', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('queue-triggered workers (decision 0020)', () => {
  const queueGroups = functionGroups.filter((group) => group.queue);

  it('gives each a queue with a dead-letter queue, an event source of one message, and a longer visibility timeout', () => {
    expect(queueGroups.map((group) => group.name)).toEqual(['monitoringWorker']);
    const queues = resourcesOfType(template, 'AWS::SQS::Queue');
    const mappings = Object.values(resourcesOfType(template, 'AWS::Lambda::EventSourceMapping'));
    for (const group of queueGroups) {
      const queue = queues[`${group.name}Queue`];
      expect(queue?.Properties.VisibilityTimeout).toBeGreaterThan(group.timeoutSeconds ?? 10);
      expect(queue?.Properties.RedrivePolicy).toMatchObject({ maxReceiveCount: 5 });
      expect(queue?.Properties.SqsManagedSseEnabled).toBe(true);
      expect(queues[`${group.name}DeadLetters`]).toBeDefined();
      const [logicalId] = functionOfGroup(template, group.name);
      const mapping = mappings.find((m) => JSON.stringify(m.Properties.FunctionName).includes(logicalId));
      expect(mapping?.Properties).toMatchObject({
        BatchSize: 1,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      expect(group.routes).toHaveLength(0);
    }
  });

  it('alarms on a message in any dead-letter queue', () => {
    const alarms = Object.values(resourcesOfType(template, 'AWS::CloudWatch::Alarm'));
    for (const group of queueGroups) {
      const alarm = alarms.find((a) =>
        JSON.stringify(a.Properties.Dimensions ?? []).includes(`${group.name}DeadLetters`),
      );
      expect(alarm?.Properties).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 1,
      });
    }
  });

  it('passes the queue URL to exactly the groups that send to it', () => {
    for (const group of functionGroups) {
      const env = functionEnvironment(functionOfGroup(template, group.name)[1]);
      expect('MONITORING_QUEUE_URL' in env, group.name).toBe(
        group.access.sendsTo?.includes('monitoringWorker') === true,
      );
    }
  });
});

describe('scheduled workers', () => {
  it('runs every group with a schedule on an EventBridge rate rule and gives it no HTTP route', () => {
    const workers = functionGroups.filter((group) => group.schedule);
    expect(workers.length).toBeGreaterThan(0);
    const rules = Object.values(resourcesOfType(template, 'AWS::Events::Rule'));
    for (const group of workers) {
      const [logicalId] = functionOfGroup(template, group.name);
      const rule = rules.find((r) => JSON.stringify(r.Properties.Targets ?? []).includes(logicalId));
      expect(rule?.Properties.ScheduleExpression, group.name).toBe(
        `rate(${group.schedule?.everyMinutes} minute${group.schedule?.everyMinutes === 1 ? '' : 's'})`,
      );
      expect(group.routes).toHaveLength(0);
    }
  });
});
