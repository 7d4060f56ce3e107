/**
 * Where a member stands on sharing help requests with social organisations (decision 0040),
 * from the `social_org_sharing` consent in their consent list: never given, given (since when),
 * or withdrawn (when). Agreeing again after a withdrawal counts from then (`acceptedAt`).
 */
export type SharingStanding =
  | { kind: 'none' }
  | { kind: 'given'; at: string }
  | { kind: 'withdrawn'; at: string };

export function sharingStanding(
  consent: { acceptedAt: string; withdrawnAt?: string | undefined } | undefined,
): SharingStanding {
  if (!consent) return { kind: 'none' };
  if (consent.withdrawnAt) return { kind: 'withdrawn', at: consent.withdrawnAt };
  return { kind: 'given', at: consent.acceptedAt };
}
