import { envNames } from '@hongjia/functions/commons/env';
import { type FunctionGroup, functionGroups } from '@hongjia/functions/manifest';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { localOnlyEnvNames } from '../lib/hongjia-function';
import {
  actionsOf,
  buildApp,
  functionEnvironment,
  functionOfGroup,
  mentions,
  resourcesOfType,
  roleStatements,
} from './support';

// Prepare (shared): the production stack from the real manifest, without bundling.
const { cn } = buildApp();
const template = Template.fromStack(cn);
const lambdas = Object.values(resourcesOfType(template, 'AWS::Lambda::Function'));

const dynamoWrites = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

describe('one function per capability group', () => {
  it('creates exactly one Lambda per manifest group and no other Lambda', () => {
    expect(functionGroups.length).toBeGreaterThan(0);
    expect(lambdas).toHaveLength(functionGroups.length);
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
      expect(env[envNames.stage]).toBe('prod');
      expect(env[envNames.tableName]).toEqual({ Ref: 'Main' });
      expect(env[envNames.sessionSecretArn]).toEqual({ Ref: 'SessionSecret' });
      expect(env[envNames.idempotencyTableName]).toEqual(
        group.access.idempotencyTable ? { Ref: 'Idempotency' } : undefined,
      );
      expect(env[envNames.wechatSecretArn]).toEqual(
        group.access.wechatSecret ? { Ref: 'WechatSecret' } : undefined,
      );
      expect(env[envNames.uploadBucket]).toEqual(
        group.access.uploadBucket ? { Ref: 'UploadBucket' } : undefined,
      );
    }
  });
});

describe('a deployed stack never accepts dev sign-in codes', () => {
  it("sets WECHAT_AUTH_MODE to 'wechat' on every function and no local-only variable", () => {
    for (const fn of lambdas) {
      const env = functionEnvironment(fn);
      expect(env[envNames.wechatAuthMode]).toBe('wechat');
      for (const name of [envNames.sessionSecret, envNames.dynamodbEndpoint, envNames.s3Endpoint]) {
        expect(env).not.toHaveProperty(name);
      }
    }
  });

  it('ignores an attempt to switch the mode through context', () => {
    // Act
    const { cn: stack } = buildApp({ wechatAuthMode: 'dev', WECHAT_AUTH_MODE: 'dev' });

    // Assess
    const modes = Object.values(resourcesOfType(Template.fromStack(stack), 'AWS::Lambda::Function')).map(
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

describe('least privilege from the manifest', () => {
  it('gives a read-only group no DynamoDB write action and a read-write group the writes', () => {
    const readOnly = functionGroups.filter((group) => group.access.mainTable === 'RO');
    const readWrite = functionGroups.filter((group) => group.access.mainTable === 'RW');
    expect(readOnly.length).toBeGreaterThan(0);
    expect(readWrite.length).toBeGreaterThan(0);

    for (const group of readOnly) {
      const actions = actionsOf(roleStatements(template, group.name));
      expect(actions).toContain('dynamodb:GetItem');
      for (const write of dynamoWrites) expect(actions).not.toContain(write);
    }
    for (const group of readWrite) {
      const actions = actionsOf(roleStatements(template, group.name));
      for (const write of dynamoWrites) expect(actions).toContain(write);
    }
  });

  it('lets only groups with wechatSecret read the WeChat secret, and every group read the session secret', () => {
    for (const group of functionGroups) {
      const statements = roleStatements(template, group.name);
      expect(statements.some((statement) => mentions(statement, 'SessionSecret'))).toBe(true);
      expect(statements.some((statement) => mentions(statement, 'WechatSecret'))).toBe(
        group.access.wechatSecret === true,
      );
    }
  });

  it('grants nothing on a table, bucket or secret the manifest does not name', () => {
    for (const group of functionGroups) {
      const statements = roleStatements(template, group.name);
      expect(statements.some((statement) => mentions(statement, 'Idempotency'))).toBe(
        group.access.idempotencyTable !== undefined,
      );
      expect(statements.some((statement) => mentions(statement, 'UploadBucket'))).toBe(
        group.access.uploadBucket !== undefined,
      );
      expect(actionsOf(statements).some((action) => action === '*' || action.endsWith(':*'))).toBe(false);
    }
  });

  it('maps idempotency and upload access of future groups to the matching grants', () => {
    // Prepare: groups with the access kinds the current manifest does not use yet.
    const entry = 'src/manifest.ts'; // any existing file: bundling is skipped in tests
    const groups: FunctionGroup[] = [
      {
        name: 'reader',
        entry,
        routes: [],
        access: { mainTable: 'RO', uploadBucket: 'RO', sessionSecret: 'verify' },
      },
      {
        name: 'writer',
        entry,
        routes: [],
        access: { mainTable: 'RW', idempotencyTable: 'RW', uploadBucket: 'RW', sessionSecret: 'verify' },
      },
    ];

    // Act
    const synthetic = Template.fromStack(buildApp({}, { functionGroups: groups }).cn);

    // Assess
    const reader = actionsOf(roleStatements(synthetic, 'reader'));
    expect(reader).toContain('s3:GetObject');
    expect(reader).toContain('kms:Decrypt');
    expect(reader).not.toContain('s3:PutObject');
    expect(reader).not.toContain('kms:GenerateDataKey');
    const writer = roleStatements(synthetic, 'writer');
    expect(actionsOf(writer)).toEqual(
      expect.arrayContaining(['s3:GetObject', 's3:PutObject', 'kms:Decrypt', 'kms:GenerateDataKey']),
    );
    const idempotencyActions = actionsOf(writer.filter((statement) => mentions(statement, 'Idempotency')));
    expect(idempotencyActions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:DeleteItem']));
    expect(
      functionEnvironment(functionOfGroup(synthetic, 'writer')[1])[envNames.idempotencyTableName],
    ).toEqual({
      Ref: 'Idempotency',
    });
  });
});

describe('personal-data keys', () => {
  it('gives only the groups that handle personal data the KMS key and the look-up secret', () => {
    const withPii = lambdas.filter((fn) => 'PII_KMS_KEY_ID' in functionEnvironment(fn));
    const expected = functionGroups.filter((group) => group.access.pii);
    expect(expected.length).toBeGreaterThan(0);
    expect(withPii).toHaveLength(expected.length);
    // The upload bucket has a key of its own, granted with the bucket (storage.test.ts).
    const piiKeyIds = Object.keys(resourcesOfType(template, 'AWS::KMS::Key')).filter(
      (id) => id !== 'UploadKey',
    );
    expect(piiKeyIds).toHaveLength(1);
    for (const group of functionGroups) {
      const statements = roleStatements(template, group.name).filter((s) =>
        piiKeyIds.some((id) => mentions(s, id)),
      );
      expect(actionsOf(statements).includes('kms:Decrypt'), group.name).toBe(group.access.pii === true);
    }
  });

  it('rotates the retained KMS key that wraps the data keys', () => {
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
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
