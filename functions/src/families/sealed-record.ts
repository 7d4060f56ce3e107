import { schoolStages } from '@hongjia/shared';
import * as z from 'zod';
import type { PiiCipher } from '../commons/pii';
import type { SpecialFamilyItem } from './entities';
import { sealedFields } from './fields';

/**
 * What a special-family record says of the family's loss: its kind (失独 or
 * 伤残), the date of the event, the children and their status, the members'
 * birth dates. Stored as ONE sealed JSON value (`factsSealed`): the rules
 * engine needs all of it whenever it needs any, and a screening page opens
 * one value per family instead of five.
 */
const Child = z.object({
  birthDate: z.string().optional(),
  sex: z.enum(['M', 'F']).optional(),
  alive: z.boolean(),
  adopted: z.boolean(),
  adoptedOn: z.string().optional(),
  schoolStage: z.enum(schoolStages).optional(),
  universityAdmittedOn: z.string().optional(),
});

const FamilyFacts = z.object({
  kind: z.enum(['bereaved', 'disabled']),
  childEventDate: z.string(),
  children: z.array(Child),
  birthDates: z.object({ mother: z.string().optional(), father: z.string().optional() }),
  /** Enrolments the named policies test (decision 0033): special-family facts, so sealed with the rest. */
  medicalInsuranceEnrolledOn: z.string().optional(),
  ruralPensionEnrolledOn: z.string().optional(),
});
export type FamilyFacts = z.infer<typeof FamilyFacts>;
export type FamilyChild = z.infer<typeof Child>;

type StoredMember = SpecialFamilyItem['members'][number];
export type FamilyMember = StoredMember & { birthDate: string };

/**
 * A record with its facts opened: what services and the rules engine work on.
 * Names and phones stay sealed in it (opened only where they are shown).
 */
export type SpecialFamilyRecord = Omit<SpecialFamilyItem, 'factsSealed' | 'members'> &
  Omit<FamilyFacts, 'birthDates'> & { members: FamilyMember[] };

export function sealFacts(cipher: PiiCipher, facts: FamilyFacts): Promise<string> {
  return cipher.seal(JSON.stringify(facts), sealedFields.facts);
}

/** The facts a record holds, for sealing again after a change. */
export function factsOf(
  record: Pick<
    SpecialFamilyRecord,
    | 'kind'
    | 'childEventDate'
    | 'children'
    | 'members'
    | 'medicalInsuranceEnrolledOn'
    | 'ruralPensionEnrolledOn'
  >,
): FamilyFacts {
  const birthDates: FamilyFacts['birthDates'] = {};
  for (const member of record.members) birthDates[member.role] = member.birthDate;
  return {
    kind: record.kind,
    childEventDate: record.childEventDate,
    children: record.children,
    birthDates,
    ...(record.medicalInsuranceEnrolledOn
      ? { medicalInsuranceEnrolledOn: record.medicalInsuranceEnrolledOn }
      : {}),
    ...(record.ruralPensionEnrolledOn ? { ruralPensionEnrolledOn: record.ruralPensionEnrolledOn } : {}),
  };
}

export async function openRecord(cipher: PiiCipher, item: SpecialFamilyItem): Promise<SpecialFamilyRecord> {
  const { factsSealed, members, ...rest } = item;
  const { birthDates, ...facts } = FamilyFacts.parse(
    JSON.parse(await cipher.open(factsSealed, sealedFields.facts)),
  );
  return {
    ...rest,
    ...facts,
    members: members.map((member) => ({ ...member, birthDate: birthDates[member.role] ?? '' })),
  };
}

/** The stored item of a record: its facts sealed, the members without their birth dates. */
export async function sealRecord(cipher: PiiCipher, record: SpecialFamilyRecord): Promise<SpecialFamilyItem> {
  const {
    kind: _kind,
    childEventDate: _event,
    children: _children,
    medicalInsuranceEnrolledOn: _insured,
    ruralPensionEnrolledOn: _pension,
    members,
    ...rest
  } = record;
  return {
    ...rest,
    members: members.map(({ birthDate: _birthDate, ...member }) => member),
    factsSealed: await sealFacts(cipher, factsOf(record)),
  };
}
