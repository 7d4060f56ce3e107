/**
 * A UUID-v4-shaped random key for `Idempotency-Key`. WeChat has no `crypto.randomUUID`, and the
 * key only needs to be unique per attempt, not secret, so Math.random and the clock suffice.
 */
export function newIdempotencyKey(now: number = Date.now()): string {
  const time = now.toString(16).padStart(12, '0').slice(-12);
  const random = (length: number) =>
    Array.from({ length }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  const variant = ((Math.floor(Math.random() * 4) + 8) as number).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-4${random(3)}-${variant}${random(3)}-${random(12)}`;
}
