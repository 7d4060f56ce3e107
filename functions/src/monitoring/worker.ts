import { randomBytes } from 'node:crypto';
import { logger } from '../commons/logger';
import type { CounterKey, CounterStore } from './counters';
import type { MonitoringEntities } from './entities';
import { type ImportRunDeps, runImport } from './import-run';
import type { MonitoringMessage } from './messages';
import { type RegistrationMatchingDeps, runRegistrationMatching } from './registration-matching';

export type WorkerDeps = ImportRunDeps &
  RegistrationMatchingDeps & { counters: CounterStore; entities: MonitoringEntities };

/**
 * Handles one message of the monitoring queue. Throws only for what a
 * delivery again can fix (a store error): SQS then redelivers the message
 * after its visibility timeout, up to the DLQ. `remainingMs` is the
 * invocation's time left (Lambda's getRemainingTimeInMillis).
 */
export async function handleMonitoringMessage(
  deps: WorkerDeps,
  message: MonitoringMessage,
  remainingMs: () => number,
): Promise<void> {
  const runId = randomBytes(8).toString('hex');
  switch (message.kind) {
    case 'import': {
      const outcome = await runImport(deps, message.importId, { runId, remainingMs });
      logger.info('import run', { importId: message.importId, outcome });
      return;
    }
    case 'registration': {
      const outcome = await runRegistrationMatching(deps, message.registrationId, runId);
      // A run in progress elsewhere finishes the job; one that died is resumed by its own redelivery.
      logger.info('registration matching', { registrationId: message.registrationId, outcome });
      return;
    }
    case 'prune': {
      for (const key of message.counterKeys) {
        await deps.counters.forget(key as CounterKey, message.writer, message.step);
      }
      if (message.importId) {
        await deps.entities.imports
          .patch({ importId: message.importId })
          .set({ prunedAt: deps.clock().toISOString() })
          .go();
      }
      return;
    }
  }
}

export function parseMonitoringMessage(body: string): MonitoringMessage | undefined {
  try {
    const message = JSON.parse(body) as MonitoringMessage;
    return ['import', 'registration', 'prune'].includes(message?.kind) ? message : undefined;
  } catch {
    return undefined;
  }
}
