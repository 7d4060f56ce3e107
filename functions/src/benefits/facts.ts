import type { ChildFacts, FamilyFacts } from '@hongjia/shared';
import type { FamilyChild, IdentityRecord, SpecialFamilyRecord } from '../families';

/**
 * What the rules engine knows about a family (pure).
 *
 * - A special-family record gives every fact. A record without children lists
 *   the only child implied by its kind (失独: died; 伤残: living), with no birth
 *   date, which the engine counts as born before the event.
 * - A user bound by real name but on no record (basis `identity`) gives only
 *   their own birth date, as mother or father by sex. Household type and
 *   children are unknown (not "none"): policies that need them say 未登记….
 */
export function specialFamilyFacts(
  family: Pick<
    SpecialFamilyRecord,
    | 'kind'
    | 'hukouType'
    | 'members'
    | 'children'
    | 'childEventDate'
    | 'medicalInsuranceEnrolledOn'
    | 'ruralPensionEnrolledOn'
  >,
): FamilyFacts {
  const mother = family.members.find((m) => m.role === 'mother');
  const father = family.members.find((m) => m.role === 'father');
  const recorded = family.children.map(childFacts);
  const children: ChildFacts[] =
    recorded.length > 0 ? recorded : [{ alive: family.kind === 'disabled', adopted: false }];
  return {
    familyKind: family.kind,
    hukouType: family.hukouType,
    children,
    childEventDate: family.childEventDate,
    ...(mother ? { motherBirthDate: mother.birthDate } : {}),
    ...(father ? { fatherBirthDate: father.birthDate } : {}),
    ...(mother?.retiredOn ? { motherRetiredOn: mother.retiredOn } : {}),
    ...(father?.retiredOn ? { fatherRetiredOn: father.retiredOn } : {}),
    ...(family.medicalInsuranceEnrolledOn
      ? { medicalInsuranceEnrolledOn: family.medicalInsuranceEnrolledOn }
      : {}),
    ...(family.ruralPensionEnrolledOn ? { ruralPensionEnrolledOn: family.ruralPensionEnrolledOn } : {}),
  };
}

export function identityFacts(identity: Pick<IdentityRecord, 'birthDate' | 'sex'>): FamilyFacts {
  return identity.sex === 'F'
    ? { familyKind: 'none', motherBirthDate: identity.birthDate }
    : { familyKind: 'none', fatherBirthDate: identity.birthDate };
}

function childFacts(child: FamilyChild): ChildFacts {
  return {
    alive: child.alive,
    adopted: child.adopted,
    ...(child.birthDate ? { birthDate: child.birthDate } : {}),
    ...(child.sex ? { sex: child.sex } : {}),
    ...(child.adoptedOn ? { adoptedOn: child.adoptedOn } : {}),
    ...(child.schoolStage ? { schoolStage: child.schoolStage } : {}),
    ...(child.universityAdmittedOn ? { universityAdmittedOn: child.universityAdmittedOn } : {}),
  };
}
