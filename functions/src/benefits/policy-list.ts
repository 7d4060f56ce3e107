import { type PolicyDefinition, type PolicyListItem, seedPolicies } from '@hongjia/shared';

/**
 * The public policy list (pure): every version, oldest first per policy, each
 * saying who it is for and whether it is the one that applies on `onDate` (the
 * latest started version, unless it has ended). A version stored before
 * `audience` existed takes the shipped version's words.
 */
export function policyListItems(versions: readonly PolicyDefinition[], onDate: string): PolicyListItem[] {
  const shippedAudience = new Map(seedPolicies.map((p) => [p.id, p.audience]));
  const current = new Map<string, PolicyDefinition>();
  for (const version of versions) {
    if (version.effectiveFrom > onDate) continue;
    const held = current.get(version.id);
    if (!held || held.effectiveFrom < version.effectiveFrom) current.set(version.id, version);
  }
  return versions.map((p) => {
    const inForceVersion = current.get(p.id);
    return {
      id: p.id,
      name: p.name,
      audience: p.audience ?? shippedAudience.get(p.id) ?? p.name,
      kind: p.kind,
      amountYuan: p.amountYuan,
      amountBasis: p.amountBasis,
      amountConfirmed: p.amountConfirmed,
      sourceNote: p.sourceNote,
      effectiveFrom: p.effectiveFrom,
      effectiveTo: p.effectiveTo,
      inForce: inForceVersion === p && (p.effectiveTo === null || p.effectiveTo >= onDate),
    };
  });
}
