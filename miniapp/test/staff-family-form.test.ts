import { idNumberCheckCharacter } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import {
  emptyFamilyDraft,
  type FamilyDraft,
  mapFamilyErrors,
  toFamilyRequest,
  validateFamily,
} from '../src/packages/staff/model/family-form';
import { checkHelper, helperDraftFrom } from '../src/packages/staff/model/helpers';

const today = '2026-03-01';
const id = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;
// A woman born 1968-03-15 and a man born 1966-05-20, both of 东湖区 (360102).
const motherId = id('36010219680315002');
const fatherId = id('36010219660520001');

function filled(): FamilyDraft {
  const d = emptyFamilyDraft('360102');
  return {
    ...d,
    kind: 'bereaved',
    hukouType: 'urban',
    childEventDate: '2019-06-01',
    mother: { include: true, name: '王芳', idNumber: motherId, phone: '13800138000', retiredOn: '' },
    father: {
      include: true,
      name: '张强',
      idNumber: fatherId,
      phone: '13900139000',
      retiredOn: '2026-05-20',
    },
  };
}

describe('validateFamily', () => {
  it('accepts a complete record without helpers', () => {
    expect(validateFamily(filled(), today)).toEqual({});
  });

  it('names every missing choice and box', () => {
    const errors = validateFamily(emptyFamilyDraft(), today);
    expect(Object.keys(errors).sort()).toEqual(
      [
        'childEventDate',
        'district',
        'father.idNumber',
        'father.name',
        'father.phone',
        'hukouType',
        'kind',
        'mother.idNumber',
        'mother.name',
        'mother.phone',
      ].sort(),
    );
    expect(errors['mother.idNumber']).toBe('请填写母亲的身份证号');
  });

  it('checks ID numbers as the server does: check character and the sex of the role', () => {
    const d = filled();
    const wrongCheck = `${fatherId.slice(0, 17)}${fatherId.endsWith('0') ? '1' : '0'}`;
    const swapped = {
      ...d,
      mother: { ...d.mother, idNumber: fatherId },
      father: { ...d.father, idNumber: wrongCheck },
    };
    const errors = validateFamily(swapped, today);
    expect(errors['mother.idNumber']).toContain('母亲应为女性');
    expect(errors['father.idNumber']).toBe('身份证号校验位不正确，请核对后重新输入');
  });

  it('needs at least one parent, and skips the boxes of one left out', () => {
    const d = filled();
    expect(
      validateFamily({ ...d, father: { ...d.father, include: false, idNumber: 'junk' } }, today),
    ).toEqual({});
    const none = validateFamily(
      { ...d, mother: { ...d.mother, include: false }, father: { ...d.father, include: false } },
      today,
    );
    expect(none).toEqual({ members: '至少登记父母中的一人' });
  });

  it('refuses an event date in the future or that does not exist', () => {
    expect(validateFamily({ ...filled(), childEventDate: '2026-03-02' }, today).childEventDate).toBe(
      '子女死亡或伤残认定日期不能晚于今天',
    );
    expect(validateFamily({ ...filled(), childEventDate: '2019-02-30' }, today).childEventDate).toBe(
      '日期不存在',
    );
  });

  it('checks a helper only once something is typed in it', () => {
    const d = filled();
    const partial = {
      ...d,
      helpers: { ...d.helpers, familyDoctor: { ...d.helpers.familyDoctor, name: '李医生' } },
    };
    const errors = validateFamily(partial, today);
    expect(errors['familyDoctor.phone']).toBe('请填写医生手机号');
    expect(errors['familyDoctor.institution']).toBe('请填写所在医疗机构');
    expect(errors['familyDoctor.signedOn']).toBe('请填写签约日期');
    expect(errors['familyDoctor.name']).toBeUndefined();
  });
});

describe('toFamilyRequest', () => {
  it('builds the contract body: members mother first, blank options left out', () => {
    const body = toFamilyRequest(filled());
    expect(body).toEqual({
      kind: 'bereaved',
      district: '360102',
      hukouType: 'urban',
      childEventDate: '2019-06-01',
      members: [
        { role: 'mother', name: '王芳', idNumber: motherId, phone: '13800138000' },
        { role: 'father', name: '张强', idNumber: fatherId, phone: '13900139000', retiredOn: '2026-05-20' },
      ],
    });
  });

  it('sends filled helpers under their request names (green channel as greenChannelHospital)', () => {
    const d = filled();
    const body = toFamilyRequest({
      ...d,
      father: { ...d.father, include: false },
      helpers: {
        ...d.helpers,
        contactPerson: { name: ' 刘联系 ', phone: '13700137000', userId: '' },
        greenChannel: { hospital: '南昌大学第一附属医院', phone: '' },
      },
    });
    expect(body.members.map((m) => m.role)).toEqual(['mother']);
    expect(body.contactPerson).toEqual({ name: '刘联系', phone: '13700137000' });
    expect(body.greenChannelHospital).toEqual({ hospital: '南昌大学第一附属医院' });
    expect(body.familyDoctor).toBeUndefined();
  });
});

describe('mapFamilyErrors', () => {
  it('puts server errors on the boxes: members by their place in the body sent', () => {
    const sent = { members: [{ role: 'father' as const }, { role: 'mother' as const }] };
    const mapped = mapFamilyErrors(
      '请求参数不正确',
      [
        { path: 'body.members.1.idNumber', message: '该身份证号已在另一份档案中' },
        { path: 'body.greenChannelHospital.hospital', message: '请填写医院名称' },
        { path: 'body.somethingElse', message: '其他问题' },
      ],
      sent,
    );
    expect(mapped.fields).toEqual({
      'mother.idNumber': '该身份证号已在另一份档案中',
      'greenChannel.hospital': '请填写医院名称',
    });
    expect(mapped.banner).toBe('其他问题');
  });

  it('shows the message in the banner when no box matches (a 409, say)', () => {
    expect(mapFamilyErrors('该家庭成员已在另一份档案中', [], { members: [] })).toEqual({
      fields: {},
      banner: '该家庭成员已在另一份档案中',
    });
  });
});

describe('helper forms', () => {
  it('starts an edit from what the record holds', () => {
    expect(helperDraftFrom('greenChannel', { hospital: '省人民医院' })).toEqual({
      hospital: '省人民医院',
      phone: '',
    });
    expect(helperDraftFrom('contactPerson', undefined)).toEqual({ name: '', phone: '', userId: '' });
  });

  it('checks with the shared schema and drops blank optional fields', () => {
    expect(checkHelper('contactPerson', { name: '刘联系', phone: '13700137000', userId: '' })).toEqual({
      value: { name: '刘联系', phone: '13700137000' },
      errors: {},
    });
    expect(checkHelper('contactPerson', { name: '刘联系', phone: '123', userId: '' }).errors).toEqual({
      phone: '请填写正确的 11 位手机号',
    });
  });
});
