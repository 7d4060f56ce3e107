import {
  chinaDate,
  type DistrictCode,
  type SessionUser,
  type SpecialFamilyRequest,
  type SpecialFamilyUpdate,
  type StaffSpecialFamiliesQuery,
} from '@hongjia/shared';
import type { z } from 'zod';
import { type AccessChecks, covers } from '../commons/access';
import { conflict, forbidden, notFound } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import { newId } from '../commons/ids';
import { createOnce } from '../commons/once';
import { pageAcross } from '../commons/paging';
import type { PiiCipher } from '../commons/pii';
import type { UserStore } from '../commons/users';
import type { RecordAuditor } from './audit';
import { checkContactPersonAccount } from './contact-person';
import { sealCover } from './critical-illness-cover';
import type { FamilyEntities, SpecialFamilyItem } from './entities';
import {
  checkMembers,
  childrenOrDefault,
  sealContactPerson,
  sealFamilyDoctor,
  sealGreenChannel,
  sealMember,
  updatedMembers,
} from './family-input';
import { createBoundCheck, toSummary, toView } from './family-views';
import { sealedFields } from './fields';
import { createMemberLinks } from './member-links';
import { factsOf, openRecord, type SpecialFamilyRecord, sealFacts, sealRecord } from './sealed-record';

export interface FamilyServiceDeps {
  entities: Pick<FamilyEntities, 'families' | 'members' | 'identities'>;
  cipher: () => Promise<PiiCipher>;
  access: AccessChecks;
  auditor: RecordAuditor;
  /** Where a named contact person's account is checked (contact-person.ts). */
  users: Pick<UserStore, 'get'>;
}

type ListQuery = z.infer<typeof StaffSpecialFamiliesQuery>;

const stale = () => conflict('该档案已被他人更新，请刷新后重试');

/**
 * 计划生育特殊家庭 records, kept by the staff of the family's district (city
 * staff: all). A record of another district reads as 404 (its existence is
 * not disclosed); asking to list or create in another district is 403. Every
 * read and change is audited for the family to see.
 */
