import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '../commons/guards';
import { Entity, type EntityItem } from '../commons/store/index';
import {
  type CertificateEntity,
  type CertificateItem,
  certificateTypes,
  createCertificateEntity,
} from './entity';

/**
 * What public verification reads (decision 0025): one item keyed by the
 * printed code, holding only what the verify answer shows — validity, type,
 * date, the masked holder — so a check is one consistent GetItem beside the
 * rate limiter. The certificate stays the truth; this item is its copy, and
 * `state` says whether the copy can be trusted:
 * - `pending`: a write to the certificate is under way (issuance, revocation)
 *   or was cut short by a crash; verify reads the certificate instead;
 * - `valid` / `revoked`: settled after the certificate write landed.
 * Written before the certificate (as pending) and settled after it, so no
 * crash between the two writes can leave it saying more than the certificate.
 */
export function createVerificationEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'certificateVerification', version: '1', service: 'hongjia' },
      attributes: {
        verifyCode: { type: 'string', required: true, readOnly: true },
        certificateId: { type: 'string', required: true, readOnly: true },
        type: { type: certificateTypes, required: true, readOnly: true },
        issuedAt: { type: 'string', required: true, readOnly: true },
        /** Already masked on the certificate (王* / 李**): nothing here is in clear. */
        holderMasked: { type: 'string', required: true, readOnly: true },
        state: { type: ['pending', 'valid', 'revoked'] as const, required: true },
        /**
         * Who marked it pending last (a random token per write): an issuance
         * settles it to valid only if no revocation marked it since.
         */
        writer: { type: 'string', required: true },
      },
      indexes: {
        byCode: {
          pk: { field: 'pk', composite: ['verifyCode'] },
          sk: { field: 'sk', composite: [] },
        },
      },
    },
    { client, table },
  );
}

export type VerificationEntity = ReturnType<typeof createVerificationEntity>;
export type VerificationItem = EntityItem<VerificationEntity>;

/** A certificate and its verification item: whoever writes one writes the other (issue, revoke). */
export interface CertificateItems {
  certificates: CertificateEntity;
  verifications: VerificationEntity;
}

export function createCertificateItems(client: DynamoDBDocumentClient, table: string): CertificateItems {
  return {
    certificates: createCertificateEntity(client, table),
    verifications: createVerificationEntity(client, table),
  };
}

export type NewCertificate = Omit<
  CertificateItem,
  | 'verifyCode'
  | 'revoked'
  | 'revokedAt'
  | 'revokedReason'
  | 'revokedBy'
  | 'printCount'
  | 'printCodesDay'
  | 'printCodesToday'
  | 'printCodeOps'
>;

const copyOf = (
  certificate: Pick<CertificateItem, 'verifyCode' | 'certificateId' | 'type' | 'issuedAt' | 'holderMasked'>,
) => ({
  verifyCode: certificate.verifyCode,
  certificateId: certificate.certificateId,
  type: certificate.type,
  issuedAt: certificate.issuedAt,
  holderMasked: certificate.holderMasked,
});

/** Revoked is terminal: written whole (also where no copy existed), whatever the copy said. */
async function settleRevoked(items: CertificateItems, certificate: CertificateItem, writer: string) {
  await items.verifications.put({ ...copyOf(certificate), state: 'revoked', writer }).go();
}

/**
 * Issues a certificate once (conditional create on its id): the verification
 * item first, as pending under a fresh random code, then the certificate, then
 * the item settled to valid. A crash after the first write leaves a pending
 * item whose certificate is missing or names another code: it verifies as
 * invalid. When the certificate existed already (a retried or repaired
 * issuance), the new pending item is removed and the existing one returned
 * as it is (a copy of it left pending by a crash still verifies, by the
 * certificate). Settling is conditional on this issuance's own mark: a
 * revocation that marked the copy since wins.
 */
export async function issueCertificateWithCode(
  items: CertificateItems,
  certificate: NewCertificate,
  newCode: () => string,
): Promise<CertificateItem> {
  const writer: string = randomUUID();
  let verifyCode = newCode();
  for (let attempt = 0; ; attempt++) {
    try {
      await items.verifications
        .create({ ...copyOf({ ...certificate, verifyCode }), state: 'pending', writer })
        .go();
      break;
    } catch (error) {
      // A code already taken (one in 32^12): draw another.
      if (!isConditionFailure(error) || attempt >= 2) throw error;
      verifyCode = newCode();
    }
  }
  let issued: CertificateItem;
  try {
    issued = (await items.certificates.create({ ...certificate, verifyCode }).go()).data;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const existing = (
      await items.certificates.get({ certificateId: certificate.certificateId }).go({ consistent: true })
    ).data;
    if (!existing) throw error;
    await items.verifications.delete({ verifyCode }).go();
    return existing;
  }
  try {
    await items.verifications
      .patch({ verifyCode })
      .set({ state: 'valid' })
      .where((a, op) => `${op.eq(a.state, 'pending')} AND ${op.eq(a.writer, writer)}`)
      .go();
  } catch (error) {
    // Revoked meanwhile: the revocation marked it and settles it.
    if (!isConditionFailure(error)) throw error;
  }
  return issued;
}

export interface Revocation {
  reason: string;
  by: string;
  at: Date;
}

/**
 * Revokes a certificate (conditional on `revoked = false`): its verification
 * item is marked pending first, so from then until it is settled as revoked
 * verify reads the certificate itself — a crash in between can never leave
 * a revoked certificate verifying as valid. Answers the revoked certificate,
 * or undefined when it was revoked already (its copy is settled all the same).
 */
export async function revokeCertificateItem(
  items: CertificateItems,
  certificate: CertificateItem,
  revocation: Revocation,
): Promise<CertificateItem | undefined> {
  const writer: string = randomUUID();
  try {
    await items.verifications
      .patch({ verifyCode: certificate.verifyCode })
      .set({ state: 'pending', writer })
      .where((a, op) => op.ne(a.state, 'revoked'))
      .go();
  } catch (error) {
    // Revoked already, or no copy (a certificate older than copies): settled below all the same.
    if (!isConditionFailure(error)) throw error;
  }
  try {
    const { data } = await items.certificates
      .patch({ certificateId: certificate.certificateId })
      .set({
        revoked: true,
        revokedAt: revocation.at.toISOString(),
        revokedReason: revocation.reason,
        revokedBy: revocation.by,
      })
      .where((a, op) => op.eq(a.revoked, false))
      .go({ response: 'all_new' });
    const revoked = data as CertificateItem;
    await settleRevoked(items, revoked, writer);
    return revoked;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    await settleRevoked(items, certificate, writer);
    return undefined;
  }
}

export interface VerifiedCopy {
  found: boolean;
  revoked?: boolean;
  copy?: Pick<VerificationItem, 'type' | 'issuedAt' | 'holderMasked'>;
}

/**
 * What a pending copy stands for: the certificate it names, read consistently,
 * if that certificate carries this very code (a crashed issuance's copy names a
 * certificate that is missing or was issued under another code).
 */
export async function resolvePending(items: CertificateItems, copy: VerificationItem): Promise<VerifiedCopy> {
  const certificate = (
    await items.certificates.get({ certificateId: copy.certificateId }).go({ consistent: true })
  ).data;
  if (!certificate || certificate.verifyCode !== copy.verifyCode) return { found: false };
  if (certificate.revoked) return { found: true, revoked: true };
  return { found: true, copy: certificate };
}
