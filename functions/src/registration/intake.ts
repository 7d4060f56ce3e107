import {
  ExistingChildInput,
  maskIdNumber,
  maskName,
  maskPhone,
  type ParentInput,
  type RegistrationRequest,
} from '@hongjia/shared';
import * as z from 'zod';
import type { PiiCipher } from '../commons/pii';
import type { Attachment } from '../uploads';
import type { RegistrationItem } from './entity';
import type { RequestFacts } from './rules';

/** Look-up purposes of the PII cipher's keyed hash; the same ID number hashes alike everywhere. */
export const idNumberPurpose = 'id-number';
const birthDatesPurpose = 'parents-birth-dates';

/** Fields a registration's sealed values are bound to (the cipher's associated data). */
export const sealedFields = {
  name: (role: 'mother' | 'father') => `registration.${role}.name`,
  idNumber: (role: 'mother' | 'father') => `registration.${role}.idNumber`,
  phone: (role: 'mother' | 'father') => `registration.${role}.phone`,
  birthDate: (role: 'mother' | 'father') => `registration.${role}.birthDate`,
  existingChildren: 'registration.existingChildren',
  reason: 'registration.reason',
} as const;

export function probeKeyFor(
  cipher: PiiCipher,
  facts: Pick<RequestFacts, 'motherBirthDate' | 'fatherBirthDate'>,
) {
  return cipher.lookupHash(`${facts.motherBirthDate}|${facts.fatherBirthDate}`, birthDatesPurpose);
}

async function sealParent(
  cipher: PiiCipher,
  role: 'mother' | 'father',
  parent: ParentInput,
  birthDate: string,
) {
  const idNumber = parent.idNumber.trim().toUpperCase();
  return {
    nameSealed: await cipher.seal(parent.name, sealedFields.name(role)),
    nameMasked: maskName(parent.name),
    idSealed: await cipher.seal(idNumber, sealedFields.idNumber(role)),
    idMasked: maskIdNumber(idNumber),
    idHash: cipher.lookupHash(idNumber, idNumberPurpose),
    phoneSealed: await cipher.seal(parent.phone, sealedFields.phone(role)),
    phoneMasked: maskPhone(parent.phone),
    hukou: parent.hukouDistrict,
    birthDateSealed: await cipher.seal(birthDate, sealedFields.birthDate(role)),
  };
}

/**
 * The stored form of what the family filed: names, ID numbers, phones, birth
 * dates, the children and the reason sealed; masked copies and keyed hashes
 * beside them. Used for a first submission and for a resubmission (which
 * replaces the filed content, keeping id, receipt number, owner and history).
 */
export async function filedContent(
  cipher: PiiCipher,
  body: RegistrationRequest,
  facts: RequestFacts,
  attachments: Attachment[],
  today: string,
) {
  const mother = await sealParent(cipher, 'mother', body.mother, facts.motherBirthDate);
  const father = await sealParent(cipher, 'father', body.father, facts.fatherBirthDate);
  return {
    kind: body.kind,
    parity: body.parity,
    jurisdiction: body.mother.hukouDistrict,
    motherNameSealed: mother.nameSealed,
    motherNameMasked: mother.nameMasked,
    motherIdSealed: mother.idSealed,
    motherIdMasked: mother.idMasked,
    motherIdHash: mother.idHash,
    motherPhoneSealed: mother.phoneSealed,
    motherPhoneMasked: mother.phoneMasked,
    motherHukou: mother.hukou,
    motherBirthDateSealed: mother.birthDateSealed,
    fatherNameSealed: father.nameSealed,
    fatherNameMasked: father.nameMasked,
    fatherIdSealed: father.idSealed,
    fatherIdMasked: father.idMasked,
    fatherIdHash: father.idHash,
    fatherPhoneSealed: father.phoneSealed,
    fatherPhoneMasked: father.phoneMasked,
    fatherHukou: father.hukou,
    fatherBirthDateSealed: father.birthDateSealed,
    marriageDate: body.marriageDate,
    existingChildrenSealed: await cipher.seal(
      JSON.stringify(body.existingChildren),
      sealedFields.existingChildren,
    ),
    pregnancyDate: body.expectedDueDate ?? today,
    ...(body.expectedDueDate ? { expectedDueDate: body.expectedDueDate } : {}),
    ...(body.reason ? { reasonSealed: await cipher.seal(body.reason, sealedFields.reason) } : {}),
    attachments,
  } satisfies Partial<RegistrationItem>;
}

/** Both parents' names, opened (the detail view and the near-identical-names check). */
export async function openNames(
  cipher: PiiCipher,
  item: Pick<RegistrationItem, 'motherNameSealed' | 'fatherNameSealed'>,
) {
  return {
    motherName: await cipher.open(item.motherNameSealed, sealedFields.name('mother')),
    fatherName: await cipher.open(item.fatherNameSealed, sealedFields.name('father')),
  };
}

export async function openExistingChildren(
  cipher: PiiCipher,
  item: Pick<RegistrationItem, 'existingChildrenSealed'>,
) {
  const opened = await cipher.open(item.existingChildrenSealed, sealedFields.existingChildren);
  return z.array(ExistingChildInput).parse(JSON.parse(opened));
}
