import type { FamilyMember, SpecialFamilyRecord } from '../src/families/sealed-record';

type Member = FamilyMember;

export function member(
  role: 'mother' | 'father',
  birthDate: string,
  overrides: Partial<Member> = {},
): Member {
  return {
    role,
    nameSealed: 'sealed',
    nameMasked: role === 'mother' ? '王**' : '李**',
    idSealed: 'sealed',
    idMasked: '3601**********1234',
    idHash: `hash-${role}-${birthDate}`,
    phoneSealed: 'sealed',
    phoneMasked: '138****5678',
    birthDate,
    sex: role === 'mother' ? 'F' : 'M',
    ...overrides,
  };
}

/** A 失独 family of 东湖区 whose mother was born on `motherBirthDate`. */
export function bereavedFamily(
  familyId: string,
  motherBirthDate: string,
  overrides: Partial<SpecialFamilyRecord> = {},
): SpecialFamilyRecord {
  return {
    familyId,
    district: '360102',
    kind: 'bereaved',
    hukouType: 'urban',
    members: [
      member('mother', motherBirthDate, { idHash: `${familyId}-mother` }),
      member('father', '1966-03-03', { idHash: `${familyId}-father` }),
    ],
    childEventDate: '2019-09-09',
    children: [{ birthDate: '1995-04-02', sex: 'M', alive: false, adopted: false }],
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
