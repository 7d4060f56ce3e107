import { createHmac } from 'node:crypto';

/** A print code is valid 24 h from its creation. */
export const printCodeValidityMs = 24 * 3600_000;

/**
 * The `attempt`-th code a print-code request tries (decision 0015): six digits
 * (leading zeros kept) from an HMAC of its operation id under a server key. Unpredictable to anyone
 * without the key, like a random code; the same for every retry of the request,
 * so a retry walks the same codes and finds the one its first attempt claimed
 * instead of handing out a second.
 */
export function candidatePrintCode(key: Uint8Array, operationId: string, attempt: number): string {
  const digest = createHmac('sha256', key).update(`print-code\u0000${operationId}\u0000${attempt}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

export function printCodeExpiry(now: Date): Date {
  return new Date(now.getTime() + printCodeValidityMs);
}

/** Live means unused and not yet expired; the expiry instant itself is already too late. */
export function isLive(code: { used: boolean; expiresAt: string }, now: Date): boolean {
  return !code.used && Date.parse(code.expiresAt) > now.getTime();
}
