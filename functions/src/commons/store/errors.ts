/**
 * What the entity layer throws. A failure of the store itself keeps the SDK's error as `cause`,
 * as ElectroDB did, so `isConditionFailure` (guards.ts) and the tests' crash detection, which
 * walk the cause chain, read it the same way.
 */
export class StoreError extends Error {
  override name = 'StoreError';
}

export function fromClient(error: unknown): StoreError {
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError(`Error thrown by DynamoDB client: "${message}"`, { cause: error });
}
