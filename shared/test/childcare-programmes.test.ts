import { describe, expect, it } from 'vitest';
import { affordablePlacesOf, feeCapProblem, filingRate } from '../src/childcare/programmes';

/** Decision 0034: the arithmetic behind 登记备案率, 普惠 places and the fee cap. */
describe('filing rate (登记备案率)', () => {
  it.each([
    { name: 'nothing known', listed: [], filed: [], known: 0, filedN: 0, rate: 0 },
    { name: 'none of the listed filed', listed: ['A', 'B'], filed: [], known: 2, filedN: 0, rate: 0 },
    {
      name: 'one of three listed filed',
      listed: ['A', 'B', 'C'],
      filed: ['A'],
      known: 3,
      filedN: 1,
      rate: 0.3333,
    },
    { name: 'all listed filed', listed: ['A', 'B'], filed: ['B', 'A'], known: 2, filedN: 2, rate: 1 },
    // A filing absent from the list is known too: both counts rise, the rate never passes 1.
    {
      name: 'a filing not on the list',
      listed: ['A', 'B'],
      filed: ['A', 'Z'],
      known: 3,
      filedN: 2,
      rate: 0.6667,
    },
    { name: 'only unlisted filings', listed: [], filed: ['Z'], known: 1, filedN: 1, rate: 1 },
    {
      name: 'duplicates count once',
      listed: ['A', 'A', 'B'],
      filed: ['A', 'A'],
      known: 2,
      filedN: 1,
      rate: 0.5,
    },
  ])('$name', ({ listed, filed, known, filedN, rate }) => {
    const figures = filingRate(listed, filed);
    expect(figures.knownOperators).toBe(known);
    expect(figures.filedOperators).toBe(filedN);
    expect(figures.filingRate).toBe(rate);
    expect(figures.filingRate).toBeLessThanOrEqual(1);
  });

  it('counts the filings missing from the list', () => {
    expect(filingRate(['A'], ['A', 'Y', 'Z']).unlistedFiled).toBe(2);
  });
});

describe('affordable places', () => {
  const classes = [
    { ageClass: 'infant' as const, capacity: 10 },
    { ageClass: 'toddler' as const, capacity: 15 },
  ];
  it('counts none for an institution that is not 普惠', () => {
    expect(affordablePlacesOf({ affordable: false, classes })).toBe(0);
  });
  it('counts every filed place of one filed as affordable before applications existed', () => {
    expect(affordablePlacesOf({ affordable: true, classes })).toBe(25);
  });
  it('counts the approved places per class, never more than the class holds', () => {
    const affordablePlaces = [
      { ageClass: 'infant' as const, places: 4 },
      { ageClass: 'toddler' as const, places: 99 },
    ];
    expect(affordablePlacesOf({ affordable: true, classes, affordablePlaces })).toBe(19);
  });
  it('ignores places of a class the institution did not file', () => {
    const affordablePlaces = [{ ageClass: 'preschool' as const, places: 5 }];
    expect(affordablePlacesOf({ affordable: true, classes, affordablePlaces })).toBe(0);
  });
});

describe('fee cap', () => {
  it('lets a fee at or under the cap through, and any fee without a cap', () => {
    expect(feeCapProblem(1500, 1500)).toBeUndefined();
    expect(feeCapProblem(1499, 1500)).toBeUndefined();
    expect(feeCapProblem(9000, undefined)).toBeUndefined();
  });
  it('refuses a yuan over the cap in Chinese, naming both amounts', () => {
    expect(feeCapProblem(1501, 1500)).toMatch(/普惠限价 1500 元.*1501 元/);
  });
});
