import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import { addHongjiaStacks } from '../lib/app-stacks';
import type { HongjiaStackProps } from '../lib/hongjia-stack';

/** The context of cdk.json (`new App()` does not read cdk.json by itself). */
export const cdkJsonContext = (
  JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

/** A two-file stand-in for the production h5 build: the infra tests need no Taro build. */
export const h5Fixture = fileURLToPath(new URL('./fixtures/h5', import.meta.url));

/**
 * The stacks of bin/app.ts (Hongjia-cn; Hongjia-global too with
 * `withGlobal: true` and a stage other than prod), built from cdk.json's
 * context with bundling skipped (`aws:cdk:bundling-stacks: []`), so no esbuild
 * run is needed, and the h5 fixture in place of the production h5 build.
 */
export function buildApp(
  context: Record<string, unknown> = {},
  overrides: Pick<HongjiaStackProps, 'functionGroups' | 'functionsDir' | 'h5Directory'> = {},
) {
  const app = new App({ context: { ...cdkJsonContext, ...context, 'aws:cdk:bundling-stacks': [] } });
  return { app, ...addHongjiaStacks(app, { h5Directory: h5Fixture, ...overrides }) };
}

export type Resource = { Type: string; Properties: Record<string, unknown>; [key: string]: unknown };

export function resourcesOfType(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

export function functionEnvironment(resource: Resource): Record<string, unknown> {
  const environment = resource.Properties.Environment as { Variables?: Record<string, unknown> } | undefined;
  return environment?.Variables ?? {};
}

/** The Lambda function of a capability group (found by its Powertools service name). */
export function functionOfGroup(template: Template, groupName: string): [string, Resource] {
  const matches = Object.entries(resourcesOfType(template, 'AWS::Lambda::Function')).filter(
    ([, resource]) => functionEnvironment(resource).POWERTOOLS_SERVICE_NAME === groupName,
  );
  if (matches.length !== 1) throw new Error(`expected one function for ${groupName}, got ${matches.length}`);
  return matches[0] as [string, Resource];
}

export interface Statement {
  Action: string | string[];
  Effect: string;
  Resource: unknown;
}

/** Every IAM statement attached to the execution role of a group's function. */
export function roleStatements(template: Template, groupName: string): Statement[] {
  const [, fn] = functionOfGroup(template, groupName);
  const roleLogicalId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))
    .filter((policy) =>
      (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleLogicalId),
    )
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

export function actionsOf(statements: readonly Statement[]): string[] {
  return statements.flatMap((statement) =>
    Array.isArray(statement.Action) ? statement.Action : [statement.Action],
  );
}

/** True when a statement's resource mentions the given logical id (Ref or GetAtt). */
export function mentions(statement: Statement, logicalId: string): boolean {
  return JSON.stringify(statement.Resource).includes(`"${logicalId}"`);
}

/** `arn:aws:` literals in a template: a partition spelled out instead of derived. */
export function awsPartitionLiterals(template: Template): string[] {
  return JSON.stringify(template.toJSON()).match(/arn:aws:[^"]*/g) ?? [];
}

/** The two stacks of a staging app that asked for the aws-partition stack too. */
export function buildBothStacks(context: Record<string, unknown> = {}) {
  const built = buildApp({ stage: 'staging', withGlobal: true, ...context });
  if (!built.global) throw new Error('withGlobal did not add the global stack');
  return { ...built, global: built.global };
}

/** A resource of a role statement, named for a reader: `Main`, `Main/index/gsi1`, `SessionSecret`, `*`. */
function resourceName(resource: unknown, groupName: string): string {
  if (typeof resource === 'string') return resource;
  const value = resource as Record<string, unknown>;
  if ('Ref' in value) return String(value.Ref);
  if ('Fn::GetAtt' in value) {
    const [logicalId] = value['Fn::GetAtt'] as [string, string];
    if (logicalId.startsWith(`${groupName}Logs`)) return 'own log group';
    if (logicalId.startsWith('PiiKeysDataKey')) return 'PiiDataKey';
    return logicalId;
  }
  if ('Fn::Join' in value) {
    const [, parts] = value['Fn::Join'] as [string, unknown[]];
    return parts.map((part) => resourceName(part, groupName)).join('');
  }
  return JSON.stringify(resource);
}

/** A statement's condition in words, e.g. `if purpose=hongjia-pii, family in [booking]`. */
function conditionText(condition: unknown): string {
  if (!condition) return '';
  const clauses = Object.entries(condition as Record<string, Record<string, unknown>>).flatMap(([, keys]) =>
    Object.entries(keys).map(([key, value]) => {
      const name = key.replace(/^kms:EncryptionContext:/, '');
      return Array.isArray(value)
        ? `${name} in [${[...value].sort().join(', ')}]`
        : `${name}=${String(value)}`;
    }),
  );
  return ` if ${clauses.sort().join(', ')}`;
}

/**
 * Everything a group's role may do, one `action on resource [if condition]`
 * line each, sorted: statements that CDK merged or split read the same.
 */
export function permissionsOf(template: Template, groupName: string): string[] {
  const lines = new Set<string>();
  for (const statement of roleStatements(template, groupName) as (Statement & { Condition?: unknown })[]) {
    expect(statement.Effect).toBe('Allow');
    const resources = Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
    for (const action of actionsOf([statement])) {
      for (const resource of resources) {
        lines.add(`${action} on ${resourceName(resource, groupName)}${conditionText(statement.Condition)}`);
      }
    }
  }
  return [...lines].sort();
}
