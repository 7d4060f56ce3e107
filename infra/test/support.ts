import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { addHongjiaStacks } from '../lib/app-stacks';
import type { HongjiaStackProps } from '../lib/hongjia-stack';

/** The context of cdk.json (`new App()` does not read cdk.json by itself). */
export const cdkJsonContext = (
  JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

/**
 * The two stacks of bin/app.ts, built from cdk.json's context with bundling
 * skipped (`aws:cdk:bundling-stacks: []`), so no esbuild run is needed.
 */
export function buildApp(
  context: Record<string, unknown> = {},
  overrides: Pick<HongjiaStackProps, 'functionGroups' | 'functionsDir'> = {},
) {
  const app = new App({ context: { ...cdkJsonContext, ...context, 'aws:cdk:bundling-stacks': [] } });
  return { app, ...addHongjiaStacks(app, overrides) };
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
