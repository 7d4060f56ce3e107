import { getOptionalStringFromEnv } from '../commons/env';

/**
 * Tunables of the certificates group, read once. The verify limit is per
 * client address and minute; the bench raises it (its load comes from one
 * address), production keeps the default.
 */
function positiveInt(name: string, fallback: number): number {
  const raw = getOptionalStringFromEnv(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

export const certificateConfig = {
  verifyPerMinute: positiveInt('VERIFY_RATE_LIMIT_PER_MINUTE', 30),
  printCodesPerDay: positiveInt('PRINT_CODES_PER_DAY', 5),
};
