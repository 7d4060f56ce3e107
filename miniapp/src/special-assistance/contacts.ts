import type { MySpecialFamily } from '@hongjia/shared';

export interface ContactRow {
  /** Id suffix: special-call-contact, special-call-doctor, special-call-hospital. */
  key: 'contact' | 'doctor' | 'hospital';
  title: string;
  /** Who or where; absent when nobody is arranged yet. */
  who?: string;
  detail?: string;
  phone?: string;
  /** Said instead when nobody is arranged yet. */
  missing: string;
}

const notYet = (what: string) => `还没有为您安排${what}。县区卫健委会尽快安排，安排好后会显示在这里。`;

/** The family's three helpers (三个全覆盖), each with its number for a one-tap call. */
export function contactRows(family: MySpecialFamily): ContactRow[] {
  const { contactPerson: contact, familyDoctor: doctor, greenChannelHospital: channel } = family;
  return [
    {
      key: 'contact',
      title: '我的联系人',
      ...(contact ? { who: contact.name, phone: contact.phone } : {}),
      missing: notYet('联系人'),
    },
    {
      key: 'doctor',
      title: '家庭医生',
      ...(doctor ? { who: doctor.name, detail: doctor.institution, phone: doctor.phone } : {}),
      missing: notYet('签约家庭医生'),
    },
    {
      key: 'hospital',
      title: '就医绿色通道',
      ...(channel
        ? {
            who: channel.hospital,
            detail: '看病可走绿色通道',
            ...(channel.phone ? { phone: channel.phone } : {}),
          }
        : {}),
      missing: notYet('就医绿色通道'),
    },
  ];
}
