import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * How many DynamoDB round trips a request waits for (issue 13): calls are
 * recorded by a client middleware, and calls that overlap in time count as one
 * round (they were sent together). Counted, not timed: the figure is the same
 * on a loaded machine. Shared by the booking and verify round-trip tests.
 */
export type Call = { command: string; start: number; end: number };

/** A document client on `endpoint` that appends every call it makes to `calls`. */
export function countingClient(endpoint: string, calls: Call[]) {
  const client = new DynamoDBClient({ endpoint, region: process.env.AWS_REGION ?? 'cn-northwest-1' });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const call: Call = { command: String(context.commandName), start: performance.now(), end: 0 };
      try {
        return await next(args);
      } finally {
        call.end = performance.now();
        calls.push(call);
      }
    },
    { step: 'initialize', name: 'countRoundTrips' },
  );
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** Rounds on the critical path: a call that starts after every earlier call ended begins a new one. */
export function roundTrips(recorded: readonly Call[]): number {
  let rounds = 0;
  let frontier = Number.NEGATIVE_INFINITY;
  for (const call of [...recorded].sort((a, b) => a.start - b.start)) {
    if (call.start >= frontier) {
      rounds++;
      frontier = call.end;
    } else frontier = Math.max(frontier, call.end);
  }
  return rounds;
}
