import { join } from 'node:path';
import type { FunctionGroup } from '@hongjia/functions/manifest';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';

/**
 * The queue-triggered workers (manifest groups with a `queue`) in the local
 * runtime's process: each message sent to the queue's name is handed to the
 * group's own handler as an SQS event of one record, run as that group (its
 * grants, decision 0016), with the group's timeout as its deadline. A batch
 * item failure or a throw delivers the message again (functions/src/commons/
 * queue.ts), as SQS would after the visibility timeout.
 */
type SqsHandler = (
  event: SQSEvent,
  context: Pick<Context, 'getRemainingTimeInMillis'>,
) => Promise<SQSBatchResponse>;

export interface LocalQueues {
  /** Resolves when no message is being handled or due within a few seconds. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startLocalQueues(
  functionsDir: string,
  groups: readonly FunctionGroup[],
): Promise<LocalQueues> {
  const { registerLocalQueueConsumer } = await import('@hongjia/functions/commons/queue');
  const { runAsGroup } = await import('@hongjia/functions/commons/group-scope');
  const consumers: ReturnType<typeof registerLocalQueueConsumer>[] = [];
  let sequence = 0;
  for (const group of groups) {
    if (!group.queue) continue;
    const module = (await import(join(functionsDir, group.entry))) as { handler: SqsHandler };
    const scope = { name: group.name, access: group.access };
    const timeoutMs = (group.timeoutSeconds ?? 10) * 1000;
    consumers.push(
      registerLocalQueueConsumer(group.queue.envVar, async (body) => {
        const started = Date.now();
        const messageId = `local-${++sequence}`;
        const event = { Records: [{ messageId, body }] } as unknown as SQSEvent;
        const result = await runAsGroup(scope, () =>
          module.handler(event, {
            getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
          }),
        );
        if (result.batchItemFailures.length > 0)
          throw new Error(`${group.name}: message ${messageId} failed`);
      }),
    );
  }
  return {
    async idle() {
      for (const consumer of consumers) await consumer.idle();
    },
    async stop() {
      for (const consumer of consumers) await consumer.stop();
    },
  };
}
