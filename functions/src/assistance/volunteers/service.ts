import {
  type AssignRequest,
  AssistanceCategory,
  type DistrictCode,
  districtByCode,
  type ListQuery,
  maskPhone,
  type RegisterVolunteerOrganisation,
  type SessionUser,
  type VolunteerAssignmentView,
  type VolunteerEventRequest,
  type VolunteerOrganisationView,
  volunteerCategories,
} from '@hongjia/shared';
import type { z } from 'zod';
import { type AccessChecks, covers } from '../../commons/access';
import type { AuditTrail } from '../../commons/audit';
import { decodeCursor, encodeCursor } from '../../commons/cursor';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../../commons/errors';
import { isConditionFailure } from '../../commons/guards';
import { newId } from '../../commons/ids';
import { createOnce } from '../../commons/once';
import type { PiiCipher } from '../../commons/pii';
import type { UserStore } from '../../commons/users';
import type { SpecialFamilyRecord } from '../../families';
import { sealedFields as familyFields } from '../../families';
import type { Notifier } from '../../notifications';
import type { AssistanceRequestItem } from '../entities';
import { familyUpdateMessage } from '../messages';
import { type AssistanceRecords, eventCountOf, staleVersion } from '../records';
import { applyEvent, isOverdue } from '../rules';
import { sealedFields } from '../views';
import type { VolunteerEntities, VolunteerOrganisationItem } from './entities';
import { consentStands, createVolunteerReadCheck } from './read-check';

export interface VolunteerServiceDeps {
  entities: VolunteerEntities;
  records: AssistanceRecords;
  access: AccessChecks;
  users: Pick<UserStore, 'get'>;
  audit: AuditTrail;
  cipher: () => Promise<PiiCipher>;
  getFamily: (familyId: string) => Promise<SpecialFamilyRecord | undefined>;
  /** Bound accounts of the family's members, by role (membership lookup). */
  boundUserIds: (family: SpecialFamilyRecord) => Promise<{ userId: string; idHash: string }[]>;
  /** When the user consented to share with a social organisation (consents module), or undefined. */
  sharingConsentAt: (userId: string) => Promise<string | undefined>;
  notifier: Notifier;
}

const consentRequired = () =>
  new AppError(
    'CONSENT_REQUIRED',
    '该家庭尚未同意与社会组织共享求助信息，不能派单。请先征得家庭同意（在小程序“我的授权”中确认）',
  );
const notAnOrganisation = () => forbidden('该账号未登记为社会组织，请联系南昌市卫生健康委员会');

type Contact = { nameMasked: string; phone: string };

/**
 * 社会组织 (decision 0035). City staff register an organisation with the account that works
 * for it; district staff of the request's district assign a 生活照料/心理慰藉/养老 request to an
 * organisation serving that district, only when a member of the family has consented to share
 * with social organisations; the organisation sees only the requests whose item names it now,
 * never the family's id or ID numbers, and records visits as events of the request (the same
 * bounded history, the same optimistic lock, the first event answering the same deadline).
 */
