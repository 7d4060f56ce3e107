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
