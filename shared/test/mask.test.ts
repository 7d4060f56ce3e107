import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from '../src/mask';

describe('masking personal data in responses', () => {
  it('keeps the first 4 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('36010219900101123X')).toBe('3601**********123X');
  });

  it('keeps the first 3 and last 4 digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps only the surname of a name', () => {
    expect(maskName('张三丰')).toBe('张**');
  });

  it('masks short values completely rather than revealing them', () => {
    expect(maskIdNumber('1234')).toBe('****');
    expect(maskPhone('12345')).toBe('*****');
  });
});
