import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { awsPartitionLiterals, buildApp, cdkJsonContext } from './support';

describe('partition awareness', () => {
  it('puts the production stack in cn-northwest-1 and the second stack in an aws region', () => {
    // Act
    const { cn, global } = buildApp();

    // Assess
    expect(cn.stackName).toBe('Hongjia-cn');
    expect(cn.region).toBe('cn-northwest-1');
    expect(global.stackName).toBe('Hongjia-global');
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

  it('synthesizes the same resources in both partitions', () => {
    // Act
    const { cn, global } = buildApp();
    const types = (stack: Stack) =>
      Object.values(Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string }>)
        .map((resource) => resource.Type)
        .sort();

    // Assess
    expect(types(cn)).toEqual(types(global));
    expect(JSON.stringify(Template.fromStack(global).toJSON())).not.toContain('arn:aws-cn:');
  });
});
