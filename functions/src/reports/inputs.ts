import type { DistrictCode, Indicators, ReconciliationKind } from '@hongjia/shared';

/** One year of a report: the indicators (from the counters) and the open reconciliation gaps. */
export interface ReportYear {
  year: number;
  indicators: Indicators;
  /** Open gaps per kind, summed over the year's months (reconciliation.list's counts). */
  gaps: Record<ReconciliationKind, number>;
}

/** One district's line in the city report. */
export interface DistrictLine {
  code: DistrictCode;
  name: string;
  current: Pick<Indicators, 'births' | 'sexRatio' | 'registrationCoverage'>;
  previous: Pick<Indicators, 'births' | 'sexRatio' | 'registrationCoverage'>;
}

/**
 * Everything a report shows, read before anything is drawn. Its hash is the
 * report's data version (cache key): the same inputs render the same document.
 */
export interface ReportInputs {
  /** null: the city report. */
  district: DistrictCode | null;
  /** 南昌市 or the district's name. */
  areaName: string;
  current: ReportYear;
  previous: ReportYear;
  /** The city report only: every district. */
  districts: DistrictLine[];
}
