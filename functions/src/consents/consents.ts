import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type Consent,
  type ListQuery,
  privacyPolicyVersion,
  type RecordConsentRequest,
  type SessionUser,
} from '@hongjia/shared';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { newId } from '../commons/ids';
import { createOnce } from '../commons/once';
import { Entity } from '../commons/store/index';
import type { UserStore } from '../commons/users';

/** One item per user, kind and version: agreeing twice to the same version records it once. */
export function createConsentEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'consent', version: '1', service: 'hongjia' },
      attributes: {
        userId: { type: 'string', required: true, readOnly: true },
        consentId: { type: 'string', required: true, readOnly: true },
        kind: { type: ['privacy_policy', 'social_org_sharing'] as const, required: true, readOnly: true },
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

export type ConsentEntity = ReturnType<typeof createConsentEntity>;
type ConsentKind = RecordConsentRequest['kind'];

/** The version a consent of each kind is recorded against: the guideline's, or the sharing terms'. */
export const socialOrgSharingVersion = '2026-12';
const versionOf = (kind: ConsentKind) =>
  kind === 'privacy_policy' ? privacyPolicyVersion : socialOrgSharingVersion;

/**
 * When the user consented to `kind` in its version in force, or undefined: what a service
 * checks before it acts on the consent (assigning a help request to a social organisation).
 */
export async function consentGivenAt(
  entity: ConsentEntity,
  userId: string,
  kind: ConsentKind,
): Promise<string | undefined> {
  const found = (await entity.get({ userId, kind, version: versionOf(kind) }).go({ consistent: true })).data;
  return found?.acceptedAt;
}

/**
 * The privacy guideline's version is the server's (`privacyPolicyVersion`): an
 * agreement is recorded against the version in force, whatever a client names.
 * The consent item is the record to show later (PIPL); the user item notes the
 * version too, for the router's check on personal-data routes.
 */
export function createConsentService(entity: ConsentEntity, users: Pick<UserStore, 'notePrivacyConsent'>) {
  const toConsent = (item: {
    consentId: string;
    kind: ConsentKind;
    version: string;
    acceptedAt: string;
  }) => ({
    id: item.consentId,
    kind: item.kind,
    version: item.version,
    acceptedAt: item.acceptedAt,
  });

  return {
    /**
     * One consent item per user, kind and version, created conditionally; agreeing again (or a
     * retry after the user note failed) finds it and notes it on the user again (decision 0015).
     */
    async record(
      caller: SessionUser,
      request: RecordConsentRequest,
      now: Date,
      operationId?: string,
    ): Promise<Consent> {
      const key = { userId: caller.id, kind: request.kind, version: versionOf(request.kind) };
      const { item } = await createOnce(
        { ...key, consentId: newId('cns', operationId), acceptedAt: now.toISOString() },
        (fresh) => entity.create(fresh).go(),
        async () => (await entity.get(key).go({ consistent: true })).data ?? undefined,
      );
      // Only the guideline's agreement is what the router checks on personal-data routes.
      if (item.kind === 'privacy_policy')
        await users.notePrivacyConsent(caller.id, item.version, item.acceptedAt);
      return toConsent(item);
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
