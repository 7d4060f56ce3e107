import { type BirthBundleRequest, maskName, privacyPolicyVersion, type SessionUser } from '@hongjia/shared';
import type { z } from 'zod';
import { notFound } from '../commons/errors';
import { type Guards, isConditionFailure } from '../commons/guards';
import { newId } from '../commons/ids';
import { type PiiCipher, piiCipher } from '../commons/pii/index';
import { type BundleItem, bundleDetailsField, bundleItemKinds, itemKindsWithoutConsent } from './entities';
import type { BirthDetails } from './payloads';
import { type BundleRecords, holdsCertificate, statusOf } from './records';

export { bundleDetailsField } from './entities';
export { shardOf } from './shard';

/** The keyed-hash purpose of birth certificate numbers (the `birth-bundle` guard's key). */
export const certificatePurpose = 'birth-bundle';

export interface BundleServiceDeps {
  records: BundleRecords;
  guards: Guards;
  /** Records a conflict when another family's bundle holds the certificate (./conflicts.ts). */
  recordConflict: (holder: BundleItem, later: BundleItem, now: Date) => Promise<unknown>;
  pii?: PiiCipher;
}

const maskCertificate = (number: string) => `${number.slice(0, 1)}*****${number.slice(-4)}`;

/**
 * 出生一件事. One active bundle per birth is the `birth-bundle` guard on the
 * keyed hash of the birth medical certificate number, in the order of decision
 * 0008 (the bundle is written as `checking` first, so the guard always names a
 * bundle that exists). Claimed → `active`: one outbox item per agency, each a
 * conditional create, before answering; delivery is the outbox worker's job
 * (functions/src/workers/bundle-outbox.ts). The same family naming the
 * certificate again resumes its bundle. Another family's bundle holding it →
 * ours waits `held` and a conflict goes to the holder's household district
 * (decision 0013); the answer is the one any new bundle gets (every item
 * queued), so nobody learns from it whether the certificate was known.
 * The bundle id comes from the request's operation id: a retry after a
 * failure past any write finds the bundle and finishes from its state.
 */
export function createBundleService(deps: BundleServiceDeps) {
  const { records, guards } = deps;
  const cipher = () => deps.pii ?? piiCipher();

  /**
   * Takes a bundle on from where it stands: `checking` through the claim (active
   * with its items queued, or held beside another family's bundle), `active`
   * with any missing item filled in. Returns the bundle as it now stands (the
   * family's own other bundle, when that one already holds the certificate).
   */
  async function settle(bundle: BundleItem, now: Date): Promise<BundleItem> {
    if (statusOf(bundle) === 'active') {
      await records.queueItems(bundle, now);
      return bundle;
    }
    if (statusOf(bundle) !== 'checking' || !bundle.certificateHash) return bundle;
    const key = bundle.certificateHash;
    for (let round = 0; round < 3; round++) {
      const claim = await guards.claim(
        'birth-bundle',
        key,
        { ownerId: bundle.userId, targetId: bundle.bundleId },
        now,
      );
      if (claim.claimed || claim.holder?.targetId === bundle.bundleId) {
        await records.move(bundle, 'checking', 'active', now);
        const active = { ...bundle, status: 'active' as const };
        await records.queueItems(active, now);
        return active;
      }
      if (!claim.holder) continue;
      const held = await records.get(claim.holder.targetId);
      if (!held || !holdsCertificate(held)) {
        await guards.release('birth-bundle', key, claim.holder.targetId);
        continue;
      }
      if (held.userId === bundle.userId) {
        // The family's own double submission under another key: its first bundle stands.
        await records.discard(bundle);
        return settle(held, now);
      }
      await deps.recordConflict(held, bundle, now);
      await records.move(bundle, 'checking', 'held', now);
      return { ...bundle, status: 'held' };
    }
    return bundle;
  }

  return {
    async submit(
      caller: SessionUser,
      request: z.infer<typeof BirthBundleRequest>,
      now: Date,
      operationId?: string,
    ) {
      const pii = await cipher();
      const bundleId = newId('bdl', operationId);
      const earlier = operationId ? await records.get(bundleId) : undefined;
      if (earlier) return records.view(await settle(earlier, now));
      const certificateHash = pii.lookupHash(request.medicalCertificateNo, certificatePurpose);
      const holder = await guards.holder('birth-bundle', certificateHash);
      if (holder?.ownerId === caller.id) {
        // The same birth again from the same family: resume its bundle, fill in what is missing.
        const own = await records.get(holder.targetId);
        if (own && holdsCertificate(own)) return records.view(await settle(own, now));
      }
      // 育儿补贴 is filed from the bundle only with the guardian's consent (the contract refuses
      // asking for it without); without the consent the default is the other eight.
      const consented = request.childcareSubsidyConsent === true;
      const kinds = [...new Set(request.items ?? (consented ? bundleItemKinds : itemKindsWithoutConsent))];
      const details: BirthDetails = {
        medicalCertificateNo: request.medicalCertificateNo,
        childName: request.child.name,
        childSex: request.child.sex,
        childBirthDate: request.child.birthDate,
        ...(request.child.birthWeightG !== undefined ? { birthWeightG: request.child.birthWeightG } : {}),
        hospital: request.child.hospital,
        householdDistrict: request.householdDistrict,
      };
      const bundle: BundleItem = {
        bundleId,
        userId: caller.id,
        ...(request.registrationId ? { registrationId: request.registrationId } : {}),
        householdDistrict: request.householdDistrict,
        childNameMasked: maskName(request.child.name),
        sealedDetails: await pii.seal(JSON.stringify(details), bundleDetailsField),
        kinds,
        certificateHash,
        certificateMasked: maskCertificate(request.medicalCertificateNo),
        status: 'checking',
        ...(consented && kinds.includes('childcare_subsidy')
          ? { subsidyConsentAt: now.toISOString(), subsidyConsentVersion: privacyPolicyVersion }
          : {}),
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      try {
        await records.bundles.create(bundle).go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      return records.view(await settle(bundle, now));
    },

    async get(caller: SessionUser, bundleId: string) {
      const bundle = await records.get(bundleId);
      if (!bundle || bundle.userId !== caller.id) throw notFound('未找到该办理记录');
      return records.view(bundle);
    },
  };
}

export type BundleService = ReturnType<typeof createBundleService>;
