import {
  type ErrorDetail,
  idNumberProblemMessages,
  maskIdNumber,
  maskName,
  maskPhone,
  parseIdNumber,
  type SpecialFamilyRequest,
  type SpecialFamilyUpdate,
} from '@hongjia/shared';
import { validationFailed } from '../commons/errors';
import type { PiiCipher } from '../commons/pii';
import { sealedFields } from './fields';
import type { FamilyMember } from './sealed-record';

type Member = FamilyMember;
type ContactPerson = NonNullable<SpecialFamilyRequest['contactPerson']>;
type FamilyDoctor = NonNullable<SpecialFamilyRequest['familyDoctor']>;
type GreenChannel = NonNullable<SpecialFamilyRequest['greenChannelHospital']>;
type Children = NonNullable<SpecialFamilyRequest['children']>;

/** A member as checked: the ID parsed, its hash for the member link, the plain number kept in memory only. */
export interface CheckedMember {
  input: SpecialFamilyRequest['members'][number];
  idNumber: string;
  idHash: string;
  birthDate: string;
  sex: 'M' | 'F';
}

/** Every member's ID checked (400 with every problem at body.members.N.idNumber); a mother is a woman, a father a man. */
export function checkMembers(
  cipher: PiiCipher,
  members: SpecialFamilyRequest['members'],
  today: string,
): CheckedMember[] {
  const details: ErrorDetail[] = [];
  const checked = members.flatMap((input, index) => {
    const path = `body.members.${index}.idNumber`;
    const parsed = parseIdNumber(input.idNumber, today);
    if (!parsed.ok) {
      details.push({ path, message: idNumberProblemMessages[parsed.problem] });
      return [];
    }
    const expected = input.role === 'mother' ? 'F' : 'M';
    if (parsed.facts.sex !== expected) {
      details.push({
        path,
        message:
          input.role === 'mother' ? '母亲的身份证号显示为男性，请核对' : '父亲的身份证号显示为女性，请核对',
      });
      return [];
    }
    const idNumber = input.idNumber.trim().toUpperCase();
    return [
      {
        input,
        idNumber,
        idHash: cipher.lookupHash(idNumber, 'id-number'),
        birthDate: parsed.facts.birthDate,
        sex: parsed.facts.sex,
      },
    ];
  });
  if (details.length) throw validationFailed(details[0]?.message ?? '家庭成员信息不正确', details);
  return checked;
}

export async function sealMember(cipher: PiiCipher, member: CheckedMember): Promise<Member> {
  const { input } = member;
  return {
    role: input.role,
    nameSealed: await cipher.seal(input.name, sealedFields.memberName),
    nameMasked: maskName(input.name),
    idSealed: await cipher.seal(member.idNumber, sealedFields.memberIdNumber),
    idMasked: maskIdNumber(member.idNumber),
    idHash: member.idHash,
    phoneSealed: await cipher.seal(input.phone, sealedFields.memberPhone),
    phoneMasked: maskPhone(input.phone),
    birthDate: member.birthDate,
    sex: member.sex,
    ...(input.retiredOn ? { retiredOn: input.retiredOn } : {}),
  };
}

export async function sealContactPerson(cipher: PiiCipher, contact: ContactPerson) {
  return {
    nameSealed: await cipher.seal(contact.name, sealedFields.contactName),
    phoneSealed: await cipher.seal(contact.phone, sealedFields.contactPhone),
    ...(contact.userId ? { userId: contact.userId } : {}),
  };
}

export async function sealFamilyDoctor(cipher: PiiCipher, doctor: FamilyDoctor) {
  return {
    nameSealed: await cipher.seal(doctor.name, sealedFields.doctorName),
    phoneSealed: await cipher.seal(doctor.phone, sealedFields.doctorPhone),
    institution: doctor.institution,
    signedOn: doctor.signedOn,
  };
}

export async function sealGreenChannel(cipher: PiiCipher, channel: GreenChannel) {
  return {
    hospital: channel.hospital,
    ...(channel.phone
      ? { phoneSealed: await cipher.seal(channel.phone, sealedFields.greenChannelPhone) }
      : {}),
  };
}

/** Without a children list the only child is implied by the kind: died (失独) or living with a disability (伤残). */
export function childrenOrDefault(kind: SpecialFamilyRequest['kind'], children: Children | undefined) {
  const list = children ?? [{ alive: kind === 'disabled', adopted: false }];
  return list.map((c) => ({ ...c, adopted: c.adopted ?? false }));
}

/** Member phone / retirement changes from an update, by role (a role not on the record is a 400). */
export async function updatedMembers(
  cipher: PiiCipher,
  members: Member[],
  changes: NonNullable<SpecialFamilyUpdate['members']>,
): Promise<Member[]> {
  const details = changes.flatMap((change, index) =>
    members.some((m) => m.role === change.role)
      ? []
      : [{ path: `body.members.${index}.role`, message: '档案中没有该成员' }],
  );
  if (details.length) throw validationFailed('档案中没有该成员', details);
  return Promise.all(
    members.map(async (member) => {
      const change = changes.find((c) => c.role === member.role);
      if (!change) return member;
      const { retiredOn, ...rest } = member;
      const kept = change.retiredOn === null ? undefined : (change.retiredOn ?? retiredOn);
      return {
        ...rest,
        ...(change.phone
          ? {
              phoneSealed: await cipher.seal(change.phone, sealedFields.memberPhone),
              phoneMasked: maskPhone(change.phone),
            }
          : {}),
        ...(kept ? { retiredOn: kept } : {}),
      };
    }),
  );
}
