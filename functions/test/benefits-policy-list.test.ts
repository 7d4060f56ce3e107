import { type PolicyDefinition, seedPolicies } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { policyListItems } from '../src/benefits/policy-list';

const bereaved = seedPolicies.find((p) => p.id === 'special-assistance-bereaved') as PolicyDefinition;
const { audience: _audience, ...storedBeforeAudience } = bereaved;
const correction: PolicyDefinition = {
  ...storedBeforeAudience,
  amountYuan: 800,
  effectiveFrom: '2026-06-01',
};

describe('GET /v1/policies items', () => {
  it('marks in force only the latest version started on the day: the correction from its first day on', () => {
    const inForce = (onDate: string) =>
      policyListItems([bereaved, correction], onDate).map((p) => [p.effectiveFrom, p.inForce]);
    expect(inForce('2026-05-31')).toEqual([
      ['2007-01-01', true],
      ['2026-06-01', false],
    ]);
    expect(inForce('2026-06-01')).toEqual([
      ['2007-01-01', false],
      ['2026-06-01', true],
    ]);
  });

  it('says who a version is for even when it was stored before audiences existed', () => {
    const [, stored] = policyListItems([bereaved, correction], '2026-06-01');
    expect(stored?.audience).toBe(bereaved.audience);
  });

  it('marks an ended version not in force, and leaves the condition tree out', () => {
    const ended: PolicyDefinition = { ...bereaved, effectiveTo: '2025-12-31' };
    const [item] = policyListItems([ended], '2026-01-01');
    expect(item?.inForce).toBe(false);
    expect(item).not.toHaveProperty('condition');
  });
});
