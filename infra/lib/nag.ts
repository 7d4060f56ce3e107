import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag's AWS Solutions pack as a CDK validation plugin: `npm run synth`
 * (bin/app.ts) fails on any finding not acknowledged. The infra tests run the
 * same pack over the same app (infra/test/nag.test.ts).
 */
export function checkWithNag(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * Acknowledges one cdk-nag finding on `scope` and everything under it, with
 * the reason written where the resource is built. `id` is the rule, narrowed
 * to the finding where the rule reports several (`AwsSolutions-IAM5[Resource::*]`).
 */
export function acknowledgeNag(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}
