import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { HongjiaFunction } from './hongjia-function';

export interface AlarmsProps {
  stage: string;
  /** The operators' address, subscribed to the topic (config `alarmEmail`). */
  email: string;
  functions: readonly HongjiaFunction[];
  httpApi: HttpApi;
  /** Dead-letter queues of the queue-triggered workers: any message there is work that never got done. */
  deadLetterQueues?: readonly { name: string; queue: IQueue }[];
}

/**
 * Alarms into one SNS topic with the operators' e-mail subscribed (from
 * config, so an alarm always reaches someone once the address confirmed the
 * subscription): any function error or throttle in five minutes, and API 5xx
 * responses. Missing data is healthy.
 */
export class Alarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: `Hongjia ${props.stage} alarms`, enforceSSL: true });
    this.topic.addSubscription(new EmailSubscription(props.email));
    const action = new SnsAction(this.topic);
    const period = Duration.minutes(5);

    const alarm = (alarmId: string, metric: IMetric, threshold: number, description: string) => {
      new Alarm(this, alarmId, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `Hongjia ${props.stage}: ${description}`,
      }).addAlarmAction(action);
    };

    for (const fn of props.functions) {
      const name = fn.group.name;
      alarm(`${name}Errors`, fn.fn.metricErrors({ period, statistic: 'Sum' }), 1, `${name} function errors`);
      alarm(`${name}Throttles`, fn.fn.metricThrottles({ period, statistic: 'Sum' }), 1, `${name} throttles`);
    }
    alarm('Api5xx', props.httpApi.metricServerError({ period }), 5, 'HTTP API 5xx responses');
    for (const { name, queue } of props.deadLetterQueues ?? []) {
      alarm(
        `${name}DeadLetters`,
        queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
        1,
        `${name} messages given up (dead-letter queue not empty)`,
      );
    }
  }
}
