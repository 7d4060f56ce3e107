import {
  type AssistanceEventRequest,
  type AssistanceRequestInput,
  districtByCode,
  type ListQuery,
  type SessionUser,
} from '@hongjia/shared';
import type { z } from 'zod';
import type { UserStore } from '../auth/users';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { conflict, notFound, validationFailed } from '../commons/errors';
import { newId } from '../commons/ids';
import type { PiiCipher } from '../commons/pii';
import type { AssistanceRequestItem } from '../families/entities';
import { sealedFields as familyFields } from '../families/fields';
import { familyLabel, type MembershipLookup } from '../families/membership';
import type { SpecialFamilyRecord } from '../families/sealed-record';
import type { Notifier } from '../notifications/notifier';
import { type AccessChecks, covers } from '../staff/jurisdiction';
import type { createFilerResolver, Filer } from './filing';
import { familyUpdateMessage, newRequestMessage } from './messages';
import { createStaffQueue, type StaffQueueQuery } from './queue';
import { type AssistanceRecords, staleVersion } from './records';
import { applyEvent, dueAtFor } from './rules';
import { sealedFields, toView } from './views';

export interface AssistanceServiceDeps {
  records: AssistanceRecords;
  filers: ReturnType<typeof createFilerResolver>;
  membership: MembershipLookup;
  getFamily: (familyId: string) => Promise<SpecialFamilyRecord | undefined>;
  access: AccessChecks;
  users: UserStore;
  notifier: Notifier;
  cipher: () => Promise<PiiCipher>;
  /**
   * Writes 'proxy_request' on the family's record (the family sees who acted for it), named
   * by the request, so finishing a retried request writes the same entry again, not a second.
   */
  auditProxyRequest: (
    family: SpecialFamilyRecord,
    caller: SessionUser,
    now: Date,
    event: { id: string; at: string },
  ) => Promise<void>;
}

/**
 * 特殊家庭求助 (SPEC C3): a member (or the contact person, with the family's
 * consent) files; the request goes to the family's contact person with a
 * first-response deadline; staff of the district (or the contact person)
 * record what they did, each change locked on `version`. Families see only
 * their own family's requests, staff only their districts'.
 */
