import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Consent, ListQuery, RecordConsentRequest, SessionUser } from '@hongjia/shared';
import { Entity } from 'electrodb';
import { decodeCursor, encodeCursor } from '../commons/cursor';

/** One item per user, kind and version: agreeing twice to the same version records it once. */
export function createConsentEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'consent', version: '1', service: 'hongjia' },
      attributes: {
        userId: { type: 'string', required: true, readOnly: true },
        consentId: { type: 'string', required: true, readOnly: true },
        kind: { type: ['privacy_policy'] as const, required: true, readOnly: true },
        version: { type: 'string', required: true, readOnly: true },
        acceptedAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byUser: {
          pk: { field: 'pk', composite: ['userId'] },
          sk: { field: 'sk', composite: ['kind', 'version'] },
        },
      },
    },
    { client, table },
  );
}

type ConsentEntity = ReturnType<typeof createConsentEntity>;

export function createConsentService(entity: ConsentEntity) {
  const toConsent = (item: {
    consentId: string;
    kind: 'privacy_policy';
    version: string;
    acceptedAt: string;
  }) => ({
    id: item.consentId,
    kind: item.kind,
    version: item.version,
    acceptedAt: item.acceptedAt,
  });

  return {
    async record(caller: SessionUser, request: RecordConsentRequest, now: Date): Promise<Consent> {
      const key = { userId: caller.id, kind: request.kind, version: request.version };
      const existing = (await entity.get(key).go()).data;
      if (existing) return toConsent(existing);
      try {
        const created = await entity
          .create({ ...key, consentId: randomUUID(), acceptedAt: now.toISOString() })
          .go();
        return toConsent(created.data);
      } catch (error) {
        const raced = (await entity.get(key).go()).data;
        if (raced) return toConsent(raced);
        throw error;
      }
    },

    /** Only the caller's own partition is ever queried: the cursor cannot point elsewhere. */
    async list(caller: SessionUser, query: ListQuery) {
      const cursor = await decodeCursor<string>(query.cursor);
      const page = await entity.query
        .byUser({ userId: caller.id })
        .go({ limit: query.limit, ...(cursor ? { cursor } : {}) });
      return { items: page.data.map(toConsent), nextCursor: await encodeCursor(page.cursor) };
    },
  };
}
