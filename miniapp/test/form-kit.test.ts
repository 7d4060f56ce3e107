import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/errors';
import { splitApiError } from '../src/api/field-errors';
import { buttonClass } from '../src/components/buttons';
import { byFields, failureOf } from '../src/forms/failure';
import { mapFamilyErrors } from '../src/packages/staff/model/family-form';
import { mapApiDetails } from '../src/registration/steps';

const refused = new ApiError({
  code: 'VALIDATION_FAILED',
  status: 400,
  message: '请求参数有误',
  details: [
    { path: 'body.mother.idNumber', message: '身份证号校验位不对' },
    { path: 'body.hospital', message: '请填写出生医院' },
    { path: 'query.cursor', message: '翻页标记无效' },
  ],
});

describe('failureOf (what a failed submit shows)', () => {
  it('puts API error details under the form’s fields and the rest in the banner', () => {
    expect(failureOf(refused, byFields(['hospital']), '提交失败')).toEqual({
      fields: { hospital: '请填写出生医院' },
      banner: '身份证号校验位不对；翻页标记无效',
    });
  });

  it('maps paths with a function when a name match is not enough', () => {
    const fieldOf = (path: string) => (path === 'body.mother.idNumber' ? 'motherId' : undefined);
    expect(failureOf(refused, byFields(fieldOf), '提交失败').fields).toEqual({
      motherId: '身份证号校验位不对',
    });
  });

  it('shows the server’s message when no detail is a field of the form', () => {
    const full = new ApiError({ code: 'SLOT_FULL', status: 409, message: '该时段已满' });
    expect(failureOf(full, byFields(['childName']), '提交失败')).toEqual({
      fields: {},
      banner: '该时段已满',
    });
  });

  it('never shows a thrown bug’s own message: the form’s sentence instead', () => {
    expect(
      failureOf(
        new TypeError("Cannot read properties of undefined (reading 'id')"),
        byFields([]),
        '提交失败，请稍后再试',
      ),
    ).toEqual({
      fields: {},
      banner: '提交失败，请稍后再试',
    });
  });
});

describe('one splitter for every form', () => {
  it('sends a second message for the same field to the banner, not over the first', () => {
    const split = splitApiError(
      {
        message: 'x',
        details: [
          { path: 'body.phone', message: '请填写手机号' },
          { path: 'body.phone', message: '手机号格式不对' },
        ],
      },
      ['phone'],
    );
    expect(split).toEqual({ fields: { phone: '请填写手机号' }, banner: '手机号格式不对' });
  });

  it('keeps the registration steps’ and the staff family form’s mapping', () => {
    expect(mapApiDetails(refused.message, refused.details)).toMatchObject({
      fields: { 'mother.idNumber': '身份证号校验位不对' },
      step: 'mother',
    });
    const family = mapFamilyErrors(
      '请求参数有误',
      [
        { path: 'body.members.1.phone', message: '请填写正确的手机号' },
        { path: 'body.greenChannelHospital.hospital', message: '请填写医院' },
      ],
      { members: [{ role: 'mother' }, { role: 'father' }] },
    );
    expect(family.fields).toEqual({
      'father.phone': '请填写正确的手机号',
      'greenChannel.hospital': '请填写医院',
    });
  });
});

describe('buttonClass (one look for every button)', () => {
  it('builds the classes the elderly-mode sizes hang on', () => {
    expect(buttonClass({})).toBe('btn btn--primary');
    expect(buttonClass({ tone: 'plain', small: true })).toBe('btn btn--plain btn--small');
    expect(buttonClass({ tone: 'danger', grow: true, className: 'st-btn--alert' })).toBe(
      'btn btn--danger grow st-btn--alert',
    );
  });
});
