import { AssistanceCategory, type AssistanceRequestView } from '@hongjia/shared';
import type { PiiCipher } from '../commons/pii';
import type { AssistanceRequestItem } from './entities';
import { eventCountOf, lastEventOf, type StoredEvent } from './records';
import { isOverdue } from './rules';

/** Fields a request's sealed values are bound to (the cipher's associated data). */
export const sealedFields = {
  description: 'assistance.description',
  note: 'assistance.note',
  category: 'assistance.category',
  familyLabel: 'assistance.familyLabel',
  contactPersonName: 'assistance.contactPersonName',
  filedByName: 'assistance.filedBy.name',
  consentBy: 'assistance.filedBy.consentBy',
  eventByName: 'assistance.event.byName',
  assignmentContact: 'assistance.assignment.contact',
  organisationContactName: 'assistance.organisation.contactName',
  organisationContactPhone: 'assistance.organisation.contactPhone',
} as const;

/** One event as the family and staff read it: the name and the note opened. */
export async function toEventView(event: StoredEvent, cipher: PiiCipher) {
  return {
    kind: event.kind,
    at: event.at,
    byName: await cipher.open(event.byNameSealed, sealedFields.eventByName),
    ...(event.noteSealed ? { note: await cipher.open(event.noteSealed, sealedFields.note) } : {}),
  };
}

/**
 * What the family and the staff both see: the newest event and the count (the
 * history is paged, GET /v1/assistance/requests/{id}/events). Everything sealed is opened here
 * (it is the point of the request, and a page is at most `limit` requests);
 * no user ids leave.
 */
export async function toView(
  item: AssistanceRequestItem,
  cipher: PiiCipher,
  now: Date,
): Promise<AssistanceRequestView> {
  const open = (sealed: string, field: keyof typeof sealedFields) => cipher.open(sealed, sealedFields[field]);
  const last = lastEventOf(item);
  const events = last ? [await toEventView(last, cipher)] : [];
  return {
    id: item.requestId,
    familyId: item.familyId,
    district: item.district,
    category: AssistanceCategory.parse(await open(item.categorySealed, 'category')),
    description: await open(item.descriptionSealed, 'description'),
    urgency: item.urgency,
    status: item.status,
    createdAt: item.createdAt,
    dueAt: item.dueAt,
    ...(item.firstRespondedAt ? { firstRespondedAt: item.firstRespondedAt } : {}),
    overdue: isOverdue(item, now),
    ...(item.contactPersonNameSealed
      ? { contactPersonName: await open(item.contactPersonNameSealed, 'contactPersonName') }
      : {}),
    filedBy: {
      mode: item.filedByMode,
      name: await open(item.filedByNameSealed, 'filedByName'),
      ...(item.consentBySealed ? { consentBy: await open(item.consentBySealed, 'consentBy') } : {}),
      ...(item.consentAt ? { consentAt: item.consentAt } : {}),
    },
    familyLabel: await open(item.familyLabelSealed, 'familyLabel'),
    events,
    eventCount: eventCountOf(item),
    version: item.version,
  };
}
