import type { AgencyPayload } from './agencies/types';
import type { BundleItemKind } from './entities';

/** The child's details as sealed on the bundle (opened only by the outbox worker). */
export interface BirthDetails {
  medicalCertificateNo: string;
  childName: string;
  childSex: 'M' | 'F';
  childBirthDate: string;
  birthWeightG?: number;
  hospital: string;
  householdDistrict: string;
}

/** Least disclosure: each agency gets only what its item needs. */
export function payloadFor(kind: BundleItemKind, details: BirthDetails): AgencyPayload {
  const child = { name: details.childName, sex: details.childSex, birthDate: details.childBirthDate };
  switch (kind) {
    case 'household_registration':
      return {
        ...child,
        medicalCertificateNo: details.medicalCertificateNo,
        hospital: details.hospital,
        householdDistrict: details.householdDistrict,
      };
    case 'medical_insurance':
    case 'social_security_card':
      return {
        ...child,
        medicalCertificateNo: details.medicalCertificateNo,
        householdDistrict: details.householdDistrict,
      };
    case 'vaccination_record':
    case 'vaccination_certificate':
      return {
        ...child,
        hospital: details.hospital,
        ...(details.birthWeightG !== undefined ? { birthWeightG: details.birthWeightG } : {}),
      };
    case 'birth_certificate':
      // 出生医学证明: the hospital's issuing system confirms the certificate's details.
      return {
        ...child,
        medicalCertificateNo: details.medicalCertificateNo,
        hospital: details.hospital,
        ...(details.birthWeightG !== undefined ? { birthWeightG: details.birthWeightG } : {}),
      };
    case 'maternity_allowance':
    case 'maternity_medical':
      // 医保 finds the insured mother from the certificate; the child's name is not needed.
      return {
        medicalCertificateNo: details.medicalCertificateNo,
        birthDate: details.childBirthDate,
        hospital: details.hospital,
        householdDistrict: details.householdDistrict,
      };
    case 'childcare_subsidy':
      // Filed in-house from the bundle with the child's ID number (decision 0035), not from this.
      return { ...child, householdDistrict: details.householdDistrict };
  }
}
