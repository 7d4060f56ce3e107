import {
  type AssistanceEventRequest,
  type AssistanceRequestInput,
  districtByCode,
  type ListQuery,
  type SessionUser,
} from '@hongjia/shared';
import type { z } from 'zod';
import { type AccessChecks, covers } from '../commons/access';
import type { AuditTrail } from '../commons/audit';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { conflict, notFound, validationFailed } from '../commons/errors';
import { newId } from '../commons/ids';
import type { PiiCipher } from '../commons/pii';
import type { UserStore } from '../commons/users';
import type { SpecialFamilyRecord } from '../families';
import { sealedFields as familyFields, familyLabel, type MembershipLookup } from '../families';
import type { Notifier } from '../notifications';
import type { AssistanceRequestItem } from './entities';
import type { createFilerResolver, Filer } from './filing';
import { familyUpdateMessage, newRequestMessage } from './messages';
import { createStaffQueue, type StaffQueueQuery } from './queue';
import { type AssistanceRecords, type StoredEvent, staleVersion } from './records';
import { applyEvent, dueAtFor } from './rules';
import { sealedFields, toEventView, toView } from './views';

export interface AssistanceServiceDeps {
  records: AssistanceRecords;
  filers: ReturnType<typeof createFilerResolver>;
  membership: MembershipLookup;
  getFamily: (familyId: string) => Promise<SpecialFamilyRecord | undefined>;
  access: AccessChecks;
  users: UserStore;
  notifier: Notifier;
  cipher: () => Promise<PiiCipher>;
  /** Staff actions on a request, written before the change (decision 0019). */
  audit: AuditTrail;
  /** A social organisation's account reads the events of a request assigned to it (decision 0035). */
  volunteerMayRead?: (caller: SessionUser, item: AssistanceRequestItem) => Promise<boolean>;
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
      eventCount: 0,
      version: 1,
    };
    return { item, cipher };
  };

  return {
    /**
     * Exactly once (decision 0015): the request is named from the operation id, so a retry
     * after a failed notification finds the stored request, finishes it (named by the
     * request: written once) and answers with it. A proxy request's audit entry is written
     * before the request (decision 0019).
     */
    async create(caller: SessionUser, body: AssistanceRequestInput, now: Date, operationId?: string) {
      const filer = body.familyId
        ? await deps.filers.proxy(caller, body.familyId)
        : await deps.filers.self(caller);
      const built = await build(filer, body, caller.id, now, operationId);
      const { cipher } = built;
      // Audit first (decision 0019): a proxy request never exists without its entry on the family's
      // record. A retry that finds the request was audited by the attempt that stored it.
      if (filer.mode === 'proxy' && !(await records.get(built.item.requestId)))
        await deps.auditProxyRequest(filer.family, caller, now, {
          id: built.item.requestId,
          at: built.item.createdAt,
        });
      const { item } = await records.createOnce(built.item);
      if (item.filedByUserId !== caller.id) throw conflict('请求编号冲突，请换一个 Idempotency-Key 重试');
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
      trace: { requestId: string; sourceIp: string } = { requestId: 'internal', sourceIp: 'internal' },
    ) {
      const jurisdiction = await deps.access.staffJurisdiction(caller);
      const item = await records.get(requestId);
      // Staff of the request's district only, the contact person included: a contact person is
      // district staff (families/contact-person.ts), judged by the stored user, never by being
      // named on the request when it was filed (they may have been replaced or moved since).
      if (!item || !covers(jurisdiction, item.district)) throw notFound('未找到该求助');
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
      // Audit first (decision 0019): no event lands without its entry; a stale attempt keeps its entry.
      await deps.audit.record(
        caller,
        {
          subjectType: 'assistanceRequest',
          subjectId: item.requestId,
          action: `event_${body.kind}`,
          district: item.district,
          objectId: item.familyId,
          note: `v${item.version} → v${item.version + 1}${item.contactUserId === caller.id ? ' (contact person)' : ''}`,
          requestId: trace.requestId,
          sourceIp: trace.sourceIp,
        },
        now,
      );
      const { next, seq } = await records.change(item, {
        status: outcome.status,
        firstRespondedAt: outcome.firstRespondedAt,
        event,
      });
      if (outcome.tellFamily) await tellFamily(next, seq, { kind: body.kind, byName: by.told }, now);
      return toView(next, cipher, now);
    },

    /**
     * A request's history, oldest first, a page at a time: for a member of the
     * family, its contact person, or staff of its district (anyone else: 404).
     * The cursor is bound to the request and signed.
     */
    async events(caller: SessionUser, requestId: string, query: ListQuery) {
      const item = await records.get(requestId);
      if (!item || !(await mayRead(caller, item))) throw notFound('未找到该求助');
      const cursor = await decodeCursor<{ r: string; s: number }>(query.cursor);
      if (cursor && (cursor.r !== requestId || typeof cursor.s !== 'number'))
        throw validationFailed('分页游标无效，请从第一页重新加载');
      const page = await records.eventsPage(item, query.limit, cursor?.s ?? 0);
      const cipher = await deps.cipher();
      const items = await Promise.all(
        page.items.map(async (event) => ({ seq: event.seq, ...(await toEventView(event, cipher)) })),
      );
      const last = page.items.at(-1);
      return {
        items,
        nextCursor: page.more && last ? await encodeCursor({ r: requestId, s: last.seq }) : null,
      };
    },
  };

  /** The family's members, the contact person, and staff whose districts cover the request. */
  async function mayRead(caller: SessionUser, item: AssistanceRequestItem): Promise<boolean> {
    if (item.contactUserId === caller.id) return true;
    const membership = await deps.membership.membershipOf(caller.id);
    if (membership?.family.familyId === item.familyId) return true;
    if (deps.volunteerMayRead && (await deps.volunteerMayRead(caller, item))) return true;
    if (!caller.roles.includes('staff')) return false;
    const jurisdiction = await deps.access.staffJurisdiction(caller).catch(() => undefined);
    return jurisdiction !== undefined && covers(jurisdiction, item.district);
  }

  async function tellFamily(
    item: AssistanceRequestItem,
    seq: number,
    event: { kind: StoredEvent['kind']; byName: string },
    now: Date,
  ) {
    const family = await deps.getFamily(item.familyId);
    if (!family) return;
    const userIds = await deps.membership.boundUserIds(family);
    // 0-based, as the keys were when events sat in a list on the request.
    const index = seq - 1;
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
