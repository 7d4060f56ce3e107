/**
 * The local runtime in a process of its own, so a test can kill it (SIGKILL,
 * nothing flushed) and start it again on the same data dir. Prints one JSON
 * line `{apiUrl, dynamoEndpoint}` once it serves.
 *
 * `HONGJIA_CRASH_ON` (optional) names the write after which the process kills
 * itself, the write having landed and its answer never sent (crashPoints).
 */
import { startLocalRuntime } from '../../../local/runtime';

type Input = Record<string, unknown>;

const crashPoints: Record<string, (command: string, input: Input) => boolean> = {
  /** Decision 0007 step 5: the first booking item that moves to `waitlisted`; the family never hears it. */
  'booking-waitlisted': (command, input) =>
    command === 'UpdateItemCommand' &&
    String((input.Key as { pk?: unknown } | undefined)?.pk ?? '').startsWith('$hongjia#bookingid_') &&
    Object.values((input.ExpressionAttributeValues ?? {}) as Input).includes('waitlisted'),
};

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: runtime-child.ts <dataDir>');
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

const runtime = await startLocalRuntime({ dataDir, port: 0 });

const crashOn = process.env.HONGJIA_CRASH_ON;
if (crashOn) {
  const matches = crashPoints[crashOn];
  if (!matches) throw new Error(`unknown crash point ${crashOn}`);
  const { documentClient } = await import('@hongjia/functions/commons/dynamo');
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const answer = await next(args);
      if (matches(context.commandName ?? '', (args.input ?? {}) as Input))
        process.kill(process.pid, 'SIGKILL');
      return answer;
    },
    { step: 'initialize', name: 'crash-point', override: true },
  );
}

process.stdout.write(
  `${JSON.stringify({ apiUrl: runtime.apiUrl, dynamoEndpoint: runtime.dynamoEndpoint })}\n`,
);