export function createFamilyService(deps: FamilyServiceDeps) {
  const { entities, access, auditor } = deps;
  const links = createMemberLinks(entities);
  const boundOf = createBoundCheck(entities);

  const view = async (family: SpecialFamilyRecord, now: Date) =>
    toView(await deps.cipher(), family, await boundOf(family), chinaDate(now));

  /** The record (facts opened) if the caller's jurisdiction covers it; else 404 either way. */
  const readable = async (caller: SessionUser, familyId: string) => {
    const jurisdiction = await access.staffJurisdiction(caller);
    const family = (await entities.families.get({ familyId }).go({ consistent: true })).data;
    if (!family || !covers(jurisdiction, family.district)) throw notFound('未找到该档案');
    return openRecord(await deps.cipher(), family);
  };

  return {
    /**
     * Exactly once (decision 0015): the record is named from the operation id, so a retry
     * finds its member links and its record and answers with it. The audit entry is
     * written before the record (decision 0019): an attempt whose entry landed and whose
     * record did not leaves its entry as evidence, and the retry writes its own. The
     * operation id includes the caller: another member of staff never resumes this one's record.
     */
    async create(caller: SessionUser, body: SpecialFamilyRequest, now: Date, operationId?: string) {
      const jurisdiction = await access.staffJurisdiction(caller);
      if (!covers(jurisdiction, body.district)) throw forbidden('只能为本县区的家庭建档');
      const cipher = await deps.cipher();
      const checked = checkMembers(cipher, body.members, chinaDate(now));
      await checkContactPersonAccount(deps.users, body.contactPerson?.userId, body.district);
      const familyId = newId('sf', operationId);
      await links.claimAll(
        familyId,
        checked.map((m, index) => ({ idHash: m.idHash, role: m.input.role, index })),
        now,
      );
      const record: SpecialFamilyRecord = {
        familyId,
        district: body.district,
        kind: body.kind,
        hukouType: body.hukouType,
        members: await Promise.all(checked.map((m) => sealMember(cipher, m))),
        childEventDate: body.childEventDate,
        children: childrenOrDefault(body.kind, body.children),
        ...(body.contactPerson ? { contactPerson: await sealContactPerson(cipher, body.contactPerson) } : {}),
        ...(body.familyDoctor ? { familyDoctor: await sealFamilyDoctor(cipher, body.familyDoctor) } : {}),
        ...(body.greenChannelHospital
          ? { greenChannel: await sealGreenChannel(cipher, body.greenChannelHospital) }
          : {}),
        ...(body.medicalInsuranceEnrolledOn
          ? { medicalInsuranceEnrolledOn: body.medicalInsuranceEnrolledOn }
          : {}),
        ...(body.ruralPensionEnrolledOn ? { ruralPensionEnrolledOn: body.ruralPensionEnrolledOn } : {}),
        ...(body.criticalIllnessCover
          ? { criticalIllnessCover: await sealCover(cipher, body.criticalIllnessCover) }
          : {}),
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      const find = async () => {
        const found = (await entities.families.get({ familyId }).go({ consistent: true })).data;
        return found ? openRecord(cipher, found) : undefined;
      };
      // Audit first (decision 0019): the record never exists without its entry. A retry that finds
      // the record was audited by the attempt that created it; one that does not writes its own.
      if (!(await find()))
        await auditor.record([familyId], 'update', caller, now, { id: familyId, at: record.createdAt });
      const { item: stored } = await createOnce(
        record,
        async (fresh) => entities.families.create(await sealRecord(cipher, fresh)).go(),
        find,
      );
      return view(stored, now);
    },

    /** District staff: their district (another is 403). City staff: one district, or all in district order. */
    async list(caller: SessionUser, query: ListQuery, now: Date) {
      const districts = await access.staffDistricts(caller, query.district, '只能查看本县区的档案');
      const { lacking } = query;
      const page = await pageAcross(districts, query, async (district, limit, cursor) => {
        const base = entities.families.query.byDistrict({ district: district as DistrictCode });
        const filtered = lacking ? base.where((attr, { notExists }) => notExists(attr[lacking])) : base;
        const found = await filtered.go({ count: limit, ...(cursor ? { cursor } : {}) });
        return { items: found.data, cursor: found.cursor };
      });
      // The rows show each family's kind: opened for this page only (at most `limit` records).
      const cipher = await deps.cipher();
      const items = await Promise.all(
        page.items.map(async (f) => toSummary(await openRecord(cipher, f), await boundOf(f))),
      );
      await auditor.record(
        page.items.map((f) => f.familyId),
        'list',
        caller,
        now,
      );
      return { items, nextCursor: page.nextCursor };
    },

    async detail(caller: SessionUser, familyId: string, now: Date) {
      const family = await readable(caller, familyId);
      await auditor.record([familyId], 'view', caller, now);
      return view(family, now);
    },

    async update(caller: SessionUser, familyId: string, body: SpecialFamilyUpdate, now: Date) {
      const family = await readable(caller, familyId);
      if (family.version !== body.expectedVersion) throw stale();
      await checkContactPersonAccount(deps.users, body.contactPerson?.userId, family.district);
      const cipher = await deps.cipher();
      const members = body.members ? await updatedMembers(cipher, family.members, body.members) : undefined;
      const changedFacts =
        body.childEventDate !== undefined ||
        body.children !== undefined ||
        body.medicalInsuranceEnrolledOn !== undefined ||
        body.ruralPensionEnrolledOn !== undefined;
      // `null` clears an enrolment date (the family left the scheme); absent keeps it.
      const {
        medicalInsuranceEnrolledOn: insuredBefore,
        ruralPensionEnrolledOn: pensionBefore,
        ...kept
      } = family;
      const insured =
        body.medicalInsuranceEnrolledOn === undefined
          ? insuredBefore
          : (body.medicalInsuranceEnrolledOn ?? undefined);
      const pension =
        body.ruralPensionEnrolledOn === undefined
          ? pensionBefore
          : (body.ruralPensionEnrolledOn ?? undefined);
      const set: Partial<SpecialFamilyItem> = {
        version: family.version + 1,
        updatedAt: now.toISOString(),
        ...(body.hukouType ? { hukouType: body.hukouType } : {}),
        ...(members ? { members: members.map(({ birthDate: _birthDate, ...member }) => member) } : {}),
        ...(changedFacts
          ? {
              factsSealed: await sealFacts(
                cipher,
                factsOf({
                  ...kept,
                  ...(insured ? { medicalInsuranceEnrolledOn: insured } : {}),
                  ...(pension ? { ruralPensionEnrolledOn: pension } : {}),
                  ...(body.childEventDate ? { childEventDate: body.childEventDate } : {}),
                  ...(body.children ? { children: childrenOrDefault(family.kind, body.children) } : {}),
                }),
              ),
            }
          : {}),
      };
      const remove: (
        | 'contactPerson'
        | 'familyDoctor'
        | 'greenChannel'
        | 'proxyConsent'
        | 'criticalIllnessCover'
      )[] = [];
      if (body.criticalIllnessCover === null) remove.push('criticalIllnessCover');
      else if (body.criticalIllnessCover)
        set.criticalIllnessCover = await sealCover(cipher, body.criticalIllnessCover);
      if (body.contactPerson === null) remove.push('contactPerson');
      else if (body.contactPerson) set.contactPerson = await sealContactPerson(cipher, body.contactPerson);
      if (body.familyDoctor === null) remove.push('familyDoctor');
      else if (body.familyDoctor) set.familyDoctor = await sealFamilyDoctor(cipher, body.familyDoctor);
      if (body.greenChannelHospital === null) remove.push('greenChannel');
      else if (body.greenChannelHospital)
        set.greenChannel = await sealGreenChannel(cipher, body.greenChannelHospital);
      // Consent was given to the named person: another (or no) contact person does not inherit it.
      if (family.proxyConsent && body.contactPerson !== undefined) {
        const before = family.contactPerson;
        const beforeName = before && (await cipher.open(before.nameSealed, sealedFields.contactName));
        const after = body.contactPerson ?? undefined;
        if (after?.userId !== before?.userId || after?.name !== beforeName) remove.push('proxyConsent');
      }
      // Audit first (decision 0019): a change without its entry must not exist; an entry whose
      // change then failed (a stale version) is evidence of the attempt.
      await auditor.record([familyId], 'update', caller, now);
      try {
        const patch = entities.families.patch({ familyId }).set(set);
        const withRemove = remove.length ? patch.remove(remove) : patch;
        await withRemove.where(({ version }, { eq }) => eq(version, family.version)).go();
      } catch (error) {
        if (isConditionFailure(error)) throw stale();
        throw error;
      }
      const updated = (await entities.families.get({ familyId }).go({ consistent: true })).data;
      if (!updated) throw notFound('未找到该档案');
      return view(await openRecord(cipher, updated), now);
    },
  };
}

export type FamilyService = ReturnType<typeof createFamilyService>;
