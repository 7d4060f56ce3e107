import { ageInYears } from '../identity/id-number';
import type { DeliveryRow, MigrationRow } from './rows';

/**
 * The figures kept per district and month (the counter item of a
 * district-month holds one number per field). Everything an indicator shows
 * is a sum of these over months and districts, or a ratio of such sums
 * computed on read: shares and coverage are never stored, so they cannot
 * drift from their parts.
 */
export const counterFields = [
  'births',
  'boys',
  'girls',
  'parity1',
  'parity2',
  'parity3',
  'parity4plus',
  'ageUnder20',
  'age20to24',
  'age25to29',
  'age30to34',
  'age35to39',
  'age40plus',
  /** Deliveries matched to an approved 生育登记 of the mother. */
  'registered',
  /** Birth weights outside the atypical band below (a data-quality flag, not a refusal). */
  'weightAtypical',
  'migrationIn',
  'migrationOut',
] as const;
export type CounterField = (typeof counterFields)[number];
export type Figures = Record<CounterField, number>;

export const emptyFigures = (): Figures =>
  Object.fromEntries(counterFields.map((field) => [field, 0])) as Figures;

export function addFigures(into: Figures, delta: Partial<Figures>): Figures {
  for (const field of counterFields) into[field] += delta[field] ?? 0;
  return into;
}

/** Mothers' age groups at delivery (from the birth date in her ID number). */
export const motherAgeGroups = [
  { field: 'ageUnder20', label: '20岁以下', min: 0, max: 19 },
  { field: 'age20to24', label: '20–24岁', min: 20, max: 24 },
  { field: 'age25to29', label: '25–29岁', min: 25, max: 29 },
  { field: 'age30to34', label: '30–34岁', min: 30, max: 34 },
  { field: 'age35to39', label: '35–39岁', min: 35, max: 39 },
  { field: 'age40plus', label: '40岁及以上', min: 40, max: 200 },
] as const satisfies readonly { field: CounterField; label: string; min: number; max: number }[];

export const parityGroups = [
  { field: 'parity1', label: '一孩', parity: 1 },
  { field: 'parity2', label: '二孩', parity: 2 },
  { field: 'parity3', label: '三孩', parity: 3 },
  { field: 'parity4plus', label: '四孩及以上', parity: 4 },
] as const satisfies readonly { field: CounterField; label: string; parity: number }[];

/** Plausible but unusual birth weights (grams): counted for the quality flag, still accepted. */
export const atypicalWeight = { below: 1000, above: 5000 } as const;

/**
 * What one delivery adds to its district-month. `registered` says whether it
 * is matched to a registration when it is counted (a later match adds
 * `{registered: 1}` on its own, see the registration matching).
 */
export function deliveryFigures(
  row: Pick<DeliveryRow, 'childSex' | 'parity' | 'birthWeightG' | 'motherBirthDate' | 'deliveryDate'>,
  registered: boolean,
): Partial<Figures> {
  const age = ageInYears(row.motherBirthDate, row.deliveryDate);
  const ageGroup =
    motherAgeGroups.find((group) => age >= group.min && age <= group.max) ?? motherAgeGroups[5];
  const parityGroup =
    parityGroups.find((group) => group.parity === Math.min(row.parity, 4)) ?? parityGroups[3];
  const figures: Partial<Figures> = {
    births: 1,
    [row.childSex === 'M' ? 'boys' : 'girls']: 1,
    [parityGroup.field]: 1,
    [ageGroup.field]: 1,
  };
  if (registered) figures.registered = 1;
  if (row.birthWeightG < atypicalWeight.below || row.birthWeightG > atypicalWeight.above)
    figures.weightAtypical = 1;
  return figures;
}

export function migrationFigures(row: Pick<MigrationRow, 'direction'>): Partial<Figures> {
  return row.direction === 'in' ? { migrationIn: 1 } : { migrationOut: 1 };
}

/** Boys per 100 girls, one decimal; null without girls. */
export function sexRatio(boys: number, girls: number): number | null {
  return girls > 0 ? Math.round((boys / girls) * 1000) / 10 : null;
}

/** A share with 4 decimals; null when there is nothing to share. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null;
}
