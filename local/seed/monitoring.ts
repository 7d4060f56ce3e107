import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { documentClient, mainTableName } from '@hongjia/functions/commons/dynamo';
import { piiCipher } from '@hongjia/functions/commons/pii/index';
import type { MessageQueue } from '@hongjia/functions/commons/queue';
import { s3Client, uploadBucketName } from '@hongjia/functions/commons/s3';
import { userIdForOpenid } from '@hongjia/functions/commons/users';
import type { MonitoringMessage } from '@hongjia/functions/monitoring/messages';
import { hashPurposes } from '@hongjia/functions/monitoring/record-builder';
import {
  monitoringServices,
  monitoringWorkerDeps,
  registrationMonitoringHook,
  s3ImportFiles,
} from '@hongjia/functions/monitoring/wiring';
import { handleMonitoringMessage } from '@hongjia/functions/monitoring/worker';
import { createRoot } from '@hongjia/functions/root';
import { createUploadEntity } from '@hongjia/functions/uploads/entity';
import { type MonitoringSource, maskIdNumber, type SessionUser } from '@hongjia/shared';
import { demoBirthsPerDistrict, planMonitoringFiles } from './monitoring-files';

export { demoBirthsPerDistrict };

/** Certificates and vaccinations after the deliveries, so each closes the gap its delivery opened. */
const importOrder: MonitoringSource[] = [
  'hospital_delivery',
  'birth_certificate',
  'vaccination',
  'household_migration',
];

/**
 * A year of monitoring data per district, imported THROUGH the real import
 * path (decision 0020): each file is an upload of the district's staff
 * account, the import is created by the imports service and run by the
 * worker's own message handler, so counters, markers and gaps are exactly
 * what an import over HTTP would leave. The registrations the deliveries are
 * matched against go in through the registration hook first (approved
 * 生育登记 facts; no registration items — the demo's own registrations are
 * the registration seed's). About 15 s on an idle machine at the default size. Messages the services send are handled here in
 * order instead of on the local queue, which has no consumer yet at seeding.
 */
export async function seedMonitoring(now: Date, perDistrict = demoBirthsPerDistrict) {
  const table = mainTableName();
  const cipher = await piiCipher();
  const pending: MonitoringMessage[] = [];
  const queue: MessageQueue = {
    async send(message) {
      pending.push(message as MonitoringMessage);
    },
  };
  const root = createRoot({ client: documentClient, table, queue, clock: () => now });
  const deps = monitoringWorkerDeps(root, { cipher, files: s3ImportFiles(s3Client, uploadBucketName()) });
  const drain = async () => {
    // Prunes are sent delayed past any run of their writer; here every run has ended, so they run last.
    while (pending.length > 0) {
      const message = pending.shift() as MonitoringMessage;
      await handleMonitoringMessage(deps, message, () => 300_000);
    }
  };

  const plan = planMonitoringFiles(now, perDistrict);
  const hook = registrationMonitoringHook(root);
  for (const registration of plan.registrations) {
    await hook.changed(
      {
        registrationId: registration.registrationId,
        receiptNo: registration.receiptNo,
        motherIdHash: cipher.lookupHash(registration.motherIdNumber, hashPurposes.idNumber),
        motherIdMasked: maskIdNumber(registration.motherIdNumber),
        jurisdiction: registration.district,
        pregnancyDate: registration.expectedDueDate,
        expectedDueDate: registration.expectedDueDate,
        status: 'approved',
        version: 1,
      },
      now,
    );
  }
  // A matching job of a registration whose deliveries are not imported yet finds none to link;
  // the import links them itself (source matching), so only the registrations that will never
  // see a delivery are matched now, to open their 逾期未见分娩 item. The same outcome as running
  // every job, at a fraction of the start-up time.
  const overdue = new Set(plan.registrations.filter((r) => !r.delivered).map((r) => r.registrationId));
  const matchingJobs = pending.splice(0);
  pending.push(
    ...matchingJobs.filter(
      (message) => message.kind === 'registration' && overdue.has(message.registrationId),
    ),
  );
  await drain();

  const { imports } = monitoringServices(root, cipher);
  const uploads = createUploadEntity(documentClient, table);
  let rows = 0;
  for (const source of importOrder) {
    for (const file of plan.files[source]) {
      // The district's staff account as the router would admit it (its stored district decides).
      const caller: SessionUser = {
        id: userIdForOpenid(`staff-${file.district}`),
        roles: ['staff'],
        district: file.district,
      };
      const body = Buffer.from(file.csv, 'utf8');
      const uploadId = `upl_seedmon_${source}_${file.district}`;
      const key = `imports/${uploadId}`;
      await s3Client.send(
        new PutObjectCommand({ Bucket: uploadBucketName(), Key: key, Body: body, ContentType: 'text/csv' }),
      );
      await uploads
        .put({
          uploadId,
          userId: caller.id,
          fileName: `${source}-${file.district}.csv`,
          contentType: 'text/csv',
          size: body.length,
          sha256: createHash('sha256').update(body).digest('base64'),
          key,
          status: 'pending',
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
        })
        .go();
      const operationId = createHash('sha256')
        .update(`seed-monitoring:${uploadId}`)
        .digest('hex')
        .slice(0, 20);
      await imports.create(caller, { source, uploadId }, now, operationId);
      await drain();
      rows += file.rows;
    }
  }
  return { rows, registrations: plan.registrations.length };
}
