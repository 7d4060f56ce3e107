import { idNumberCheckCharacter } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { alreadyBoundMessage, toBindRequest, validateIdentity, whyWeAsk } from '../src/identity/form';
import { idNumberFacts, idNumberHint } from '../src/identity/id-hint';

const today = '2026-11-29';
const first17 = '36010219700305002';
// A woman born 1970-03-05 in 东湖区, with the check character of GB 11643.
const idNumber = first17 + (idNumberCheckCharacter(first17) ?? '');

describe('ID number checked as typed', () => {
  it('says nothing while empty and counts what is missing', () => {
    expect(idNumberHint('', today)).toBeUndefined();
    expect(idNumberHint('360102', today)).toBe('还差 12 位（共 18 位）');
  });

  it('flags a wrong character or an impossible birth date before the number is complete', () => {
    expect(idNumberHint('36010A', today)).toBe('身份证号应为 18 位，最后一位可以是数字或 X');
    expect(idNumberHint('36010219701345', today)).toBe('身份证号中的出生日期不存在');
    expect(idNumberHint('36010220301010', today)).toBe('身份证号中的出生日期晚于今天');
  });

  it('checks the complete number with the shared rule', () => {
    expect(idNumberHint(idNumber, today)).toBeUndefined();
    expect(idNumberHint(idNumber.toLowerCase(), today)).toBeUndefined();
    const wrong = first17 + (idNumber.endsWith('1') ? '2' : '1');
    expect(idNumberHint(wrong, today)).toBe('身份证号校验位不正确，请核对后重新输入');
    expect(idNumberFacts(idNumber, today)).toEqual({
      regionCode: '360102',
      birthDate: '1970-03-05',
      sex: 'F',
    });
  });
});

describe('实名认证 form', () => {
  it('asks for name and number', () => {
    expect(validateIdentity({ name: '', idNumber: '' }, today)).toEqual({
      name: '请填写姓名',
      idNumber: '请填写身份证号',
    });
    expect(validateIdentity({ name: '张桂英', idNumber }, today)).toEqual({});
  });

  it('sends the number trimmed and upper-case, with the face result only when there is one', () => {
    expect(toBindRequest({ name: ' 张桂英 ', idNumber: ` ${idNumber.toLowerCase()} ` })).toEqual({
      name: '张桂英',
      idNumber,
    });
    expect(toBindRequest({ name: '张桂英', idNumber }, 'verify-result-1')).toEqual({
      name: '张桂英',
      idNumber,
      faceVerifyResult: 'verify-result-1',
    });
  });

  it('says why it asks and who to contact when the number is bound to another account', () => {
    expect(whyWeAsk).toContain('加密保存');
    expect(whyWeAsk).toContain('扶助政策');
    expect(alreadyBoundMessage).toContain('另一个微信账号');
    expect(alreadyBoundMessage).toContain('县区卫生健康委员会');
    expect(`${whyWeAsk}${alreadyBoundMessage}`).not.toMatch(/[!！]/);
  });
});
