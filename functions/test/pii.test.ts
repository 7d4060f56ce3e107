import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPiiCipher, localDataKeys } from '../src/commons/pii/index';

const cipher = () => createPiiCipher(localDataKeys(randomBytes(32)), randomBytes(32));

describe('personal data encryption at rest', () => {
  it('opens what it sealed, and the sealed text does not contain the value', async () => {
    const pii = cipher();
    const sealed = await pii.seal('13812345678', 'booking.guardianPhone');
    expect(sealed).toMatch(/^pii1\./);
    expect(sealed).not.toContain('13812345678');
    expect(await pii.open(sealed, 'booking.guardianPhone')).toBe('13812345678');
  });

  it('seals the same value differently each time (random IV)', async () => {
    const pii = cipher();
    expect(await pii.seal('13812345678', 'f')).not.toBe(await pii.seal('13812345678', 'f'));
  });

  it('refuses to open a value under another field name', async () => {
    const pii = cipher();
    const sealed = await pii.seal('13812345678', 'booking.guardianPhone');
    await expect(pii.open(sealed, 'person.idNumber')).rejects.toThrow();
  });

  it('refuses a tampered value', async () => {
    const pii = cipher();
    const sealed = await pii.seal('13812345678', 'f');
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    await expect(pii.open(`${sealed.slice(0, -2)}${last}${sealed.at(-1)}`, 'f')).rejects.toThrow();
  });

  it('opens values sealed by another process that shares the master key', async () => {
    const master = randomBytes(32);
    const lookup = randomBytes(32);
    const sealed = await createPiiCipher(localDataKeys(master), lookup).seal('36010219900101123X', 'id');
    expect(await createPiiCipher(localDataKeys(master), lookup).open(sealed, 'id')).toBe(
      '36010219900101123X',
    );
  });

  it('gives equal look-up hashes for equal values and purposes only', () => {
    const pii = cipher();
    const hash = pii.lookupHash('36010219900101123X', 'person');
    expect(pii.lookupHash('36010219900101123X', 'person')).toBe(hash);
    expect(pii.lookupHash('36010219900101123X', 'registration')).not.toBe(hash);
    expect(hash).not.toContain('36010219900101123X');
  });
});
