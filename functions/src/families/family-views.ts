import { ageInYears, type SpecialFamilySummary, type SpecialFamilyView } from '@hongjia/shared';
import type { PiiCipher } from '../commons/pii';
import { coverView } from './critical-illness-cover';
import type { FamilyEntities, SpecialFamilyItem } from './entities';
import { sealedFields } from './fields';
import type { SpecialFamilyRecord } from './sealed-record';

/** Which members' ID hashes have a real-name binding (one byIdHash query each). */
export function createBoundCheck(entities: Pick<FamilyEntities, 'identities'>) {
  return async (family: Pick<SpecialFamilyItem, 'members'>): Promise<boolean[]> =>
    Promise.all(
      family.members.map(
        async (m) =>
          (await entities.identities.query.byIdHash({ idHash: m.idHash }).go({ limit: 1 })).data.length > 0,
      ),
    );
}

/** The list row: surnames only, coverage flags; the kind from the opened facts. */
export function toSummary(family: SpecialFamilyRecord, bound: boolean[]): SpecialFamilySummary {
  return {
    id: family.familyId,
    membersMasked: family.members.map((m) => ({ role: m.role, nameMasked: m.nameMasked })),
    kind: family.kind,
    district: family.district,
    hukouType: family.hukouType,
    hasContactPerson: family.contactPerson !== undefined,
    hasFamilyDoctor: family.familyDoctor !== undefined,
    hasGreenChannel: family.greenChannel !== undefined,
    boundMembers: bound.filter(Boolean).length,
    version: family.version,
    updatedAt: family.updatedAt,
  };
}

/** The helpers with their names and phones opened: staff and the family both call them. */
export async function openHelpers(
  cipher: PiiCipher,
  family: Pick<SpecialFamilyItem, 'contactPerson' | 'familyDoctor' | 'greenChannel'>,
) {
  const { contactPerson, familyDoctor, greenChannel } = family;
  return {
    ...(contactPerson
      ? {
          contactPerson: {
            name: await cipher.open(contactPerson.nameSealed, sealedFields.contactName),
            phone: await cipher.open(contactPerson.phoneSealed, sealedFields.contactPhone),
            ...(contactPerson.userId ? { userId: contactPerson.userId } : {}),
          },
        }
      : {}),
    ...(familyDoctor
      ? {
          familyDoctor: {
            name: await cipher.open(familyDoctor.nameSealed, sealedFields.doctorName),
            phone: await cipher.open(familyDoctor.phoneSealed, sealedFields.doctorPhone),
            institution: familyDoctor.institution,
            signedOn: familyDoctor.signedOn,
          },
        }
      : {}),
    ...(greenChannel
      ? {
          greenChannelHospital: {
            hospital: greenChannel.hospital,
            ...(greenChannel.phoneSealed
              ? { phone: await cipher.open(greenChannel.phoneSealed, sealedFields.greenChannelPhone) }
              : {}),
          },
        }
      : {}),
  };
}

/** The staff detail: whole names and phones (staff call them), ID numbers masked. */
export async function toView(
  cipher: PiiCipher,
  family: SpecialFamilyRecord,
  bound: boolean[],
  today: string,
): Promise<SpecialFamilyView> {
  const members = await Promise.all(
    family.members.map(async (m, index) => ({
      role: m.role,
      name: await cipher.open(m.nameSealed, sealedFields.memberName),
      idNumberMasked: m.idMasked,
      phone: await cipher.open(m.phoneSealed, sealedFields.memberPhone),
      birthDate: m.birthDate,
      age: ageInYears(m.birthDate, today),
      ...(m.retiredOn ? { retiredOn: m.retiredOn } : {}),
      bound: bound[index] ?? false,
    })),
  );
  const { proxyConsent } = family;
  return {
    ...toSummary(family, bound),
    members,
    childEventDate: family.childEventDate,
    children: family.children.map((c) => ({
      alive: c.alive,
      adopted: c.adopted,
      ...(c.birthDate ? { birthDate: c.birthDate } : {}),
      ...(c.sex ? { sex: c.sex } : {}),
      ...(c.adoptedOn ? { adoptedOn: c.adoptedOn } : {}),
      ...(c.schoolStage ? { schoolStage: c.schoolStage } : {}),
      ...(c.universityAdmittedOn ? { universityAdmittedOn: c.universityAdmittedOn } : {}),
    })),
    ...(await openHelpers(cipher, family)),
    ...(proxyConsent
      ? {
          proxyConsent: {
            contactName: await cipher.open(proxyConsent.contactNameSealed, sealedFields.proxyContactName),
            grantedByRole: proxyConsent.grantedByRole,
            grantedAt: proxyConsent.grantedAt,
          },
        }
      : {}),
    ...(family.medicalInsuranceEnrolledOn
      ? { medicalInsuranceEnrolledOn: family.medicalInsuranceEnrolledOn }
      : {}),
    ...(family.ruralPensionEnrolledOn ? { ruralPensionEnrolledOn: family.ruralPensionEnrolledOn } : {}),
    ...(family.criticalIllnessCover
      ? { criticalIllnessCover: coverView(family.criticalIllnessCover, today) }
      : {}),
    createdAt: family.createdAt,
  };
}
