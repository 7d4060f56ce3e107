import { describe, expect, it } from 'vitest';
import { splitApiError } from '../src/api/field-errors';
import { createKeyKeeper } from '../src/api/key-keeper';
import { classHint, hasErrors, validateBooking } from '../src/childcare/booking-form';

const slot = { date: '2026-12-01', ageClass: 'preschool' as const };
const good = { childName: '小明', childBirthDate: '2024-11-29', guardianPhone: '13800138000' };

describe('validateBooking', () => {
  it('accepts a two-year-old for a 托大班 slot', () => {
    expect(hasErrors(validateBooking(good, slot))).toBe(false);
  });

  it('uses the contract’s messages for each field', () => {
    const errors = validateBooking(
      { childName: ' ', childBirthDate: '2024-02-30', guardianPhone: '1380013' },
      slot,
    );
    expect(errors.childName).toBe('请填写孩子姓名');
    expect(errors.childBirthDate).toBe('日期不存在');
    expect(errors.guardianPhone).toBe('请填写正确的 11 位手机号');
  });

  it('blocks a class mismatch and names the right class', () => {
    const errors = validateBooking({ ...good, childBirthDate: '2025-06-01' }, slot);
    expect(errors.childBirthDate).toContain('该时段是托大班');
    expect(errors.childBirthDate).toContain('应入托小班');
  });

  it('refuses a child outside 6–36 months on the slot date', () => {
    expect(validateBooking({ ...good, childBirthDate: '2026-08-01' }, slot).childBirthDate).toContain(
      '不在托育年龄',
    );
    expect(validateBooking({ ...good, childBirthDate: '2023-01-01' }, slot).childBirthDate).toContain(
      '不在托育年龄',
    );
  });

  it('counts age on the slot date: exactly 24 months is 托大班 (lower bound inclusive)', () => {
    expect(classHint('2024-12-01', '2026-12-01')?.ageClass).toBe('preschool');
    expect(classHint('2024-12-02', '2026-12-01')?.ageClass).toBe('toddler');
  });

  it('says nothing until the date is complete', () => {
    expect(classHint('2024-1', '2026-12-01')).toBeUndefined();
  });
});

describe('splitApiError', () => {
  it('puts details on their fields and the rest in the banner', () => {
    const split = splitApiError(
      {
        message: '请求参数有误',
        details: [
          { path: 'body.childBirthDate', message: '孩子年龄与班级不符' },
          { path: 'params.slotId', message: '时段不存在' },
        ],
      },
      ['childName', 'childBirthDate', 'guardianPhone'],
    );
    expect(split.fields).toEqual({ childBirthDate: '孩子年龄与班级不符' });
    expect(split.banner).toBe('时段不存在');
  });

  it('falls back to the message when nothing matches a field', () => {
    expect(splitApiError({ message: '该时段已满', details: [] }, ['childName'])).toEqual({
      fields: {},
      banner: '该时段已满',
    });
  });
});

describe('createKeyKeeper', () => {
  it('reuses the key for a retry of the same body, so a double tap cannot book twice', () => {
    let n = 0;
    const keys = createKeyKeeper(() => `k${++n}`);
    expect(keys.keyFor({ slotId: 's1', body: good })).toBe('k1');
    expect(keys.keyFor({ slotId: 's1', body: { ...good } })).toBe('k1');
  });

  it('takes a new key once the form changed (the same key with another body is a 422)', () => {
    let n = 0;
    const keys = createKeyKeeper(() => `k${++n}`);
    keys.keyFor({ body: good });
    expect(keys.keyFor({ body: { ...good, childName: '小红' } })).toBe('k2');
  });
});
