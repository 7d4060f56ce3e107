import * as api from '@hongjia/shared/api/routes';
import { documentClient, mainTableName } from '../commons/dynamo';
import { createHttpHandler, implement } from '../commons/router';
import { s3Client, uploadBucketName } from '../commons/s3';
import { reportServices } from '../reports/wiring';

const reports = reportServices({
  client: documentClient,
  table: mainTableName(),
  s3: s3Client,
  bucket: uploadBucketName(),
});

/**
 * The reports group: the situation report as a PDF or HTML document. Its own
 * function so the CJK font, pdfkit and ECharts stay out of every other bundle.
 */
export const handler = createHttpHandler([
  implement(api.monitoringReport, ({ caller, query, now }) => reports.report(caller, query, now)),
]);
