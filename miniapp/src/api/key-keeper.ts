import { newIdempotencyKey } from './idempotency';

/**
 * One Idempotency-Key per distinct request body of a form. A second tap or a retry after a
 * timeout sends the same body with the same key, so the server replays the first answer instead
 * of booking twice; an edited body gets a new key (same key + another body would be a 422).
 */
export function createKeyKeeper(newKey: () => string = () => newIdempotencyKey()) {
  let last: { body: string; key: string } | undefined;
  return {
    keyFor(body: unknown): string {
      const text = JSON.stringify(body);
      if (!last || last.body !== text) last = { body: text, key: newKey() };
      return last.key;
    },
  };
}
