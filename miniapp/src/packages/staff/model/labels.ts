import { type DistrictCode, districtByCode, districts, type SpecialFamilyKind } from '@hongjia/shared';

/** Words staff read on the special-family pages (the API speaks English enums). */
export const familyKindNames: Record<SpecialFamilyKind, string> = { bereaved: '失独', disabled: '伤残' };
export const hukouTypeNames: Record<'urban' | 'rural', string> = { urban: '城镇', rural: '农村' };
export const memberRoleNames: Record<'father' | 'mother', string> = { father: '父亲', mother: '母亲' };

export type Lacking = 'contactPerson' | 'familyDoctor' | 'greenChannel';
export const lackingNames: Record<Lacking, string> = {
  contactPerson: '联系人',
  familyDoctor: '签约医生',
  greenChannel: '绿色通道',
};

export function districtName(code: DistrictCode | undefined): string {
  return code ? districtByCode(code).name : '全市';
}

/** District chips: city staff may also pick 全市 (undefined) where the route allows it. */
export function districtOptions(withCity: boolean) {
  const each = districts.map((d) => ({
    value: d.code as DistrictCode | undefined,
    text: d.name,
    key: d.code,
  }));
  return withCity
    ? [{ value: undefined as DistrictCode | undefined, text: '全市', key: 'all' }, ...each]
    : each;
}

/** What a record still lacks of 三个全覆盖. */
export function missingOf(f: {
  hasContactPerson: boolean;
  hasFamilyDoctor: boolean;
  hasGreenChannel: boolean;
}): Lacking[] {
  const out: Lacking[] = [];
  if (!f.hasContactPerson) out.push('contactPerson');
  if (!f.hasFamilyDoctor) out.push('familyDoctor');
  if (!f.hasGreenChannel) out.push('greenChannel');
  return out;
}
