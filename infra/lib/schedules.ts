import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { HongjiaFunction } from './hongjia-function';

/**
 * Workers (manifest groups with a `schedule` and no routes) run on an
 * EventBridge rate rule: the outbox drains there in the cloud, and on an
 * interval in the local runtime — the same drain function in both places.
 */
export class Schedules extends Construct {
  constructor(scope: Construct, id: string, props: { functions: readonly HongjiaFunction[] }) {
    super(scope, id);
    for (const fn of props.functions) {
      const schedule = fn.group.schedule;
      if (!schedule) continue;
      new Rule(this, `${fn.group.name}Schedule`, {
        description: `Runs the ${fn.group.name} worker every ${schedule.everyMinutes} min`,
        schedule: Schedule.rate(Duration.minutes(schedule.everyMinutes)),
        targets: [new LambdaFunction(fn.fn, { retryAttempts: 2 })],
      });
    }
  }
}
