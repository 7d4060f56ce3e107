import { chinaDate, type DistrictCode, type SessionUser } from '@hongjia/shared';
import { type AccessChecks, districtsAsked } from '../commons/access';
import type { PiiCipher } from '../commons/pii';
import type { RecordAuditor } from './audit';
import { computeCoverage, lacksAHelper } from './coverage';
import type { FamilyEntities } from './entities';
import { familyLabel } from './membership';
import { openRecord } from './sealed-record';

export interface CoverageServiceDeps {
  entities: Pick<FamilyEntities, 'families'>;
  cipher: () => Promise<PiiCipher>;
  access: AccessChecks;
  auditor: RecordAuditor;
}

/**
 * 三个全覆盖 for one district or the caller's whole jurisdiction: one Query per
 * district (byDistrict), then the pure computation. The families named in the
 * lacking lists were shown to staff, so each gets a 'list' audit entry.
 */
export function createCoverageService(deps: CoverageServiceDeps) {
  const { entities, access, auditor } = deps;
  return {
    async coverage(caller: SessionUser, query: { district?: DistrictCode | undefined }, now: Date) {
      const jurisdiction = await access.staffJurisdiction(caller);
      const districts = districtsAsked(jurisdiction, query.district, '只能查看本县区的覆盖情况');
      const perDistrict = await Promise.all(
        districts.map(
          async (district) =>
            (await entities.families.query.byDistrict({ district }).go({ pages: 'all' })).data,
        ),
      );
      const families = perDistrict.flat();
      const today = chinaDate(now);
      // A lacking family is named by its kind (sealed): only those families' facts are opened.
      const cipher = await deps.cipher();
      const labels = new Map(
        await Promise.all(
          families
            .filter((f) => lacksAHelper(f, today))
            .map(async (f) => [f.familyId, familyLabel(await openRecord(cipher, f))] as const),
        ),
      );
      const answer = computeCoverage(
        families,
        districts,
        query.district,
        (f) => labels.get(f.familyId) ?? '',
        today,
      );
      const shown = Object.values(answer.lacking).flatMap((list) => list.map((f) => f.id));
      await auditor.record(shown, 'list', caller, now);
      return answer;
    },
  };
}
