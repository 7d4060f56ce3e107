import { chinaYear, type SessionUser } from '@hongjia/shared';
import type { AccessChecks } from '../../commons/access';
import type { InstitutionEntity } from '../entities';
import { districtFigures } from './figures';

/**
 * District figures for staff: one Query per district on its published
 * institutions (gsi3, `status` prefix) — never a table scan. District staff
 * get their own district, city staff all nine.
 */
export function createChildcareStats(deps: { institutions: InstitutionEntity; access: AccessChecks }) {
  return {
    async figures(caller: SessionUser, query: { year?: number | undefined }, now: Date) {
      const jurisdiction = await deps.access.staffJurisdiction(caller);
      const year = query.year ?? chinaYear(now);
      const items = await Promise.all(
        jurisdiction.districts.map(async (district) => {
          const published = await deps.institutions.query
            .byDistrict({ district, status: 'published' })
            .go({ pages: 'all', attributes: ['affordable', 'classes', 'publishedAt'] });
          return districtFigures(district, published.data, year);
        }),
      );
      return { year, items };
    },
  };
}
