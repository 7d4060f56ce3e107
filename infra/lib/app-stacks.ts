import { type App, Tags } from 'aws-cdk-lib';
import { readConfig } from './config';
import { HongjiaStack, type HongjiaStackProps } from './hongjia-stack';

/**
 * The stacks of one backend:
 * - `Hongjia-cn` in cn-northwest-1 (aws-cn partition), the production target
 *   and the only stack by default: citizen data of a Chinese government
 *   service stays in mainland China (PIPL art. 38–40);
 * - `Hongjia-global` in an aws-partition region, only with `-c withGlobal=true`
 *   and never with stage prod (config.ts refuses it): a staging/demo copy that
 *   proves the app is partition-agnostic, without real citizen data.
 * Both are account-agnostic (aws and aws-cn accounts are separate; the
 * credentials of `cdk deploy` pick one), so `cdk synth` needs no credentials.
 * Used by bin/app.ts and by the tests, so the tests check the real wiring.
 */
export function addHongjiaStacks(
  app: App,
  overrides: Pick<HongjiaStackProps, 'functionGroups' | 'functionsDir' | 'h5Directory'> = {},
): { cn: HongjiaStack; global?: HongjiaStack } {
  const config = readConfig(app.node);
  const stackName = (base: string) => (config.stage === 'prod' ? base : `${base}-${config.stage}`);

  const cn = new HongjiaStack(app, 'Hongjia-cn', {
    stackName: stackName('Hongjia-cn'),
    env: { region: config.cnRegion },
    description: `Hongjia ${config.stage} backend (aws-cn, production target)`,
    config,
    ...overrides,
  });
  const global = config.withGlobal
    ? new HongjiaStack(app, 'Hongjia-global', {
        stackName: stackName('Hongjia-global'),
        env: { region: config.globalRegion },
        description: `Hongjia ${config.stage} backend (aws partition, no production data)`,
        config,
        ...overrides,
      })
    : undefined;

  Tags.of(app).add('project', 'hongjia');
  Tags.of(app).add('stage', config.stage);
  return { cn, ...(global ? { global } : {}) };
}
