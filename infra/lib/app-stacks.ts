import { type App, Tags } from 'aws-cdk-lib';
import { readConfig } from './config';
import { HongjiaStack, type HongjiaStackProps } from './hongjia-stack';

/**
 * Two stacks of the same backend:
 * - `Hongjia-cn` in cn-northwest-1 (aws-cn partition), the production target:
 *   citizen data of a Chinese government service stays in mainland China;
 * - `Hongjia-global` in an aws-partition region, which proves the app is
 *   partition-agnostic and can serve as a staging/demo deployment.
 * Both are account-agnostic (aws and aws-cn accounts are separate; the
 * credentials of `cdk deploy` pick one), so `cdk synth` needs no credentials.
 * Used by bin/app.ts and by the tests, so the tests check the real wiring.
 */
export function addHongjiaStacks(
  app: App,
  overrides: Pick<HongjiaStackProps, 'functionGroups' | 'functionsDir'> = {},
): { cn: HongjiaStack; global: HongjiaStack } {
  const config = readConfig(app.node);
  const stackName = (base: string) => (config.stage === 'prod' ? base : `${base}-${config.stage}`);

  const cn = new HongjiaStack(app, 'Hongjia-cn', {
    stackName: stackName('Hongjia-cn'),
    env: { region: config.cnRegion },
    description: `Hongjia ${config.stage} backend (aws-cn, production target)`,
    config,
    ...overrides,
  });
  const global = new HongjiaStack(app, 'Hongjia-global', {
    stackName: stackName('Hongjia-global'),
    env: { region: config.globalRegion },
    description: `Hongjia ${config.stage} backend (aws partition)`,
    config,
    ...overrides,
  });

  Tags.of(app).add('project', 'hongjia');
  Tags.of(app).add('stage', config.stage);
  return { cn, global };
}
