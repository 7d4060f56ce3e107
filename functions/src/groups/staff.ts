import { createFilingReviewRoutes } from '../childcare/filing/routes';
import { createStaffProgrammeRoutes } from '../childcare/programmes/routes';
import { filingEntities, programmeEntities, rootFromEnv, serve } from '../root';

/**
 * The staff function group: review filings of the caller's jurisdiction and
 * the conflicts over their credit codes (decision 0013), district figures;
 * 普惠 applications, 示范机构, inspections and the known-operator list (decision 0034).
 */
const root = rootFromEnv({}, filingEntities, programmeEntities);

export const handler = serve(root, [...createFilingReviewRoutes(root), ...createStaffProgrammeRoutes(root)]);
