/**
 * An AWS SDK client built at its first use, not when its module is imported (issue 13, decision
 * 0026): a function's cold start pays for the clients its first request needs, not for every
 * client its bundle can reach. The value stands in for the client everywhere: `send` is a
 * function from the start (so ElectroDB and Powertools, which look for it when they are set up
 * at import, take it for an SDK v3 client without building it); any other property (`config`,
 * `middlewareStack` — the tests' fault injection adds middleware there) builds the client and
 * reads it from there. Every use after the first reaches the same client.
 */
export function lazyClient<T extends object>(create: () => T): T {
  let client: T | undefined;
  const real = (): T => {
    client ??= create();
    return client;
  };
  const send = (...args: unknown[]) =>
    (real() as unknown as { send: (...a: unknown[]) => unknown }).send(...args);
  return new Proxy({} as T, {
    get(_target, property) {
      if (property === 'send') return send;
      const value = Reflect.get(real(), property);
      return typeof value === 'function' ? value.bind(real()) : value;
    },
    has: (_target, property) => property === 'send' || Reflect.has(real(), property),
    set: (_target, property, value) => Reflect.set(real(), property, value),
  });
}
