import { childAgeMonths } from '@hongjia/shared/articles/select';
import { ageMonthsLabel, libraryMonths } from '@hongjia/shared/articles/topics';

/**
 * The children 科学育儿 can read for, from the family's own records only (decision 0036): a
 * 育儿补贴 application's child, a booking's child, the children a 生育登记 lists. Nothing is
 * asked and nothing is sent: the page computes the age here and asks the library by months.
 */
export interface KnownChild {
  /** YYYY-MM-DD */
  birthDate: string;
  /** What the family recognises it by: the name as the record shows it (masked or not). */
  name: string;
  months: number;
}

export interface ChildRecord {
  birthDate: string;
  name: string;
}

/** Children of 0–35 months on `today`, each birth date once, the youngest first. */
export function childrenUnderThree(records: readonly ChildRecord[], today: string): KnownChild[] {
  const byDate = new Map<string, KnownChild>();
  for (const record of records) {
    if (byDate.has(record.birthDate)) continue;
    const months = childAgeMonths(record.birthDate, today);
    if (months < 0 || months >= libraryMonths) continue;
    byDate.set(record.birthDate, { birthDate: record.birthDate, name: record.name, months });
  }
  return [...byDate.values()].sort((a, b) => a.months - b.months);
}

/** The age picker when no record names a child: every month from birth to 2岁11个月. */
export const ageChoices: readonly { months: number; text: string }[] = Array.from(
  { length: libraryMonths },
  (_, months) => ({ months, text: ageMonthsLabel(months) }),
);

export { ageMonthsLabel };
