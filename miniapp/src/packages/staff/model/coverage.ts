import type { CoverageResponse, DistrictCode } from '@hongjia/shared';
import { formatShare } from '../../../lib/format';
import { districtName, type Lacking, lackingNames } from './labels';

type Figures = Omit<CoverageResponse['byDistrict'][number], 'district'>;

/** One cell of the coverage table: the count and its share of the families, e.g. `12（80.0%）`. */
export interface CoverageCell {
  count: number;
  share: number;
  text: string;
}

export interface CoverageRow {
  key: string;
  name: string;
  families: number;
  contactPerson: CoverageCell;
  familyDoctor: CoverageCell;
  greenChannel: CoverageCell;
  fullyCovered: CoverageCell;
  total: boolean;
}

/** count / families; a district with no families counts as covered (nothing is missing). */
export function share(count: number, families: number): number {
  return families > 0 ? count / families : 1;
}

export function cell(count: number, families: number): CoverageCell {
  const s = share(count, families);
  return { count, share: s, text: `${count}（${formatShare(s)}）` };
}

function row(key: string, name: string, f: Figures, total: boolean): CoverageRow {
  return {
    key,
    name,
    families: f.families,
    contactPerson: cell(f.withContactPerson, f.families),
    familyDoctor: cell(f.withFamilyDoctor, f.families),
    greenChannel: cell(f.withGreenChannel, f.families),
    fullyCovered: cell(f.fullyCovered, f.families),
    total,
  };
}

/** A row per district, then a 合计 row when the answer spans more than one district. */
export function coverageRows(coverage: CoverageResponse): CoverageRow[] {
  const rows = coverage.byDistrict.map((d) => row(d.district, districtName(d.district), d, false));
  if (rows.length > 1) rows.push(row('total', '合计', coverage, true));
  return rows;
}

/** The three shares of the whole answer, as bars against the 100% target of 三个全覆盖. */
export function coverageBars(coverage: CoverageResponse) {
  return (['contactPerson', 'familyDoctor', 'greenChannel'] as const).map((key) => {
    const s = share(
      {
        contactPerson: coverage.withContactPerson,
        familyDoctor: coverage.withFamilyDoctor,
        greenChannel: coverage.withGreenChannel,
      }[key],
      coverage.families,
    );
    return { key, label: lackingNames[key], value: s, text: formatShare(s) };
  });
}

export interface LackingSection {
  key: Lacking | 'criticalIllnessCover';
  title: string;
  families: Array<{ id: string; district: DistrictCode; label: string }>;
}

export function lackingSections(coverage: CoverageResponse): LackingSection[] {
  return (['contactPerson', 'familyDoctor', 'greenChannel'] as const).map((key) => ({
    key,
    title: `缺${lackingNames[key]}（${coverage.lacking[key].length} 户）`,
    families: coverage.lacking[key],
  }));
}

/**
 * 重大疾病综合商业保险 (decision 0033): the families with no cover in force today, beside 三个全覆盖
 * and not part of it. The API answers the count and the list already.
 */
export function uninsuredSection(coverage: CoverageResponse): LackingSection & { covered: CoverageCell } {
  const families = coverage.lacking.criticalIllnessCover;
  return {
    key: 'criticalIllnessCover',
    title: `未参加重大疾病综合商业保险（${families.length} 户）`,
    families,
    covered: cell(coverage.withCriticalIllnessCover, coverage.families),
  };
}
