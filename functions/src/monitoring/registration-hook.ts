import { isConditionFailure } from '../commons/guards';
import { logger } from '../commons/logger';
import type { MessageQueue } from '../commons/queue';
import type { RegistrationFactEntity } from './entities';
import type { MonitoringMessage } from './messages';

/**
 * The one thing the registration path calls to keep monitoring right when a
 * 生育登记 arrives after its delivery (or is voided): it records what
 * monitoring needs of the registration — no name, no number, the keyed hash
 * and masked copy the registration already holds — and queues its matching
 * job. The registration group needs for it only main-table writes and
 * sqs:SendMessage on the monitoring queue (decision 0020). It never throws:
 * the approval stands whatever happens here; a lost message leaves the fact
 * recorded, matched at the next approval or void of the same registration.
 */
export interface RegistrationForMonitoring {
  registrationId: string;
  receiptNo: string;
  motherIdHash: string;
  motherIdMasked: string;
  jurisdiction: import('@hongjia/shared').DistrictCode;
  pregnancyDate: string;
  expectedDueDate?: string;
  status: string;
  version: number;
}

export interface RegistrationMonitoringHook {
  changed(registration: RegistrationForMonitoring, now: Date): Promise<void>;
}

export function createRegistrationMonitoringHook(deps: {
  facts: RegistrationFactEntity;
  queue: MessageQueue;
  /** Lets index copies settle before matching (GSIs are eventually consistent on DynamoDB). */
  delaySeconds: number;
}): RegistrationMonitoringHook {
  return {
    async changed(registration, now) {
      if (registration.status !== 'approved' && registration.status !== 'voided') return;
      const fact = {
        registrationId: registration.registrationId,
        receiptNo: registration.receiptNo,
        motherIdHash: registration.motherIdHash,
        motherIdMasked: registration.motherIdMasked,
        district: registration.jurisdiction,
        pregnancyDate: registration.pregnancyDate,
        hasDueDate: registration.expectedDueDate !== undefined,
        status: registration.status,
        version: registration.version,
        updatedAt: now.toISOString(),
      } as const;
      try {
        try {
          await deps.facts.create(fact).go();
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
          const { registrationId, ...rest } = fact;
          await deps.facts
            .patch({ registrationId })
            .set(rest)
            .where((attr, op) => op.lt(attr.version, registration.version))
            .go()
            .catch((stale: unknown) => {
              if (!isConditionFailure(stale)) throw stale;
            });
        }
        const message: MonitoringMessage = {
          kind: 'registration',
          registrationId: registration.registrationId,
        };
        await deps.queue.send(message, { delaySeconds: deps.delaySeconds });
      } catch (error) {
        logger.error('monitoring could not note a registration', {
          registrationId: registration.registrationId,
          error,
        });
      }
    },
  };
}
