import { chinaYear, type SessionUser } from '@hongjia/shared';
import type { AccessChecks } from '../../commons/access';
import type { InstitutionEntity } from '../entities';
import type { KnownOperatorEntity } from '../programmes/entities';
import { districtFigures } from './figures';

/**
 * District figures for staff: one Query per district on its published
 * institutions (gsi3, `status` prefix) and one on its known operators — never a table scan. District staff
 * get their own district, city staff all nine.
 */
export function createChildcareStats(deps: {
  institutions: InstitutionEntity;
  access: AccessChecks;
  /** The known-operator list (登记备案率); without it the rate counts filings only. */
  operators?: KnownOperatorEntity;
}) {
  return {
    async figures(caller: SessionUser, query: { year?: number | undefined }, now: Date) {
      const jurisdiction = await deps.access.staffJurisdiction(caller);
      const year = query.year ?? chinaYear(now);
      const items = await Promise.all(
        jurisdiction.districts.map(async (district) => {
          const [published, listed] = await Promise.all([
            deps.institutions.query.byDistrict({ district, status: 'published' }).go({
              pages: 'all',
              attributes: ['affordable', 'classes', 'publishedAt', 'affordablePlaces', 'creditCode'],
            }),
            deps.operators
              ? deps.operators.query.byDistrict({ district }).go({ pages: 'all', attributes: ['creditCode'] })
              : { data: [] },
          ]);
          return districtFigures(
            district,
            published.data,
            year,
            listed.data.map((item) => item.creditCode),
          );
        }),
      );
      return { year, items };
    },
  };
}
