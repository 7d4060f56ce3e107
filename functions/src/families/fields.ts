/**
 * Field names bound into sealed values (the cipher's associated data), so a
 * value copied into another field does not open. Other groups that open a
 * family's sealed data use these names.
 */
export const sealedFields = {
  identityName: 'identity.name',
  identityIdNumber: 'identity.idNumber',
  memberName: 'specialFamily.member.name',
  memberIdNumber: 'specialFamily.member.idNumber',
  memberPhone: 'specialFamily.member.phone',
  contactPhone: 'specialFamily.contactPerson.phone',
  doctorPhone: 'specialFamily.familyDoctor.phone',
  greenChannelPhone: 'specialFamily.greenChannel.phone',
} as const;
