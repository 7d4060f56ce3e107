import type { RegistrationView, RelatedCase } from '@hongjia/shared';
import { covers, type Jurisdiction } from '../commons/access';
import type { RegistrationEntity, RegistrationItem } from './entity';
import { caseHeading } from './views';

function toRelatedCase(item: RegistrationItem): RelatedCase {
  return {
    ...caseHeading(item),
    mother: { nameMasked: item.motherNameMasked, idNumberMasked: item.motherIdMasked },
    father: { nameMasked: item.fatherNameMasked, idNumberMasked: item.fatherIdMasked },
    ...(item.expectedDueDate ? { expectedDueDate: item.expectedDueDate } : {}),
  };
}

/**
 * A suspected duplicate shows the reviewer both cases side by side (issue 9):
 * each registration a reason names, summarised with masked parents — only
 * where the reviewer's jurisdiction covers that case too (a district's staff
 * see the other district's receipt number in the reason, not its people).
 */
export async function withRelatedCases(
  registrations: RegistrationEntity,
  jurisdiction: Jurisdiction,
  view: RegistrationView,
): Promise<RegistrationView> {
  const ids = [
    ...new Set(view.reasons.flatMap((r) => (r.relatedRegistrationId ? [r.relatedRegistrationId] : []))),
  ];
  if (ids.length === 0) return view;
  const found = await registrations.get(ids.map((registrationId) => ({ registrationId }))).go();
  const relatedCases = ids
    .map((id) => found.data.find((item) => item.registrationId === id))
    .filter((item): item is RegistrationItem => item !== undefined && covers(jurisdiction, item.jurisdiction))
    .map(toRelatedCase);
  return relatedCases.length ? { ...view, relatedCases } : view;
}
