import { createHash, randomInt } from 'node:crypto';
import {
  type CertificateItem,
  type CertificateItems,
  issueCertificateWithCode,
  revokeCertificateItem,
} from '../certificates';
import type { RegistrationItem } from './entity';

/** Unambiguous when read aloud or typed from paper: no 0/O, 1/I. */
const verifyAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newVerifyCode(): string {
  return Array.from({ length: 12 }, () => verifyAlphabet.charAt(randomInt(verifyAlphabet.length))).join('');
}

/**
 * Derived from the registration, so the id can be written on the
 * registration before the certificate item exists, and a retried or repaired
 * issuance finds the same certificate instead of making a second one.
 */
export function certificateIdFor(registrationId: string): string {
  return `crt_${createHash('sha256').update(`certificate:${registrationId}`).digest('hex').slice(0, 20)}`;
}

const titles = {
  registration: { type: 'birth_registration_receipt', title: '生育登记服务证' },
  reapproval: { type: 'reapproval_decision', title: '再生育审批决定书' },
} as const;

/**
 * Issues the e-certificate of an approved registration (once: conditional
 * create on the derived id), with the verification item verify reads
 * (certificates/verification.ts: pending first, settled after). The QR
 * payload is signed when the certificate is read (certificates group), not stored.
 */
export async function issueCertificate(
  items: CertificateItems,
  registration: RegistrationItem,
  now: Date,
): Promise<CertificateItem> {
  const { type, title } = titles[registration.kind];
  return issueCertificateWithCode(
    items,
    {
      certificateId: certificateIdFor(registration.registrationId),
      registrationId: registration.registrationId,
      userId: registration.userId,
      type,
      title,
      receiptNo: registration.receiptNo,
      holderMasked: `${registration.motherNameMasked}、${registration.fatherNameMasked}`,
      parity: registration.parity,
      jurisdiction: registration.jurisdiction,
      issuedAt: now.toISOString(),
    },
    newVerifyCode,
  );
}

/**
 * Revokes the certificate of a voided registration (decision 0011), as
 * staff revocation does (`revoked`, when, why, by whom, and its verification
 * item), but idempotently: an already revoked certificate keeps its first
 * reason, and a certificate never written (a crash before issuance) stays
 * unwritten — only approved registrations are repaired into one.
 */
export async function revokeCertificate(
  items: CertificateItems,
  registration: RegistrationItem,
  revocation: { reason: string; by: string },
  now: Date,
): Promise<void> {
  if (!registration.certificateId) return;
  const certificate = (
    await items.certificates.get({ certificateId: registration.certificateId }).go({ consistent: true })
  ).data;
  if (!certificate) return;
  await revokeCertificateItem(items, certificate, { ...revocation, at: now });
}
