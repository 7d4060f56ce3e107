import { createRequire } from 'node:module';

/**
 * The runtime's AWS SDK modules, each loaded at its first use and kept (issue 13, decision 0026).
 * Importing a function group evaluates none of them: the DynamoDB document client alone took
 * ≈ 110–120 ms to import, more than the whole cold-import budget, and every group paid it
 * before it could answer even a 400 or a 401.
 *
 * Loaded with `require`, not `import()`: the first use is synchronous in places that cannot
 * wait (`new GetCommand(…)`, a test's `documentClient.middlewareStack.add(…)`), and `require`
 * is one cached load however many calls race to it. The SDK stays external to the bundle (the
 * Lambda runtime ships it; CommonJS resolution finds it through the runtime's NODE_PATH).
 */
const load = createRequire(import.meta.url);

type LibDynamodb = typeof import('@aws-sdk/lib-dynamodb');
type ClientDynamodb = typeof import('@aws-sdk/client-dynamodb');
type UtilDynamodb = typeof import('@aws-sdk/util-dynamodb');
type ClientS3 = typeof import('@aws-sdk/client-s3');
type S3RequestPresigner = typeof import('@aws-sdk/s3-request-presigner');

/** A module loaded at the first call, then the same module for every call. */
function atFirstUse<M>(id: string): () => M {
  let module: M | undefined;
  return () => {
    module ??= load(id) as M;
    return module;
  };
}

export const libDynamodb = atFirstUse<LibDynamodb>('@aws-sdk/lib-dynamodb');
export const clientDynamodb = atFirstUse<ClientDynamodb>('@aws-sdk/client-dynamodb');
export const utilDynamodb = atFirstUse<UtilDynamodb>('@aws-sdk/util-dynamodb');
export const clientS3 = atFirstUse<ClientS3>('@aws-sdk/client-s3');
export const s3RequestPresigner = atFirstUse<S3RequestPresigner>('@aws-sdk/s3-request-presigner');

type Class = abstract new (...args: never[]) => unknown;

/**
 * A stand-in for an SDK class (a command) whose module loads when the first instance is made:
 * `new GetCommand(input)` returns the SDK's own GetCommand, so any client takes it (the
 * process's lazy one, or one a test or the seed injects). Static reads and `instanceof` reach
 * the real class too.
 */
export function classAtFirstUse<C extends Class>(real: () => C): C {
  // A function target, so that `new` is allowed on the proxy; every trap answers from the real class.
  return new Proxy(function standIn() {} as unknown as C, {
    construct: (_target, args) =>
      Reflect.construct(real() as unknown as new (...a: unknown[]) => object, args),
    get: (_target, property) => Reflect.get(real(), property),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
