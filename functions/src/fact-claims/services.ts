import type { S3Client } from '@aws-sdk/client-s3';
import type { Foundation } from '../commons/foundation';
import {
  createFamilyService,
  createMembershipLookup,
  createRecordAuditor,
  type FamilyEntities,
  openRecord,
} from '../families';
import { createUploadServices, type UploadEntity } from '../uploads';
import type { FactClaimEntity } from './entity';
import { createFactClaimService } from './service';

/** What family-supplied proof takes from the composition root (functions/src/root.ts). */
export interface FactClaimDeps extends Pick<Foundation, 'access' | 'users' | 'cipher' | 'audit'> {
  entities: { families: FamilyEntities; uploads: UploadEntity; factClaims: FactClaimEntity };
  s3: S3Client;
  bucket: string;
}

/** Claim ids start so; an upload held by anything else (a registration) is never taken over here. */
const claimPrefix = 'fc_';

export function createFactClaimServices(deps: FactClaimDeps) {
  const { families, uploads, factClaims } = deps.entities;
  const auditor = createRecordAuditor(families, deps.users);
  const uploadService = createUploadServices(
    { entities: { uploads }, s3: deps.s3, bucket: deps.bucket },
    async (holder) =>
      !holder.startsWith(claimPrefix) ||
      (await factClaims.get({ claimId: holder }).go({ consistent: true })).data !== null,
  );
  return createFactClaimService({
    claims: factClaims,
    membership: createMembershipLookup(families, deps.cipher),
    families: createFamilyService({
      entities: families,
      cipher: deps.cipher,
      access: deps.access,
      auditor,
      users: deps.users,
    }),
    async readRecord(familyId) {
      const item = (await families.families.get({ familyId }).go({ consistent: true })).data;
      return item ? openRecord(await deps.cipher(), item) : undefined;
    },
    uploads: uploadService,
    cipher: deps.cipher,
    access: deps.access,
    auditor,
    audit: deps.audit,
  });
}
