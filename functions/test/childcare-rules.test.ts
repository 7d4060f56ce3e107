import { creditCodeCheckCharacter, isValidCreditCode } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { ageMismatch, childGuardKey } from '../src/childcare/booking/rules';
import { filingProblems, slotProblems } from '../src/childcare/filing/rules';
import { districtFigures } from '../src/childcare/stats/figures';
import { createPiiCipher, localDataKeys } from '../src/commons/pii';

const filing = (
  classes: { ageClass: 'infant' | 'toddler' | 'preschool'; capacity: number; caregivers: number }[],
) => ({
  name: '测试',
  creditCode: '91350100M000100Y43',
  address: '南昌市某路 1 号',
  district: '360102' as const,
  lat: 28.68,
  lng: 115.9,
  affordable: true,
  monthlyFeeYuan: 1000,
  classes,
});

describe('credit codes (GB 32100)', () => {
  it('accepts published codes and refuses a wrong check character, a bad length and I/O/Z/S/V', () => {
    for (const code of ['91350100M000100Y43', '91110000600037341L', '91440300708461136T']) {
      expect(isValidCreditCode(code), code).toBe(true);
    }
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M0001O0Y43')).toBe(false);
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });
});

describe('filing rules', () => {
  it('accepts every class at its maximum with the caregivers its ratio needs', () => {
    expect(
      filingProblems(
        filing([
          { ageClass: 'infant', capacity: 10, caregivers: 4 },
          { ageClass: 'toddler', capacity: 15, caregivers: 3 },
          { ageClass: 'preschool', capacity: 20, caregivers: 3 },
        ]),
      ),
    ).toEqual([]);
  });

  it('names each class over its maximum, short of caregivers, or repeated', () => {
    const paths = filingProblems(
      filing([
        { ageClass: 'infant', capacity: 11, caregivers: 4 },
        { ageClass: 'toddler', capacity: 15, caregivers: 2 },
        { ageClass: 'preschool', capacity: 21, caregivers: 3 },
        { ageClass: 'toddler', capacity: 5, caregivers: 1 },
      ]),
    ).map((p) => p.path);
    expect(paths).toEqual([
      'body.classes.0.capacity',
      'body.classes.1.caregivers',
      'body.classes.2.capacity',
      'body.classes.3.ageClass',
    ]);
  });
});

describe('slot rules', () => {
  const classes = [{ ageClass: 'toddler' as const, capacity: 12 }];
  it('keeps a slot within the filed class size, for offered classes, after today', () => {
    expect(
      slotProblems(
        classes,
        { ageClass: 'toddler', date: '2030-01-02', session: 'full_day', capacity: 12 },
        '2030-01-01',
      ),
    ).toEqual([]);
    const paths = (input: Parameters<typeof slotProblems>[1]) =>
      slotProblems(classes, input, '2030-01-01').map((p) => p.path);
    expect(paths({ ageClass: 'toddler', date: '2030-01-02', session: 'full_day', capacity: 13 })).toEqual([
      'body.capacity',
    ]);
    expect(paths({ ageClass: 'infant', date: '2030-01-02', session: 'full_day', capacity: 5 })).toEqual([
      'body.ageClass',
    ]);
    expect(paths({ ageClass: 'toddler', date: '2030-01-01', session: 'full_day', capacity: 5 })).toEqual([
      'body.date',
    ]);
  });
});

describe('age on the slot date', () => {
  it('puts exactly 12 months in 托小班 and exactly 24 months in 托大班', () => {
    expect(ageMismatch('toddler', '2029-03-15', '2030-03-15')).toBeUndefined();
    expect(ageMismatch('infant', '2029-03-15', '2030-03-15')?.path).toBe('body.childBirthDate');
    expect(ageMismatch('preschool', '2028-03-15', '2030-03-15')).toBeUndefined();
    expect(ageMismatch('toddler', '2028-03-15', '2030-03-15')?.message).toContain('托小班');
    expect(ageMismatch('toddler', '2029-03-16', '2030-03-15')?.message).toContain('11 个月');
  });
});

describe('child guard key', () => {
  const cipher = createPiiCipher(localDataKeys(Buffer.alloc(32, 1)), Buffer.alloc(32, 2));
  const key = (slot: string, name: string, birthDate: string, userId = 'u1') =>
    childGuardKey(cipher, userId, slot, name, birthDate);

  it('is the same child whatever the spacing of its name, and another child otherwise', () => {
    expect(key('s1', '王 小明', '2028-01-01')).toBe(key('s1', '王小明', '2028-01-01'));
    expect(key('s1', '王小明', '2028-01-01')).not.toBe(key('s1', '王小明', '2028-01-02'));
    expect(key('s1', '王小明', '2028-01-01')).not.toBe(key('s2', '王小明', '2028-01-01'));
  });

  it("is scoped to the account: another account's booking of the same child never holds this family's guard", () => {
    expect(key('s1', '王小明', '2028-01-01', 'u1')).not.toBe(key('s1', '王小明', '2028-01-01', 'u2'));
  });

  it('is keyed: without the look-up key a guessed name and birth date give another key', () => {
    const other = createPiiCipher(localDataKeys(Buffer.alloc(32, 1)), Buffer.alloc(32, 3));
    expect(childGuardKey(other, 'u1', 's1', '王小明', '2028-01-01')).not.toBe(
      key('s1', '王小明', '2028-01-01'),
    );
  });
});

describe('district figures', () => {
  const offer = (capacity: number) => [{ ageClass: 'toddler' as const, capacity, caregivers: 3 }];
  it('computes the affordable share against 30% and counts openings of the year in Shanghai time', () => {
    const figures = districtFigures(
      '360102',
      [
        { affordable: true, classes: offer(15), publishedAt: '2026-12-31T16:30:00.000Z' }, // 2027-01-01 in Nanchang
        { affordable: false, classes: offer(35), publishedAt: '2026-06-01T00:00:00.000Z' },
      ],
      2027,
    );
    expect(figures).toMatchObject({
      places: 50,
      affordablePlaces: 15,
      affordableShare: 0.3,
      meetsAffordableTarget: true,
      openedThisYear: 1,
    });
  });

  it('reports a share of 0 for a district without places', () => {
    expect(districtFigures('360123', [], 2027)).toMatchObject({
      places: 0,
      affordableShare: 0,
      meetsAffordableTarget: false,
    });
  });
});