export function createVolunteerService(deps: VolunteerServiceDeps) {
  const { entities, records } = deps;

  const toOrganisationView = async (org: VolunteerOrganisationItem): Promise<VolunteerOrganisationView> => {
    return {
      id: org.orgId,
      name: org.name,
      creditCode: org.creditCode,
      districts: [...org.districts].sort() as DistrictCode[],
      registeredAt: org.registeredAt,
      contactPhoneMasked: org.contactPhoneMasked,
      active: !org.deactivatedAt,
      ...(org.deactivatedAt ? { deactivatedAt: org.deactivatedAt } : {}),
    };
  };

  const toAssignmentView = async (
    item: AssistanceRequestItem,
    cipher: PiiCipher,
    now: Date,
  ): Promise<VolunteerAssignmentView> => {
    const contact = JSON.parse(
      await cipher.open(item.assignmentContactSealed ?? '', sealedFields.assignmentContact),
    ) as Contact;
    return {
      id: item.requestId,
      district: item.district,
      category: AssistanceCategory.parse(await cipher.open(item.categorySealed, sealedFields.category)),
      description: await cipher.open(item.descriptionSealed, sealedFields.description),
      urgency: item.urgency,
      status: item.status,
      dueAt: item.dueAt,
      ...(item.firstRespondedAt ? { firstRespondedAt: item.firstRespondedAt } : {}),
      overdue: isOverdue(item, now),
      assignedAt: item.assignedAt ?? item.createdAt,
      familyNameMasked: contact.nameMasked,
      contactPhone: contact.phone,
      eventCount: eventCountOf(item),
      version: item.version,
    };
  };

  /** The caller's organisation: a volunteer account registered for one; anyone else 403. */
  const organisationOf = async (caller: SessionUser): Promise<VolunteerOrganisationItem> => {
    if (!caller.roles.includes('volunteer')) throw notAnOrganisation();
    const account = (await entities.accounts.get({ userId: caller.id }).go()).data;
    const org = account ? (await entities.organisations.get({ orgId: account.orgId }).go()).data : null;
    if (!org) throw notAnOrganisation();
    if (org.deactivatedAt) throw forbidden('该社会组织已停用，请联系南昌市卫生健康委员会');
    return org;
  };

  /** The family's consent the assignment rests on still stands (decision 0040, read-check.ts). */
  const stillShared = (item: AssistanceRequestItem) => consentStands(item, deps.sharingConsentAt);
  const mayRead = createVolunteerReadCheck({ entities, sharingConsentAt: deps.sharingConsentAt });

  /** A request assigned to the caller's organisation now, its consent standing; any other (or none) is 404. */
  const assignedTo = async (org: VolunteerOrganisationItem, requestId: string) => {
    const item = await records.get(requestId);
    if (!item || item.assignedOrgId !== org.orgId || !(await stillShared(item)))
      throw notFound('未找到该求助');
    return item;
  };

  async function tellFamily(
    item: AssistanceRequestItem,
    seq: number,
    byName: string,
    kind: 'visit' | 'call',
    now: Date,
  ) {
    const family = await deps.getFamily(item.familyId);
    if (!family) return;
    const members = await deps.boundUserIds(family);
    await Promise.all(
      [...new Set(members.map((m) => m.userId))].map((userId) =>
        deps.notifier.notify(userId, familyUpdateMessage({ kind, byName }), {
          dedupeKey: `assistance-update:${item.requestId}:${seq - 1}:${userId}`,
          now,
        }),
      ),
    );
  }

  return {
    /** City staff only (an organisation may serve several districts); one account, one organisation. */
    async register(
      caller: SessionUser,
      body: RegisterVolunteerOrganisation,
      now: Date,
      operationId?: string,
    ) {
      const jurisdiction = await deps.access.staffJurisdiction(caller);
      if (!jurisdiction.cityWide) throw forbidden('社会组织由南昌市卫生健康委员会登记');
      const user = await deps.users.get(body.accountUserId);
      if (!user)
        throw validationFailed('未找到该组织账号，请组织负责人先登录小程序，在“我的”中查看账号', [
          { path: 'body.accountUserId', message: '账号不存在' },
        ]);
      const orgId = newId('org', operationId);
      // The account is claimed first (conditional create): a crash after it leaves a pointer the
      // retry (same operation, same orgId) finishes; another organisation's account is refused.
      const { item: account } = await createOnce(
        { userId: body.accountUserId, orgId, createdAt: now.toISOString() },
        (fresh) => entities.accounts.create(fresh).go(),
        async () => (await entities.accounts.get({ userId: body.accountUserId }).go()).data ?? undefined,
      );
      if (account.orgId !== orgId)
        throw conflict('该账号已登记为另一社会组织的账号', [
          { path: 'body.accountUserId', message: '账号已被使用' },
        ]);
      const cipher = await deps.cipher();
      const { item } = await createOnce<VolunteerOrganisationItem>(
        {
          orgId,
          name: body.name,
          creditCode: body.creditCode,
          contactNameSealed: await cipher.seal(body.contactName, sealedFields.organisationContactName),
          contactPhoneSealed: await cipher.seal(body.contactPhone, sealedFields.organisationContactPhone),
          contactPhoneMasked: maskPhone(body.contactPhone),
          districts: [...new Set(body.districts)],
          accountUserId: body.accountUserId,
          registeredAt: now.toISOString(),
          registeredBy: caller.id,
        },
        (fresh) => entities.organisations.create(fresh).go(),
        async () => (await entities.organisations.get({ orgId }).go()).data ?? undefined,
      );
      return toOrganisationView(item);
    },

    /**
     * City staff only (decision 0040): the organisation takes no new assignment and its account
     * sees nothing from now (every volunteer request reads the organisation first); its past
     * assignments stay on the requests for staff. Audited before it lands; doing it again
     * answers the organisation as it stands.
     */
    async deactivate(
      caller: SessionUser,
      orgId: string,
      now: Date,
      trace: { requestId: string; sourceIp: string },
    ) {
      const jurisdiction = await deps.access.staffJurisdiction(caller);
      if (!jurisdiction.cityWide) throw forbidden('社会组织由南昌市卫生健康委员会登记和停用');
      const org = (await entities.organisations.get({ orgId }).go({ consistent: true })).data;
      if (!org) throw notFound('未找到该社会组织');
      if (org.deactivatedAt) return toOrganisationView(org);
      await deps.audit.record(
        caller,
        {
          subjectType: 'volunteerOrganisation',
          subjectId: orgId,
          action: 'deactivate',
          district: 'city',
          requestId: trace.requestId,
          sourceIp: trace.sourceIp,
        },
        now,
      );
      const deactivatedAt = now.toISOString();
      try {
        await entities.organisations
          .patch({ orgId })
          .set({ deactivatedAt, deactivatedBy: caller.id })
          .where((attr, op) => op.notExists(attr.deactivatedAt))
          .go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const raced = (await entities.organisations.get({ orgId }).go({ consistent: true })).data;
        return toOrganisationView(raced ?? org);
      }
      return toOrganisationView({ ...org, deactivatedAt, deactivatedBy: caller.id });
    },

    /** Organisations serving a district of the caller's (or the one asked), for the assign action. */
    async list(caller: SessionUser, query: ListQuery & { district?: DistrictCode | undefined }) {
      const districts = await deps.access.staffDistricts(caller, query.district, '只能查看本县区的社会组织');
      const cursor = await decodeCursor<string>(query.cursor);
      const page = await entities.organisations.query
        .all({})
        .go({ limit: query.limit, order: 'desc', ...(cursor ? { cursor } : {}) });
      const serving = page.data.filter((org) => [...org.districts].some((d) => districts.includes(d)));
      return {
        items: await Promise.all(serving.map(toOrganisationView)),
        nextCursor: await encodeCursor(page.cursor),
      };
    },

    async assign(
      caller: SessionUser,
      requestId: string,
      body: z.infer<typeof AssignRequest>,
      now: Date,
      trace: { requestId: string; sourceIp: string },
    ) {
      const jurisdiction = await deps.access.staffJurisdiction(caller);
      const item = await records.get(requestId);
      if (!item || !covers(jurisdiction, item.district)) throw notFound('未找到该求助');
      if (item.version !== body.expectedVersion) throw staleVersion();
      if (item.status === 'resolved') throw conflict('该求助已办结，不能派单');
      const cipher = await deps.cipher();
      const category = AssistanceCategory.parse(
        await cipher.open(item.categorySealed, sealedFields.category),
      );
      if (!(volunteerCategories as readonly string[]).includes(category))
        throw new AppError('CATEGORY_NOT_ASSIGNABLE', '只有生活照料、心理慰藉、养老类求助可派给社会组织');
      const org = (await entities.organisations.get({ orgId: body.organisationId }).go()).data;
      if (!org?.districts.includes(item.district))
        throw validationFailed('该社会组织不服务本县区', [
          { path: 'body.organisationId', message: '请选择服务本县区的社会组织' },
        ]);
      if (org.deactivatedAt)
        throw validationFailed('该社会组织已停用，不能派单', [
          { path: 'body.organisationId', message: '请选择在用的社会组织' },
        ]);
      const family = await deps.getFamily(item.familyId);
      if (!family) throw notFound('未找到该求助');
      // The consent of a member bound to the record now; the channel is that member's phone.
      const bound = await deps.boundUserIds(family);
      let consent: { at: string; idHash: string; userId: string } | undefined;
      for (const { userId, idHash } of bound) {
        const at = await deps.sharingConsentAt(userId);
        if (at) {
          consent = { at, idHash, userId };
          break;
        }
      }
      const member = consent && family.members.find((m) => m.idHash === consent.idHash);
      if (!consent || !member) throw consentRequired();
      const contact: Contact = {
        nameMasked: member.nameMasked,
        phone: await cipher.open(member.phoneSealed, familyFields.memberPhone),
      };
      await deps.audit.record(
        caller,
        {
          subjectType: 'assistanceRequest',
          subjectId: item.requestId,
          action: 'assign_organisation',
          district: item.district,
          objectId: item.familyId,
          note: `v${item.version} → v${item.version + 1} → ${org.orgId}`,
          requestId: trace.requestId,
          sourceIp: trace.sourceIp,
        },
        now,
      );
      const assignedAt = now.toISOString();
      // The organisation's index first: a crash after it leaves an entry the reader drops
      // (the request does not name the organisation), never a request the organisation cannot find.
      try {
        await entities.assignments.create({ orgId: org.orgId, requestId, assignedAt }).go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      const next = await records.assign(item, {
        assignedOrgId: org.orgId,
        assignedAt,
        assignmentConsentAt: consent.at,
        assignmentConsentUserId: consent.userId,
        assignmentContactSealed: await cipher.seal(JSON.stringify(contact), sealedFields.assignmentContact),
      });
      // The organisation's account hears of it (once per assignment: the key names its time).
      await deps.notifier.notify(org.accountUserId, assignedMessage(item.district, category, next.dueAt), {
        dedupeKey: `volunteer-assigned:${requestId}:${assignedAt}`,
        now,
      });
      return { id: next.requestId, organisationId: org.orgId, assignedAt, version: next.version };
    },

    /**
     * The organisation's assignments, newest first; `overdue` keeps those past the deadline
     * without a first response. Entries whose request names another organisation now
     * (reassigned) or none (a crash mid-assign) are dropped.
     */
    async assignments(caller: SessionUser, query: ListQuery & { overdue?: boolean | undefined }, now: Date) {
      const org = await organisationOf(caller);
      const cursor = await decodeCursor<{ o: string; c: string }>(query.cursor);
      if (cursor && cursor.o !== org.orgId) throw validationFailed('分页游标无效，请从第一页重新加载');
      const page = await entities.assignments.query
        .byOrg({ orgId: org.orgId })
        .go({ limit: query.limit, order: 'desc', ...(cursor ? { cursor: cursor.c } : {}) });
      const seen = new Set<string>();
      const items: AssistanceRequestItem[] = [];
      for (const entry of page.data) {
        if (seen.has(entry.requestId)) continue;
        seen.add(entry.requestId);
        const item = await records.get(entry.requestId);
        if (!item || item.assignedOrgId !== org.orgId || item.assignedAt !== entry.assignedAt) continue;
        if (query.overdue && !isOverdue(item, now)) continue;
        if (!(await stillShared(item))) continue;
        items.push(item);
      }
      const cipher = await deps.cipher();
      return {
        items: await Promise.all(items.map((item) => toAssignmentView(item, cipher, now))),
        nextCursor: page.cursor ? await encodeCursor({ o: org.orgId, c: page.cursor }) : null,
      };
    },

    /** A visit, call or note by the organisation: an event of the request like staff's. */
    async recordEvent(
      caller: SessionUser,
      requestId: string,
      body: z.infer<typeof VolunteerEventRequest>,
      now: Date,
      trace: { requestId: string; sourceIp: string },
    ) {
      const org = await organisationOf(caller);
      const item = await assignedTo(org, requestId);
      if (item.version !== body.expectedVersion) throw staleVersion();
      const outcome = applyEvent(item, body.kind, now);
      if (!outcome.ok) throw conflict('该求助已办结，不能再记录走访');
      const cipher = await deps.cipher();
      await deps.audit.record(
        caller,
        {
          subjectType: 'assistanceRequest',
          subjectId: item.requestId,
          action: `event_${body.kind}`,
          district: item.district,
          objectId: item.familyId,
          note: `v${item.version} → v${item.version + 1} (organisation ${org.orgId})`,
          requestId: trace.requestId,
          sourceIp: trace.sourceIp,
        },
        now,
      );
      const { next, seq } = await records.change(item, {
        status: outcome.status,
        firstRespondedAt: outcome.firstRespondedAt,
        event: {
          kind: body.kind,
          at: now.toISOString(),
          byNameSealed: await cipher.seal(org.name, sealedFields.eventByName),
          byUserId: caller.id,
          ...(body.note ? { noteSealed: await cipher.seal(body.note, sealedFields.note) } : {}),
        },
      });
      // A visit or a call is news for the family (a note is the organisation's own record); the
      // key is the one staff events use, so each member is told once per event.
      if (body.kind !== 'note') await tellFamily(next, seq, org.name, body.kind, now);
      return toAssignmentView(next, cipher, now);
    },

    /** For the events route: may this volunteer read the request (read-check.ts)? */
    mayRead,
  };
}

export type VolunteerService = ReturnType<typeof createVolunteerService>;

const categoryNames: Record<(typeof volunteerCategories)[number], string> = {
  daily_care: '生活照料',
  mental_health: '心理慰藉',
  elderly_care: '养老',
};

/** To the organisation's account: a new assignment (no family detail: the app shows what it may). */
function assignedMessage(district: DistrictCode, category: AssistanceCategory, dueAt: string) {
  const name = categoryNames[category as (typeof volunteerCategories)[number]] ?? '求助';
  return {
    kind: 'volunteer_assigned' as const,
    title: '有新的派单',
    body: `${districtByCode(district).name}派来一件${name}求助，请在 ${dueAt.slice(0, 10)} 前联系家庭。`,
    link: '/packages/volunteer/pages/index',
  };
}
