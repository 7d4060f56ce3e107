/**
 * Store faults for integration tests. The local runtime runs the deployed
 * handlers in this very process, so a middleware on the functions' one
 * DynamoDB document client sees every call they make. `failAfterWrite` lets a
 * matching write land and then throws, as a timeout after DynamoDB committed
 * would: the hardest case for "no lost and no doubled write on retry".
 * Import it only after the runtime started (the client reads its env on import).
 */
export interface FaultRule {
  /** The low-level command the document client sends, e.g. 'PutItemCommand' (ElectroDB's put and create). */
  command: StoreCommand;
  /** Only calls whose (marshalled) input matches, e.g. `pkStartsWith(…)`; all calls when absent. */
  matches?: (input: Record<string, unknown>) => boolean;
  /** `before`: the call never reaches the store; `after`: it lands, then the caller sees an error. */
  when: 'before' | 'after';
  /** How many matching calls fail; then the rule is spent. */
  times: number;
}

export async function injectFaults(rules: FaultRule[]) {
  const { documentClient } = await import('@hongjia/functions/commons/dynamo');
  const live = rules.map((rule) => ({ ...rule, left: rule.times }));
  const name = `test-faults-${Math.random().toString(36).slice(2)}`;
  let failed = 0;
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const input = (args.input ?? {}) as Record<string, unknown>;
      const rule = live.find(
        (r) => r.left > 0 && r.command === context.commandName && (!r.matches || r.matches(input)),
      );
      if (!rule) return next(args);
      rule.left--;
      failed++;
      const fault = Object.assign(new Error('Injected store fault'), {
        name: 'InjectedFault',
        $retryable: undefined,
      });
      if (rule.when === 'before') throw fault;
      await next(args);
      throw fault;
    },
    { step: 'initialize', name, override: true },
  );
  return {
    /** How many calls the rules failed so far. */
    failed: () => failed,
    remove: () => documentClient.middlewareStack.remove(name),
  };
}

/**
 * Matches a call whose item or key has a `pk` starting with `prefix` (ElectroDB's `$hongjia#…` keys).
 * At the `initialize` step the document client has not marshalled yet, so `pk` is a plain string;
 * a call sent with the low-level client carries `{S: …}`.
 */
export function pkStartsWith(prefix: string) {
  return (input: Record<string, unknown>) => {
    const item = (input.Item ?? input.Key) as { pk?: string | { S?: unknown } } | undefined;
    const pk = typeof item?.pk === 'string' ? item.pk : item?.pk?.S;
    return typeof pk === 'string' && pk.startsWith(prefix);
  };
}

/** The DynamoDB commands behind the document client (one middleware stack serves both). */
export type StoreCommand =
  | 'PutItemCommand'
  | 'UpdateItemCommand'
  | 'DeleteItemCommand'
  | 'GetItemCommand'
  | 'QueryCommand'
  | 'BatchGetItemCommand'
  | 'BatchWriteItemCommand';

/** What a random store fault looks like to the caller. */
export type FaultKind = 'throttle' | 'timeout' | 'failAfterWrite';

const writeCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
]);

/**
 * Faults at a rate (issue 12, the proof): each store call fails with
 * probability `rate`, as one of `kinds` picked at random:
 * - `throttle`: ProvisionedThroughputExceededException, the call never reached the store;
 * - `timeout`: a TimeoutError before the store saw it;
 * - `failAfterWrite`: a write lands, then the caller sees a timeout (reads fail before).
 * Injected above the SDK's own retries, so the functions see every fault and
 * their clients must retry with their Idempotency-Key. `random` makes a run
 * repeatable (fast-check or a seeded generator); `matches` narrows the calls.
 */
export async function injectFaultRate(options: {
  rate: number;
  kinds?: readonly FaultKind[];
  random?: () => number;
  matches?: (command: string, input: Record<string, unknown>) => boolean;
}) {
  const { documentClient } = await import('@hongjia/functions/commons/dynamo');
  const kinds = options.kinds ?? ['throttle', 'timeout', 'failAfterWrite'];
  const random = options.random ?? Math.random;
  const name = `test-fault-rate-${Math.random().toString(36).slice(2)}`;
  const counts: Record<FaultKind, number> & { calls: number } = {
    calls: 0,
    throttle: 0,
    timeout: 0,
    failAfterWrite: 0,
  };
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      const input = (args.input ?? {}) as Record<string, unknown>;
      counts.calls++;
      if (options.matches && !options.matches(command, input)) return next(args);
      if (random() >= options.rate) return next(args);
      const kind = kinds[Math.floor(random() * kinds.length)] as FaultKind;
      counts[kind]++;
      if (kind === 'throttle') {
        throw Object.assign(
          new Error('Injected: the level of configured provisioned throughput was exceeded'),
          {
            name: 'ProvisionedThroughputExceededException',
            $fault: 'client',
          },
        );
      }
      const timeout = Object.assign(new Error('Injected: connection timed out'), { name: 'TimeoutError' });
      if (kind === 'failAfterWrite' && writeCommands.has(command)) await next(args);
      throw timeout;
    },
    { step: 'initialize', name, override: true },
  );
  return {
    counts: () => ({ ...counts }),
    remove: () => documentClient.middlewareStack.remove(name),
  };
}
