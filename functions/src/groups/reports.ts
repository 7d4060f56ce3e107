import * as api from '@hongjia/shared/api/routes';
import { implement } from '../commons/router';
import { s3Client, uploadBucketName } from '../commons/s3';
import { reportServices } from '../reports/wiring';
import { monitoringEntities, rootFromEnv, serve } from '../root';

const root = rootFromEnv({}, monitoringEntities);
const reports = reportServices(root, { s3: s3Client, bucket: uploadBucketName() });

/**
 * The reports group: the situation report as a PDF or HTML document. Its own
 * function so the CJK font and the PDF writer stay out of every other bundle.
 */
export const handler = serve(root, [
  implement(api.monitoringReport, ({ caller, query, now }) => reports.report(caller, query, now)),
]);
