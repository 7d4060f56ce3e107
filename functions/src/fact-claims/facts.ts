import type { FactClaimKind, SchoolStage, SpecialFamilyUpdate } from '@hongjia/shared';

/** The sealed part of a claim: the dated value, the child it names, the note, the proof. */
export interface ClaimFact {
  date: string;
  childBirthDate?: string;
  schoolStage?: SchoolStage;
  note?: string;
  attachments: {
    id: string;
    fileName: string;
    contentType: 'image/jpeg' | 'image/png' | 'application/pdf';
    size: number;
    key: string;
  }[];
}

interface RecordChild {
  birthDate?: string | undefined;
  sex?: 'M' | 'F' | undefined;
  alive: boolean;
  adopted: boolean;
  adoptedOn?: string | undefined;
  schoolStage?: SchoolStage | undefined;
  universityAdmittedOn?: string | undefined;
}

/**
 * Which child on the record a claim names (pure): the living child born on the date the family
 * gave; failing that, the only living child when the record has no birth date for it (a record
 * whose child is implied by its kind). -1 when none: staff put the child on the record first.
 */
export function childIndexFor(children: readonly RecordChild[], birthDate: string | undefined): number {
  if (!birthDate) return -1;
  const exact = children.findIndex((c) => c.alive && c.birthDate === birthDate);
  if (exact >= 0) return exact;
  const living = children.flatMap((c, index) => (c.alive ? [index] : []));
  const only = living.length === 1 ? living[0] : undefined;
  return only !== undefined && !children[only]?.birthDate ? only : -1;
}

/**
 * The change an approved claim makes to the record, in the staff update's own terms
 * (PATCH /v1/staff/special-families/{id}), so the fact lands exactly as staff would record it.
 * Undefined when the claim names a child the record does not hold.
 */
export function recordChangeFor(
  kind: FactClaimKind,
  fact: Pick<ClaimFact, 'date' | 'childBirthDate' | 'schoolStage'>,
  record: { children: readonly RecordChild[]; version: number },
): SpecialFamilyUpdate | undefined {
  const expectedVersion = record.version;
  if (kind === 'medical_insurance') return { expectedVersion, medicalInsuranceEnrolledOn: fact.date };
  if (kind === 'rural_pension') return { expectedVersion, ruralPensionEnrolledOn: fact.date };
  const index = childIndexFor(record.children, fact.childBirthDate);
  if (index < 0) return undefined;
  const children = record.children.map((child, at) => {
    const copy = { ...child, adopted: child.adopted ?? false };
    if (at !== index) return copy;
    return kind === 'school_stage'
      ? { ...copy, ...(fact.schoolStage ? { schoolStage: fact.schoolStage } : {}) }
      : { ...copy, universityAdmittedOn: fact.date };
  });
  return { expectedVersion, children };
}
