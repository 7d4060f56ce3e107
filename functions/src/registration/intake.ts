import { maskIdNumber, maskPhone, type ParentInput, type RegistrationRequest } from '@hongjia/shared';
import type { PiiCipher } from '../commons/pii';
import type { Attachment } from '../uploads/service';
import type { RegistrationItem } from './entity';
import type { RequestFacts } from './rules';

/** Look-up purposes of the PII cipher's keyed hash; the same ID number hashes alike everywhere. */
export const idNumberPurpose = 'id-number';
const birthDatesPurpose = 'parents-birth-dates';

export function probeKeyFor(
  cipher: PiiCipher,
  facts: Pick<RequestFacts, 'motherBirthDate' | 'fatherBirthDate'>,
) {
  return cipher.lookupHash(`${facts.motherBirthDate}|${facts.fatherBirthDate}`, birthDatesPurpose);
}

async function sealParent(cipher: PiiCipher, role: 'mother' | 'father', parent: ParentInput) {
  const idNumber = parent.idNumber.trim().toUpperCase();
  return {
    name: parent.name,
    idSealed: await cipher.seal(idNumber, `registration.${role}.idNumber`),
    idMasked: maskIdNumber(idNumber),
    idHash: cipher.lookupHash(idNumber, idNumberPurpose),
    phoneSealed: await cipher.seal(parent.phone, `registration.${role}.phone`),
    phoneMasked: maskPhone(parent.phone),
    hukou: parent.hukouDistrict,
  };
}

/**
 * The stored form of what the family filed: ID numbers and phones sealed,
 * masked copies and keyed hashes beside them. Used for a first submission and
 * for a resubmission (which replaces the filed content, keeping id, receipt
 * number, owner and history).
 */
export async function filedContent(
  cipher: PiiCipher,
  body: RegistrationRequest,
  facts: RequestFacts,
  attachments: Attachment[],
  today: string,
) {
  const mother = await sealParent(cipher, 'mother', body.mother);
  const father = await sealParent(cipher, 'father', body.father);
  return {
    kind: body.kind,
    parity: body.parity,
    jurisdiction: body.mother.hukouDistrict,
    motherName: mother.name,
    motherIdSealed: mother.idSealed,
    motherIdMasked: mother.idMasked,
    motherIdHash: mother.idHash,
    motherPhoneSealed: mother.phoneSealed,
    motherPhoneMasked: mother.phoneMasked,
    motherHukou: mother.hukou,
    motherBirthDate: facts.motherBirthDate,
    fatherName: father.name,
    fatherIdSealed: father.idSealed,
    fatherIdMasked: father.idMasked,
    fatherIdHash: father.idHash,
    fatherPhoneSealed: father.phoneSealed,
    fatherPhoneMasked: father.phoneMasked,
    fatherHukou: father.hukou,
    fatherBirthDate: facts.fatherBirthDate,
    marriageDate: body.marriageDate,
    existingChildren: body.existingChildren,
    pregnancyDate: body.expectedDueDate ?? today,
    ...(body.expectedDueDate ? { expectedDueDate: body.expectedDueDate } : {}),
    ...(body.reason ? { reason: body.reason } : {}),
    attachments,
  } satisfies Partial<RegistrationItem>;
}
