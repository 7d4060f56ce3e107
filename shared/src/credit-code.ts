/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters
 * from a 31-symbol alphabet (no I, O, Z, S, V); the last is a check character
 * computed from the first 17 with weights 3^i mod 31.
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = alphabet.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (weights[i] ?? 0);
  }
  return alphabet.charAt((31 - (sum % 31)) % 31);
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheckCharacter(code.slice(0, 17)) === code.charAt(17);
}
