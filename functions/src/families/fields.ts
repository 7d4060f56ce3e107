/**
 * Field names bound into sealed values (the cipher's associated data), so a
 * value copied into another field does not open. Other groups that open a
 * family's sealed data use these names.
 */
export const sealedFields = {
  identityName: 'identity.name',
  identityIdNumber: 'identity.idNumber',
  identityBirthDate: 'identity.birthDate',
  memberName: 'specialFamily.member.name',
  memberIdNumber: 'specialFamily.member.idNumber',
  memberPhone: 'specialFamily.member.phone',
  /** Kind, event date, children and the members' birth dates, as one JSON value (sealed-record.ts). */
  facts: 'specialFamily.facts',
  contactName: 'specialFamily.contactPerson.name',
  contactPhone: 'specialFamily.contactPerson.phone',
  doctorName: 'specialFamily.familyDoctor.name',
  doctorPhone: 'specialFamily.familyDoctor.phone',
  greenChannelPhone: 'specialFamily.greenChannel.phone',
  proxyContactName: 'specialFamily.proxyConsent.contactName',
  /** 重大疾病综合商业保险 policy number (decision 0033): shown masked only. */
  criticalIllnessPolicyNumber: 'specialFamily.criticalIllnessCover.policyNumber',
} as const;
