import type { CertificateDetail, ListQuery, SessionUser } from '@hongjia/shared';
import { type AccessChecks, covers } from '../commons/access';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { conflict, notFound } from '../commons/errors';
import type { CertificateItem } from './entity';
import { type CertificateItems, revokeCertificateItem } from './verification';
import { toCertificateDetail, toCertificateSummary } from './views';

/**
 * A family's certificates and staff revocation. A certificate that is not
 * the caller's (or, for staff, not in their jurisdiction) is a 404, as if it
 * did not exist: certificate ids must not be probed.
 */
export function createCertificateService(deps: { items: CertificateItems; access: AccessChecks }) {
  const { certificates } = deps.items;
  const get = async (certificateId: string): Promise<CertificateItem | undefined> =>
    (await certificates.get({ certificateId }).go({ consistent: true })).data ?? undefined;

  return {
    get,

    async listMine(caller: SessionUser, query: ListQuery) {
      const cursor = await decodeCursor<string>(query.cursor);
      const page = await certificates.query
        .byUser({ userId: caller.id })
        .go({ limit: query.limit, order: 'desc', ...(cursor ? { cursor } : {}) });
      return { items: page.data.map(toCertificateSummary), nextCursor: await encodeCursor(page.cursor) };
    },

    async ownedBy(caller: SessionUser, certificateId: string): Promise<CertificateItem> {
      const item = await get(certificateId);
      if (!item || item.userId !== caller.id) throw notFound('未找到该证件');
      return item;
    },

    /**
     * Conditional on `revoked = false`: a second or racing revocation is 409, the first one's reason stays.
     * The verification item moves with it (./verification.ts).
     */
    async revoke(
      caller: SessionUser,
      certificateId: string,
      reason: string,
      now: Date,
    ): Promise<CertificateDetail> {
      const jurisdiction = await deps.access.staffJurisdiction(caller);
      const item = await get(certificateId);
      if (!item || !covers(jurisdiction, item.jurisdiction)) throw notFound('未找到该证件');
      const revoked = await revokeCertificateItem(deps.items, item, { reason, by: caller.id, at: now });
      if (!revoked) throw conflict('该证件已作废');
      return toCertificateDetail(revoked);
    },
  };
}

export type CertificateService = ReturnType<typeof createCertificateService>;
