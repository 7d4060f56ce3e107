import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type Consent,
  type ListQuery,
  privacyPolicyVersion,
  type RecordConsentRequest,
  type SessionUser,
} from '@hongjia/shared';
import type { AuditTrail } from '../commons/audit';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { validationFailed } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
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
        /** Agreed again after a withdrawal: the consent counts from then (acceptedAt stays the first). */
        renewedAt: { type: 'string' },
        /** Withdrawn (only `social_org_sharing` can be): the consent no longer counts. */
        withdrawnAt: { type: 'string' },
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
  if (!found || found.withdrawnAt) return undefined;
  return found.renewedAt ?? found.acceptedAt;
}

/** The kinds a user may withdraw here: the guideline is agreed to use the app at all. */
const withdrawable: readonly ConsentKind[] = ['social_org_sharing'];

/**
 * The privacy guideline's version is the server's (`privacyPolicyVersion`): an
 * agreement is recorded against the version in force, whatever a client names.
 * The consent item is the record to show later (PIPL); the user item notes the
 * version too, for the router's check on personal-data routes.
 */
export function createConsentService(
  entity: ConsentEntity,
  users: Pick<UserStore, 'notePrivacyConsent'>,
  audit?: Pick<AuditTrail, 'record'>,
) {
  const toConsent = (item: {
    consentId: string;
    kind: ConsentKind;
    version: string;
    acceptedAt: string;
    renewedAt?: string | undefined;
    withdrawnAt?: string | undefined;
  }): Consent => ({
    id: item.consentId,
    kind: item.kind,
    version: item.version,
    acceptedAt: item.renewedAt ?? item.acceptedAt,
    ...(item.withdrawnAt ? { withdrawnAt: item.withdrawnAt } : {}),
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
      // Agreeing again after a withdrawal: the consent counts from now (conditional on the withdrawal).
      if (item.withdrawnAt) {
        const renewedAt = now.toISOString();
        try {
          await entity
            .patch(key)
            .set({ renewedAt })
            .remove(['withdrawnAt'])
            .where((attr, op) => op.exists(attr.withdrawnAt))
            .go();
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
        const { withdrawnAt: _gone, ...renewed } = item;
        return toConsent({ ...renewed, renewedAt });
      }
      // Only the guideline's agreement is what the router checks on personal-data routes.
      if (item.kind === 'privacy_policy')
        await users.notePrivacyConsent(caller.id, item.version, item.acceptedAt);
      return toConsent(item);
    },

    /**
     * Withdraws the sharing consent (decision 0040): audited before it lands, idempotent (a
     * withdrawn or never-given consent answers as it stands). From then on no new assignment
     * can rest on it, and the organisations' open assignments that did stop showing the family
     * (the volunteer service reads the consent on every organisation read).
     */
    async withdraw(
      caller: SessionUser,
      kind: ConsentKind,
      now: Date,
      trace: { requestId: string; sourceIp: string },
    ): Promise<{ kind: ConsentKind; withdrawnAt: string }> {
      if (!withdrawable.includes(kind))
        throw validationFailed('隐私保护指引不能在这里撤回；如不再使用，请注销账号', [
          { path: 'body.kind', message: '只能撤回与社会组织共享求助信息的同意' },
        ]);
      const key = { userId: caller.id, kind, version: versionOf(kind) };
      const found = (await entity.get(key).go({ consistent: true })).data;
      if (!found) return { kind, withdrawnAt: now.toISOString() };
      if (found.withdrawnAt) return { kind, withdrawnAt: found.withdrawnAt };
      await audit?.record(
        caller,
        {
          subjectType: 'consent',
          subjectId: found.consentId,
          action: 'consent_withdrawn',
          district: 'city',
          note: kind,
          requestId: trace.requestId,
          sourceIp: trace.sourceIp,
        },
        now,
      );
      const withdrawnAt = now.toISOString();
      try {
        await entity
          .patch(key)
          .set({ withdrawnAt })
          .where((attr, op) => op.notExists(attr.withdrawnAt))
          .go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const raced = (await entity.get(key).go({ consistent: true })).data?.withdrawnAt;
        return { kind, withdrawnAt: raced ?? withdrawnAt };
      }
      return { kind, withdrawnAt };
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
