import type { AssistanceRequestView } from '@hongjia/shared';
import type { PiiCipher } from '../commons/pii';
import type { AssistanceRequestItem } from '../families/entities';
import { isOverdue } from './rules';

/** Fields the description and notes are sealed under (bound into the ciphertext). */
export const sealedFields = { description: 'assistance.description', note: 'assistance.note' } as const;

/**
 * What the family and the staff both see. The description and notes are
 * opened here (they are the point of the request); no user ids leave.
 */
export async function toView(
  item: AssistanceRequestItem,
  cipher: PiiCipher,
  now: Date,
): Promise<AssistanceRequestView> {
  const events = await Promise.all(
    item.events.map(async (event) => ({
      kind: event.kind,
      at: event.at,
      byName: event.byName,
      ...(event.noteSealed ? { note: await cipher.open(event.noteSealed, sealedFields.note) } : {}),
    })),
  );
  return {
    id: item.requestId,
    familyId: item.familyId,
    district: item.district,
    category: item.category,
    description: await cipher.open(item.descriptionSealed, sealedFields.description),
    urgency: item.urgency,
    status: item.status,
    createdAt: item.createdAt,
    dueAt: item.dueAt,
    ...(item.firstRespondedAt ? { firstRespondedAt: item.firstRespondedAt } : {}),
    overdue: isOverdue(item, now),
    ...(item.contactPersonName ? { contactPersonName: item.contactPersonName } : {}),
    filedBy: {
      mode: item.filedByMode,
      name: item.filedByName,
      ...(item.consentBy ? { consentBy: item.consentBy } : {}),
      ...(item.consentAt ? { consentAt: item.consentAt } : {}),
    },
    familyLabel: item.familyLabel,
    events,
    version: item.version,
  };
}
