import type { SQSClient } from '@aws-sdk/client-sqs';
import { getOptionalStringFromEnv } from './env';

/**
 * A message queue that triggers a worker function group (manifest `queue`).
 * Deployed: SQS, by the URL the stack gives the sender in the queue's
 * environment variable. In the local runtime: an in-process queue with the
 * same contract — at least once, `delaySeconds`, a failed delivery tried
 * again (local/queues.ts registers the worker as its consumer and runs it as
 * its group). Messages are JSON; they carry ids, never personal data.
 */
export interface MessageQueue {
  send(message: object, options?: { delaySeconds?: number }): Promise<void>;
}

/** SQS's upper limit for DelaySeconds. */
export const maxDelaySeconds = 900;

type LocalConsumer = (body: string) => Promise<void>;

interface LocalQueue {
  consumer?: LocalConsumer;
  waiting: string[];
  inFlight: Set<Promise<void>>;
  /** Pending deliveries and when each is due (ms since epoch). */
  timers: Map<NodeJS.Timeout, number>;
  attempts: number;
  deadLetters: string[];
}

const localQueues = new Map<string, LocalQueue>();
const localQueue = (name: string): LocalQueue => {
  let queue = localQueues.get(name);
  if (!queue) {
    queue = { waiting: [], inFlight: new Set(), timers: new Map(), attempts: 5, deadLetters: [] };
    localQueues.set(name, queue);
  }
  return queue;
};

/** How long the local queue waits before delivering a failed message again (SQS: the visibility timeout). */
const localRetryMs = 200;

function deliverLocally(queue: LocalQueue, body: string, delayMs: number, attempt = 1): void {
  const timer = setTimeout(() => {
    queue.timers.delete(timer);
    if (!queue.consumer) {
      queue.waiting.push(body);
      return;
    }
    const run = queue
      .consumer(body)
      .catch(() => {
        if (attempt >= queue.attempts) queue.deadLetters.push(body);
        else deliverLocally(queue, body, localRetryMs * attempt, attempt + 1);
      })
      .finally(() => queue.inFlight.delete(run));
    queue.inFlight.add(run);
  }, delayMs);
  queue.timers.set(timer, Date.now() + delayMs);
}

/**
 * The local runtime's side: `consumer` receives every message sent to the
 * queue named by `envVar` (messages sent before it registered wait for it).
 * Returns how to stop: pending deliveries are dropped, running ones awaited.
 */
export function registerLocalQueueConsumer(envVar: string, consumer: LocalConsumer) {
  const queue = localQueue(envVar);
  queue.consumer = consumer;
  for (const body of queue.waiting.splice(0)) deliverLocally(queue, body, 0);
  return {
    /**
     * Resolves once nothing is being delivered or due within `horizonMs` (tests wait for a queue
     * to drain; delayed clean-ups, due minutes later, do not hold them).
     */
    async idle(horizonMs = 5_000): Promise<void> {
      const soon = () => [...queue.timers.values()].some((due) => due <= Date.now() + horizonMs);
      while (queue.inFlight.size > 0 || soon()) {
        await Promise.all([...queue.inFlight]);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    deadLetters: () => [...queue.deadLetters],
    async stop(): Promise<void> {
      for (const timer of queue.timers.keys()) clearTimeout(timer);
      queue.timers.clear();
      queue.consumer = undefined;
      await Promise.all([...queue.inFlight]);
    },
  };
}

let sqs: SQSClient | undefined;

/**
 * The queue named by `envVar`: SQS when the variable holds a URL (deployed),
 * otherwise the local in-process queue of that name.
 */
export function queueFromEnv(envVar: string): MessageQueue {
  const url = getOptionalStringFromEnv(envVar);
  if (url) {
    return {
      async send(message, options) {
        // The SDK module and client at the first message, not at import (decision 0026).
        const sdk = await import('@aws-sdk/client-sqs');
        sqs ??= new sdk.SQSClient({ maxAttempts: 5 });
        await sqs.send(
          new sdk.SendMessageCommand({
            QueueUrl: url,
            MessageBody: JSON.stringify(message),
            ...(options?.delaySeconds
              ? { DelaySeconds: Math.min(options.delaySeconds, maxDelaySeconds) }
              : {}),
          }),
        );
      },
    };
  }
  const queue = localQueue(envVar);
  return {
    async send(message, options) {
      deliverLocally(
        queue,
        JSON.stringify(message),
        Math.min(options?.delaySeconds ?? 0, maxDelaySeconds) * 1000,
      );
    },
  };
}
