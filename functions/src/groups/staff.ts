import { createFilingReviewRoutes } from '../childcare/filing/routes';
import { filingEntities, rootFromEnv, serve } from '../root';

/**
 * The staff function group: review filings of the caller's jurisdiction and
 * the conflicts over their credit codes (decision 0013), district figures.
 */
const root = rootFromEnv({}, filingEntities);

export const handler = serve(root, createFilingReviewRoutes(root));
