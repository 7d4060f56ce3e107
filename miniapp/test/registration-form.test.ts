import type { RegistrationView } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { draftFromView, emptyDraft, type RegistrationDraft } from '../src/registration/draft';
import { idNumberIssue } from '../src/registration/id-check';
import {
  mapApiDetails,
  parityHint,
  stepOfPath,
  toRequest,
  validateAll,
  validateStep,
} from '../src/registration/steps';

const today = '2026-11-29';
// Valid GB 11643 numbers (check characters from idNumberCheckCharacter): a woman born 1995-03-15
// and a man born 1993-05-20, both registered in 东湖区 (360102).
const motherId = '360102199503150029';
const fatherId = '360102199305200013';

function cleanDraft(): RegistrationDraft {
  return {
    ...emptyDraft(),
    mother: { name: '王芳', idNumber: motherId, phone: '13800138000', hukouDistrict: '360102' },
    father: { name: '李强', idNumber: fatherId, phone: '13900139000', hukouDistrict: '360102' },
    marriageDate: '2020-05-01',
    expectedDueDate: '2027-02-28',
    consent: true,
  };
}

describe('idNumberIssue (live, as the user types)', () => {
  it('says nothing for an empty field and counts what is missing', () => {
    expect(idNumberIssue('', 'F', '母亲', today)).toBeUndefined();
    expect(idNumberIssue('3601021995', 'F', '母亲', today)).toBe('还差 8 位（共 18 位）');
  });

  it('flags an impossible birth date as soon as it is typed', () => {
    expect(idNumberIssue('36010219950230', 'F', '母亲', today)).toBe('身份证号中的出生日期不存在');
  });

  it('checks the check character with the shared rule', () => {
    expect(idNumberIssue('360102199503150028', 'F', '母亲', today)).toContain('校验位不正确');
  });

  it('requires the sex the role needs', () => {
    expect(idNumberIssue(fatherId, 'F', '母亲', today)).toContain('母亲应为女性');
    expect(idNumberIssue(motherId, 'M', '父亲', today)).toContain('父亲应为男性');
    expect(idNumberIssue(motherId, 'F', '母亲', today)).toBeUndefined();
  });
});

describe('validateStep', () => {
  it('passes a clean first-child registration on every step', () => {
    expect(validateAll(cleanDraft(), today)).toEqual({});
    expect(validateStep('confirm', cleanDraft(), today)).toEqual({});
  });

  it('sends a 4th child to 再生育审批 and asks the reason there', () => {
    expect(validateStep('kind', { ...cleanDraft(), parity: 4 }, today).parity).toContain('再生育审批');
    expect(validateStep('kind', { ...cleanDraft(), kind: 'reapproval', parity: 4 }, today).reason).toContain(
      '说明',
    );
  });

  it('uses the contract’s messages for parent fields', () => {
    const d = cleanDraft();
    const errors = validateStep('mother', { ...d, mother: { name: '', idNumber: '', phone: '123' } }, today);
    expect(errors['mother.name']).toBe('请填写姓名');
    expect(errors['mother.idNumber']).toBe('请填写身份证号');
    expect(errors['mother.phone']).toBe('请填写正确的 11 位手机号');
    expect(errors['mother.hukouDistrict']).toContain('户籍');
  });

  it('checks the legal marriage age of each parent from their ID numbers', () => {
    // The mother turned 20 on 2015-03-15, the father 22 on 2015-05-20.
    expect(validateStep('family', { ...cleanDraft(), marriageDate: '2015-04-01' }, today).marriageDate).toBe(
      '按身份证号计算，结婚时父亲未满 22 周岁（法定婚龄），请核对结婚日期',
    );
    expect(validateStep('family', { ...cleanDraft(), marriageDate: '2015-05-20' }, today)).toEqual({});
  });

  it('checks each existing child and the due date', () => {
    const errors = validateStep(
      'family',
      {
        ...cleanDraft(),
        existingChildren: [{ name: '', birthDate: '2027-01-01' }],
        expectedDueDate: '2028-06-01',
      },
      today,
    );
    expect(errors['existingChildren.0.name']).toBe('请填写孩子姓名');
    expect(errors['existingChildren.0.birthDate']).toBe('出生日期不能晚于今天');
    expect(errors['existingChildren.0.sex']).toBe('请选择性别');
    expect(errors.expectedDueDate).toContain('10 个月');
  });

  it('needs consent on the last step', () => {
    expect(validateStep('confirm', { ...cleanDraft(), consent: false }, today).consent).toBeDefined();
  });
});

describe('parityHint', () => {
  it('is quiet when the parity follows the children listed, and explains a mismatch', () => {
    expect(parityHint(cleanDraft())).toBeUndefined();
    expect(parityHint({ ...cleanDraft(), parity: 2 })).toContain('人工核对');
  });
});

describe('toRequest', () => {
  it('builds the contract body and leaves empty optional fields out', () => {
    const body = toRequest({
      ...cleanDraft(),
      expectedDueDate: '',
      mother: { ...cleanDraft().mother, idNumber: '360102199503150029 ' },
    });
    expect(body.mother.idNumber).toBe(motherId);
    expect(body).not.toHaveProperty('expectedDueDate');
    expect(body).not.toHaveProperty('reason');
    expect(body).not.toHaveProperty('attachmentIds');
  });
});

describe('API errors on the form', () => {
  it('maps body.mother.idNumber to the mother field and opens the earliest step', () => {
    const mapped = mapApiDetails('请求参数有误', [
      { path: 'body.marriageDate', message: '结婚日期有误' },
      { path: 'body.mother.idNumber', message: '身份证号校验位不正确' },
      { path: 'header.x', message: '其他' },
    ]);
    expect(mapped.fields).toEqual({
      'mother.idNumber': '身份证号校验位不正确',
      marriageDate: '结婚日期有误',
    });
    expect(mapped.step).toBe('mother');
    expect(mapped.banner).toBe('其他');
    expect(stepOfPath('body.existingChildren.0.birthDate')).toBe('family');
  });

  it('falls back to the message when no field matches', () => {
    expect(mapApiDetails('重复提交', [])).toEqual({ fields: {}, banner: '重复提交', step: undefined });
  });
});

describe('draftFromView (修改并重新提交)', () => {
  it('keeps what can be sent back and asks again for masked numbers', () => {
    const parent = {
      name: '王芳',
      idNumberMasked: '3601**********0029',
      phoneMasked: '138****8000',
      hukouDistrict: '360102' as const,
    };
    const view = {
      kind: 'registration',
      parity: 1,
      mother: parent,
      father: { ...parent, name: '李强' },
      marriageDate: '2020-05-01',
      existingChildren: [],
      attachments: [{ id: 'u1', fileName: 'a.pdf', contentType: 'application/pdf', size: 10 }],
    } as unknown as RegistrationView;
    const draft = draftFromView(view);
    expect(draft.mother.idNumber).toBe('');
    expect(draft.mother.maskedIdNumber).toBe('3601**********0029');
    expect(draft.attachments).toEqual([{ uploadId: 'u1', fileName: 'a.pdf', size: 10 }]);
    expect(validateStep('mother', draft, today)['mother.idNumber']).toBe('请填写身份证号');
  });
});