export function createAssistanceService(deps: AssistanceServiceDeps) {
  const { records, notifier } = deps;
  const queue = createStaffQueue(records, deps.access);
  const views = async (items: AssistanceRequestItem[], now: Date) => {
    const cipher = await deps.cipher();
    return Promise.all(items.map((item) => toView(item, cipher, now)));
  };

  /**
   * Who acted: the contact person by name, staff by their office. The family's
   * notification (stored in clear) says "您的联系人" instead of the person's name.
   */
  const actor = async (caller: SessionUser, item: AssistanceRequestItem, cipher: PiiCipher) => {
    if (item.contactUserId === caller.id && item.contactPersonNameSealed) {
      const name = await cipher.open(item.contactPersonNameSealed, sealedFields.contactPersonName);
      return { name, told: '您的联系人' };
    }
    const user = await deps.users.get(caller.id);
    const office =
      user?.displayName ||
      (user?.district ? `${districtByCode(user.district).name}卫生健康委员会` : '南昌市卫生健康委员会');
    return { name: office, told: office };
  };

  /** The request as stored: who the family is and what it needs, sealed (decision 0014). */
  const build = async (
    filer: Filer,
    body: AssistanceRequestInput,
    callerId: string,
    now: Date,
    operationId: string | undefined,
  ) => {
    const { family } = filer;
    const cipher = await deps.cipher();
    const seal = (value: string, field: keyof typeof sealedFields) => cipher.seal(value, sealedFields[field]);
    const contactName = family.contactPerson
      ? await cipher.open(family.contactPerson.nameSealed, familyFields.contactName)
      : undefined;
    const item: AssistanceRequestItem = {
      requestId: newId('ast', operationId),
      familyId: family.familyId,
      district: family.district,
      categorySealed: await seal(body.category, 'category'),
      descriptionSealed: await seal(body.description, 'description'),
      urgency: body.urgency,
      status: 'awaiting_response',
      createdAt: now.toISOString(),
      dueAt: dueAtFor(now, body.urgency).toISOString(),
      ...(contactName ? { contactPersonNameSealed: await seal(contactName, 'contactPersonName') } : {}),
      ...(family.contactPerson?.userId ? { contactUserId: family.contactPerson.userId } : {}),
      familyLabelSealed: await seal(familyLabel(family), 'familyLabel'),
      filedByUserId: callerId,
      filedByMode: filer.mode,
      filedByNameSealed: await seal(filer.name, 'filedByName'),
      ...(filer.consentBy ? { consentBySealed: await seal(filer.consentBy, 'consentBy') } : {}),
      ...(filer.consentAt ? { consentAt: filer.consentAt } : {}),
      events: [],
      version: 1,
    };
    return { item, cipher };
  };

  return {
    /**
     * Exactly once (decision 0015): the request is named from the operation id, so a retry
     * after a failed audit or notification finds the stored request, finishes both from it
     * (each named by the request: written once) and answers with it.
     */
    async create(caller: SessionUser, body: AssistanceRequestInput, now: Date, operationId?: string) {
      const filer = body.familyId
        ? await deps.filers.proxy(caller, body.familyId)
        : await deps.filers.self(caller);
      const built = await build(filer, body, caller.id, now, operationId);
      const { cipher } = built;
      const { item } = await records.createOnce(built.item);
      if (item.filedByUserId !== caller.id) throw conflict('请求编号冲突，请换一个 Idempotency-Key 重试');
      if (item.filedByMode === 'proxy')
        await deps.auditProxyRequest(filer.family, caller, now, { id: item.requestId, at: item.createdAt });
      // A contact person filing as proxy needs no message about their own request.
      if (item.contactUserId && item.contactUserId !== caller.id)
        await notifier.notify(
          item.contactUserId,
          newRequestMessage({
            family: filer.family,
            category: body.category,
            urgency: body.urgency,
            dueAt: item.dueAt,
          }),
          {
            dedupeKey: `assistance-request:${item.requestId}`,
            now,
          },
        );
      return toView(item, cipher, now);
    },

    /** The caller's family's requests (both members see them); not a member → an empty list. */
    async listMine(caller: SessionUser, query: ListQuery, now: Date) {
      const membership = await deps.membership.membershipOf(caller.id);
      if (!membership) return { items: [], nextCursor: null };
      const { familyId } = membership.family;
      // The cursor is bound to the family, so it cannot page through another partition.
      const cursor = await decodeCursor<{ f: string; c: string }>(query.cursor);
      if (cursor && cursor.f !== familyId) throw validationFailed('分页游标无效，请从第一页重新加载');
      const page = await records.pageOfFamily(familyId, query.limit, cursor?.c);
      return {
        items: await views(page.data, now),
        nextCursor: page.cursor ? await encodeCursor({ f: familyId, c: page.cursor }) : null,
      };
    },

    async listForStaff(caller: SessionUser, query: StaffQueueQuery, now: Date) {
      const page = await queue.list(caller, query, now);
      return { items: await views(page.items, now), nextCursor: page.nextCursor };
    },

    async recordEvent(
      caller: SessionUser,
      requestId: string,
      body: z.infer<typeof AssistanceEventRequest>,
      now: Date,
    ) {
      const item = await records.get(requestId);
      const isContact = item !== undefined && item.contactUserId === caller.id;
      // The contact person acts wherever their account sits; other staff only in their districts.
      const jurisdiction = isContact ? undefined : await deps.access.staffJurisdiction(caller);
      if (!item || (!isContact && !(jurisdiction && covers(jurisdiction, item.district))))
        throw notFound('未找到该求助');
      if (item.version !== body.expectedVersion) throw staleVersion();
      const outcome = applyEvent(item, body.kind, now);
      if (!outcome.ok) throw conflict('该求助已办结，不能再记录处理。如家庭还有需要，请帮其重新提出求助');
      const cipher = await deps.cipher();
      const by = await actor(caller, item, cipher);
      const event = {
        kind: body.kind,
        at: now.toISOString(),
        byNameSealed: await cipher.seal(by.name, sealedFields.eventByName),
        byUserId: caller.id,
        ...(body.note ? { noteSealed: await cipher.seal(body.note, sealedFields.note) } : {}),
      };
      const next = await records.change(item, {
        status: outcome.status,
        firstRespondedAt: outcome.firstRespondedAt,
        events: [...item.events, event],
      });
      if (outcome.tellFamily) await tellFamily(next, { kind: body.kind, byName: by.told }, now);
      return toView(next, cipher, now);
    },
  };

  async function tellFamily(
    item: AssistanceRequestItem,
    event: { kind: AssistanceRequestItem['events'][number]['kind']; byName: string },
    now: Date,
  ) {
    const family = await deps.getFamily(item.familyId);
    if (!family) return;
    const userIds = await deps.membership.boundUserIds(family);
    const index = item.events.length - 1;
    // The user is in the key: notification ids derive from it, and each member gets their own.
    await Promise.all(
      userIds.map((userId) =>
        notifier.notify(userId, familyUpdateMessage(event), {
          dedupeKey: `assistance-update:${item.requestId}:${index}:${userId}`,
          now,
        }),
      ),
    );
  }
}

export type AssistanceService = ReturnType<typeof createAssistanceService>;
