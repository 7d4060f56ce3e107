import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../commons/logger';
import { s3Client, uploadBucketName } from '../commons/s3';
import { monitoringWorkerDeps, s3ImportFiles } from '../monitoring/wiring';
import { handleMonitoringMessage, parseMonitoringMessage, type WorkerDeps } from '../monitoring/worker';
import { monitoringEntities, rootFromEnv } from '../root';

const root = rootFromEnv({}, monitoringEntities);

let deps: Promise<WorkerDeps> | undefined;

/**
 * The monitoring worker, triggered by its SQS queue (one message per
 * invocation, batch size 1): runs an import, a registration's matching job or
 * a prune. A message that fails is reported as a batch item failure, so SQS
 * delivers it again after the visibility timeout (and to the DLQ in the end);
 * an unreadable message is logged and dropped.
 */
export const handler = async (
  event: SQSEvent,
  context?: Pick<Context, 'getRemainingTimeInMillis'>,
): Promise<SQSBatchResponse> => {
  deps ??= root
    .cipher()
    .then((cipher) =>
      monitoringWorkerDeps(root, { cipher, files: s3ImportFiles(s3Client, uploadBucketName()) }),
    );
  const ready = await deps;
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const message = parseMonitoringMessage(record.body);
    if (!message) {
      logger.error('unreadable monitoring message dropped', { messageId: record.messageId });
      continue;
    }
    try {
      await handleMonitoringMessage(ready, message, () => context?.getRemainingTimeInMillis() ?? 60_000);
    } catch (error) {
      logger.error('monitoring message failed', { messageId: record.messageId, kind: message.kind, error });
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
};
