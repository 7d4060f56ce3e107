import { readFileSync } from 'node:fs';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { awsPartitionLiterals, buildApp, buildBothStacks, cdkJsonContext } from './support';

describe('partition awareness', () => {
  it('puts the production stack in cn-northwest-1 and the second stack in an aws region', () => {
    // Act
    const { cn } = buildApp();
    const { global } = buildBothStacks();

    // Assess
    expect(cn.stackName).toBe('Hongjia-cn');
    expect(cn.region).toBe('cn-northwest-1');
    expect(global.stackName).toBe('Hongjia-global-staging');
    expect(global.region).toBe(cdkJsonContext.globalRegion);
    expect(global.region).not.toMatch(/^cn-/);
  });

  it('synthesizes the cn stack with no arn:aws: literal, its ARNs in the aws-cn partition', () => {
    // Act
    const { cn } = buildApp();
    const template = Template.fromStack(cn);
    const json = JSON.stringify(template.toJSON());

    // Assess
    expect(awsPartitionLiterals(template)).toEqual([]);
    expect(Stack.of(cn).partition).toBe('aws-cn');
    expect(json).toMatch(/arn:aws-cn:|"AWS::Partition"/);
  });

  it('would catch a hard-coded aws partition in the cn stack', () => {
    // Prepare
    const { cn } = buildApp();
    cn.functions[0]?.fn.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::somebody-elses-bucket/*'] }),
    );

    // Act
    const literals = awsPartitionLiterals(Template.fromStack(cn));

    // Assess
    expect(literals).toEqual(['arn:aws:s3:::somebody-elses-bucket/*']);
  });

  it('synthesizes the same resources in both partitions, but for how CloudFront reads the h5 bucket', () => {
    // Act
    const { cn, global } = buildBothStacks();
    // aws-cn has no Origin Access Control: an origin access identity there (web-hosting.ts).
    const originAccess = new Set([
      'AWS::CloudFront::OriginAccessControl',
      'AWS::CloudFront::CloudFrontOriginAccessIdentity',
    ]);
    const types = (stack: Stack) =>
      Object.values(Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string }>)
        .map((resource) => resource.Type)
        .filter((type) => !originAccess.has(type))
        .sort();

    // Assess
    expect(types(cn)).toEqual(types(global));
    expect(JSON.stringify(Template.fromStack(global).toJSON())).not.toContain('arn:aws-cn:');
  });
});

describe('which stacks are deployed', () => {
  it('synthesizes only the China stack by default (npm run deploy deploys Hongjia-cn)', () => {
    // Act
    const { app, global } = buildApp();

    // Assess
    expect(global).toBeUndefined();
    expect(app.node.children.filter((child) => child instanceof Stack).map((stack) => stack.node.id)).toEqual(
      ['Hongjia-cn'],
    );
    const scripts = (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.deploy).toMatch(/cdk deploy Hongjia-cn\b/);
    expect(scripts.deploy).not.toMatch(/--all|Hongjia-global/);
  });

  it('adds the aws-partition stack only on the explicit flag, and never with stage prod', () => {
    expect(buildApp({ withGlobal: 'false' }).global).toBeUndefined();
    expect(() => buildApp({ withGlobal: true })).toThrow(/withGlobal.*prod/);
    expect(() => buildApp({ withGlobal: 'true', stage: 'prod' })).toThrow(/withGlobal.*prod/);
    expect(buildApp({ withGlobal: 'true', stage: 'staging' }).global?.region).toBe(
      cdkJsonContext.globalRegion,
    );
    expect(() => buildApp({ withGlobal: 'yes' })).toThrow(/withGlobal/);
  });
});
