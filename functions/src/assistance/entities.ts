import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { districtCodes } from '@hongjia/shared';
import { Entity, type EntityItem } from '../commons/store/index';

/** Help requests of special families and their events (decision 0010), in the single table. */

/**
 * A help request. `queue` drives the staff lists: a district's requests by
 * status, earliest deadline first, so "overdue" is one Query with dueAt < now.
 * Everything that says who the family is or what it needs is sealed (the
 * category, the family's label, every name, the description and notes) and
 * opened for the page shown; no key or filter uses them.
 * - byId: the request (optimistic lock on `version`);
 * - byFamily (gsi1): the family's requests, newest first;
 * - byQueue (gsi2): (district, status) → dueAt.
 */
/** What one help-request event holds: its kind, time, who (sealed name and user) and the note (sealed). */
const eventProperties = {
  kind: { type: ['note', 'call', 'visit', 'resolved'] as const, required: true },
  at: { type: 'string', required: true },
  byNameSealed: { type: 'string', required: true },
  byUserId: { type: 'string', required: true },
  noteSealed: { type: 'string' },
} as const;

export function createAssistanceRequestEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'assistanceRequest', version: '1', service: 'hongjia' },
      attributes: {
        requestId: { type: 'string', required: true, readOnly: true },
        familyId: { type: 'string', required: true, readOnly: true },
        district: { type: districtCodes, required: true, readOnly: true },
        categorySealed: { type: 'string', required: true, readOnly: true },
        descriptionSealed: { type: 'string', required: true, readOnly: true },
        urgency: { type: ['normal', 'urgent'] as const, required: true, readOnly: true },
        status: { type: ['awaiting_response', 'in_progress', 'resolved'] as const, required: true },
        createdAt: { type: 'string', required: true, readOnly: true },
        dueAt: { type: 'string', required: true, readOnly: true },
        firstRespondedAt: { type: 'string' },
        contactPersonNameSealed: { type: 'string', readOnly: true },
        contactUserId: { type: 'string', readOnly: true },
        familyLabelSealed: { type: 'string', required: true, readOnly: true },
        filedByUserId: { type: 'string', required: true, readOnly: true },
        filedByMode: { type: ['self', 'proxy'] as const, required: true, readOnly: true },
        filedByNameSealed: { type: 'string', required: true, readOnly: true },
        consentBySealed: { type: 'string', readOnly: true },
        consentAt: { type: 'string', readOnly: true },
        /**
         * Before issue 12 every event sat in this list and the item grew without bound
         * (≈ 90 notes passed the 400 KB item limit). Read only from items written then;
         * the first event recorded on such an item moves them to their own items.
         */
        events: { type: 'list', items: { type: 'map', properties: eventProperties } },
        /** Events recorded (each its own `assistanceEvent` item, seq 1..eventCount). */
        eventCount: { type: 'number' },
        /**
         * The newest event whole: what the lists show, and the copy that repairs a
         * crash between this item's locked update and the event's own create.
         */
        lastEvent: { type: 'map', properties: eventProperties },
        /**
         * 社会组织 (decision 0035): the organisation the request is assigned to, when, the time of
         * the family's consent it rests on, and what the organisation may see of the family
         * (the consenting member's masked name and phone, sealed JSON).
         */
        assignedOrgId: { type: 'string' },
        assignedAt: { type: 'string' },
        assignmentConsentAt: { type: 'string' },
        /** Whose consent it rests on: withdrawn, the assignment ends for the organisation (decision 0040). */
        assignmentConsentUserId: { type: 'string' },
        assignmentContactSealed: { type: 'string' },
        version: { type: 'number', required: true },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['requestId'] },
          sk: { field: 'sk', composite: [] },
        },
        byFamily: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['familyId'] },
          sk: { field: 'gsi1sk', composite: ['createdAt', 'requestId'] },
        },
        byQueue: {
          index: 'gsi2',
          pk: { field: 'gsi2pk', composite: ['district', 'status'] },
          sk: { field: 'gsi2sk', composite: ['dueAt', 'requestId'] },
        },
      },
    },
    { client, table },
  );
}
export type AssistanceRequestEntity = ReturnType<typeof createAssistanceRequestEntity>;
export type AssistanceRequestItem = EntityItem<AssistanceRequestEntity>;

/**
 * One event of a help request (a call, a visit, a note, the resolution), its own
 * item in the request's partition, keyed by its sequence number and created
 * conditionally: the request item keeps only the count and the newest event, so
 * it stays small however long the history grows (decision 0019).
 */
export function createAssistanceEventEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'assistanceEvent', version: '1', service: 'hongjia' },
      attributes: {
        requestId: { type: 'string', required: true, readOnly: true },
        /** 1-based; zero-padded in the key so the events sort in order. */
        seq: { type: 'number', required: true, readOnly: true },
        seqKey: { type: 'string', required: true, readOnly: true },
        ...eventProperties,
      },
      indexes: {
        byRequest: {
          pk: { field: 'pk', composite: ['requestId'] },
          sk: { field: 'sk', composite: ['seqKey'] },
        },
      },
    },
    { client, table },
  );
}
export type AssistanceEventEntity = ReturnType<typeof createAssistanceEventEntity>;
export type AssistanceEventItem = EntityItem<AssistanceEventEntity>;

export interface AssistanceEntities {
  requests: AssistanceRequestEntity;
  requestEvents: AssistanceEventEntity;
}

export function createAssistanceEntities(client: DynamoDBDocumentClient, table: string): AssistanceEntities {
  return {
    requests: createAssistanceRequestEntity(client, table),
    requestEvents: createAssistanceEventEntity(client, table),
  };
}
