import { isConditionFailure } from './guards';

export type Once<T> = { item: T; created: true } | { item: T; created: false };

/**
 * Exactly once under retries (docs/decisions/0015): the record a request
 * creates is named from the router's operation id (`newId(prefix,
 * ctx.operationId)`) and created conditionally. When the create finds it
 * already there, an earlier attempt of the same request wrote it and then
 * failed (Powertools keeps no answer for a failure, so the client's retry
 * runs again): the stored record comes back, and the caller finishes the side
 * effects from it and answers as the first attempt would have.
 */
export async function createOnce<T>(
  fresh: T,
  create: (item: T) => Promise<unknown>,
  stored: () => Promise<T | undefined>,
): Promise<Once<T>> {
  try {
    await create(fresh);
    return { item: fresh, created: true };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const item = await stored();
  // A condition failure with nothing stored: deleted in between. Not ours to guess; the client retries.
  if (item === undefined) throw new Error('createOnce: conditional create failed and nothing is stored');
  return { item, created: false };
}
