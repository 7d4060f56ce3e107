import { Duration } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type CfnQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { HongjiaFunction } from './hongjia-function';

/**
 * Queue-triggered workers (manifest groups with a `queue`): an SQS queue per
 * worker with a dead-letter queue after 5 receives, an event source of one
 * message per invocation that reports batch item failures, and a visibility
 * timeout a minute longer than the function's timeout (a message is never
 * handed to a second invocation while the first may still run; the worker's
 * own lease covers the rest, decision 0020). Groups that name the worker in
 * `access.sendsTo` may SendMessage to that queue and nothing else, and get its
 * URL in the worker's `queue.envVar`.
 */
export class WorkerQueues extends Construct {
  readonly deadLetterQueues: { name: string; queue: Queue }[] = [];

  constructor(scope: Construct, id: string, props: { functions: readonly HongjiaFunction[] }) {
    super(scope, id);
    const queues = new Map<string, { queue: Queue; envVar: string }>();
    for (const fn of props.functions) {
      const spec = fn.group.queue;
      if (!spec) continue;
      const name = fn.group.name;
      const deadLetters = new Queue(this, `${name}DeadLetters`, {
        retentionPeriod: Duration.days(14),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
      });
      const timeout = fn.fn.timeout ?? Duration.seconds(10);
      const queue = new Queue(this, `${name}Queue`, {
        visibilityTimeout: Duration.seconds(timeout.toSeconds() + 60),
        retentionPeriod: Duration.days(4),
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
      });
      (queue.node.defaultChild as CfnQueue).overrideLogicalId(`${name}Queue`);
      (deadLetters.node.defaultChild as CfnQueue).overrideLogicalId(`${name}DeadLetters`);
      fn.fn.addEventSource(new SqsEventSource(queue, { batchSize: 1, reportBatchItemFailures: true }));
      queues.set(name, { queue, envVar: spec.envVar });
      this.deadLetterQueues.push({ name, queue: deadLetters });
    }
    for (const fn of props.functions) {
      for (const target of fn.group.access.sendsTo ?? []) {
        const found = queues.get(target);
        if (!found) {
          throw new Error(
            `function group "${fn.group.name}" sends to "${target}", which has no queue in the manifest`,
          );
        }
        fn.fn.addToRolePolicy(
          new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [found.queue.queueArn] }),
        );
        fn.fn.addEnvironment(found.envVar, found.queue.queueUrl);
      }
    }
  }
}
