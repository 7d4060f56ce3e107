import { randomInt } from 'node:crypto';

/** A print code is valid 24 h from its creation. */
export const printCodeValidityMs = 24 * 3600_000;

/** Six random digits from the CSPRNG, leading zeros kept (000000–999999). */
export function newPrintCode(random: (max: number) => number = (max) => randomInt(max)): string {
  return String(random(1_000_000)).padStart(6, '0');
}

export function printCodeExpiry(now: Date): Date {
  return new Date(now.getTime() + printCodeValidityMs);
}

/** Live means unused and not yet expired; the expiry instant itself is already too late. */
export function isLive(code: { used: boolean; expiresAt: string }, now: Date): boolean {
  return !code.used && Date.parse(code.expiresAt) > now.getTime();
}
