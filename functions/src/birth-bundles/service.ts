import { createHash } from 'node:crypto';
import { type BirthBundleRequest, maskName, type SessionUser } from '@hongjia/shared';
import type { z } from 'zod';
import { conflict, notFound } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import { type PiiCipher, piiCipher } from '../commons/pii/index';
import {
  type BundleEntity,
  type BundleItem,
  type BundleItemKind,
  bundleItemKinds,
  type OutboxEntity,
  outboxShards,
} from './entities';
import type { BirthDetails } from './payloads';
import { toBundleView } from './views';

export const bundleDetailsField = 'birthBundle.details';

export interface BundleServiceDeps {
  bundles: BundleEntity;
  outbox: OutboxEntity;
  pii?: PiiCipher;
}

/** Spreads outbox items over the due-index shards by a hash of their identity. */
export function shardOf(bundleId: string, kind: BundleItemKind) {
  const byte = createHash('sha256').update(`${bundleId}:${kind}`).digest()[0] ?? 0;
  return outboxShards[byte % outboxShards.length] ?? 's0';
}

/**
 * 出生一件事. Submitting writes the bundle and one outbox item per agency
 * before answering, each a conditional create, so a retried or resumed
 * submission fills in what is missing and duplicates nothing. The bundle id
 * comes from a keyed hash of the birth medical certificate number: one
 * birth, one bundle (another family naming the same certificate gets 409).
 * Delivery is the outbox worker's job (functions/src/workers/bundle-outbox.ts).
 */
export function createBundleService(deps: BundleServiceDeps) {
  const { bundles, outbox } = deps;
  const cipher = () => deps.pii ?? piiCipher();

  async function view(bundle: BundleItem) {
    const { data } = await outbox.query.byBundle({ bundleId: bundle.bundleId }).go({ pages: 'all' });
    const order = (kind: BundleItemKind) => bundleItemKinds.indexOf(kind);
    return toBundleView(
      bundle,
      data.sort((a, b) => order(a.kind) - order(b.kind)),
    );
  }

  return {
    async submit(caller: SessionUser, request: z.infer<typeof BirthBundleRequest>, now: Date) {
      const pii = await cipher();
      const bundleId = `bdl_${pii.lookupHash(request.medicalCertificateNo, 'birth-bundle').slice(0, 24)}`;
      const kinds = [...new Set(request.items ?? bundleItemKinds)];
      const details: BirthDetails = {
        medicalCertificateNo: request.medicalCertificateNo,
        childName: request.child.name,
        childSex: request.child.sex,
        childBirthDate: request.child.birthDate,
        ...(request.child.birthWeightG !== undefined ? { birthWeightG: request.child.birthWeightG } : {}),
        hospital: request.child.hospital,
        householdDistrict: request.householdDistrict,
      };
      let bundle: BundleItem;
      try {
        bundle = (
          await bundles
            .create({
              bundleId,
              userId: caller.id,
              ...(request.registrationId ? { registrationId: request.registrationId } : {}),
              householdDistrict: request.householdDistrict,
              childNameMasked: maskName(request.child.name),
              sealedDetails: await pii.seal(JSON.stringify(details), bundleDetailsField),
              kinds,
              createdAt: now.toISOString(),
            })
            .go()
        ).data;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const existing = (await bundles.get({ bundleId }).go({ consistent: true })).data;
        if (!existing || existing.userId !== caller.id) throw conflict('该出生医学证明已办理过出生一件事');
        bundle = existing; // the same family again (a retry, or a resumed crash): finish and show it
      }
      for (const kind of bundle.kinds) {
        try {
          await outbox
            .create({
              bundleId,
              kind,
              userId: caller.id,
              shard: shardOf(bundleId, kind),
              status: 'queued',
              attempts: 0,
              dueAt: now.toISOString(),
              createdAt: now.toISOString(),
              updatedAt: now.toISOString(),
            })
            .go();
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      return view(bundle);
    },

    async get(caller: SessionUser, bundleId: string) {
      const bundle = (await bundles.get({ bundleId }).go()).data;
      if (!bundle || bundle.userId !== caller.id) throw notFound('未找到该办理记录');
      return view(bundle);
    },
  };
}
