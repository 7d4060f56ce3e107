import { getOptionalStringFromEnv } from '../commons/env';

/**
 * Tunables of the certificates group, read once. The abuse limits (verify,
 * print-code redeem) are in commons/limits.ts with all the others.
 */
function positiveInt(name: string, fallback: number): number {
  const raw = getOptionalStringFromEnv(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

export const certificateConfig = {
  printCodesPerDay: positiveInt('PRINT_CODES_PER_DAY', 5),
};
