import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, isValidCreditCode } from '../src/credit-code';

describe('unified social credit code (GB 32100)', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91440300708461136T'])(
    'accepts the published code %s',
    (code) => {
      expect(isValidCreditCode(code)).toBe(true);
    },
  );

  it('rejects a code whose check character was changed', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });

  it.each([
    ['too short', '91350100M000100Y4'],
    ['lower case', '91350100m000100Y43'],
    ['forbidden letter I', '91350100I000100Y43'],
    ['forbidden letter O', '91350100O000100Y43'],
  ])('rejects a code that is %s', (_why, code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('computes 0 when the weighted sum is a multiple of 31', () => {
    // 17 zeros: sum 0 → check (31 - 0) mod 31 = 0
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });
});
