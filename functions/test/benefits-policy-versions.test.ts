import { type PolicyDefinition, seedPolicies } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { nextPolicyVersion } from '../src/benefits/policy-versions';
import { isAppError } from '../src/commons/errors';

const request = {
  effectiveFrom: '2026-07-01',
  amountYuan: 1200,
  amountConfirmed: true,
  sourceNote: '赣卫人口字〔2026〕1 号',
};

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('a corrected policy version', () => {
  it('copies name, condition, basis from the latest version and takes the new amount', () => {
    const next = nextPolicyVersion(seedPolicies, 'rural-family-reward', request);
    const base = seedPolicies.find((p) => p.id === 'rural-family-reward') as PolicyDefinition;
    expect(next).toEqual({
      ...base,
      amountYuan: 1200,
      amountConfirmed: true,
      sourceNote: '赣卫人口字〔2026〕1 号',
      effectiveFrom: '2026-07-01',
      effectiveTo: null,
    });
  });

  it('copies from the latest of several versions and may change the kind', () => {
    const first = nextPolicyVersion(seedPolicies, 'rural-family-reward', request);
    const second = nextPolicyVersion(
      [...seedPolicies, { ...first, name: '改名后的名称' }],
      'rural-family-reward',
      {
        ...request,
        effectiveFrom: '2027-01-01',
        amountYuan: 100,
        kind: 'monthly',
      },
    );
    expect(second.name).toBe('改名后的名称');
    expect(second.kind).toBe('monthly');
  });

  it('is 404 for an unknown policy', () => {
    expect(refusal(() => nextPolicyVersion(seedPolicies, 'no-such-policy', request)).code).toBe('NOT_FOUND');
  });

  it.each([
    ['the same date', '2004-01-01'],
    ['an earlier date', '2003-12-31'],
  ])('is 409 on %s as an existing version: versions only move forward', (_why, effectiveFrom) => {
    const answer = refusal(() =>
      nextPolicyVersion(seedPolicies, 'rural-family-reward', { ...request, effectiveFrom }),
    );
    expect(answer.code).toBe('CONFLICT');
    expect(answer.message).toContain('2004-01-01');
  });

  it('is 400 for a confirmed amount that is missing', () => {
    const answer = refusal(() =>
      nextPolicyVersion(seedPolicies, 'one-time-consolation', { ...request, amountYuan: null }),
    );
    expect(answer.code).toBe('VALIDATION_FAILED');
    expect(answer.details[0]?.path).toBe('body.amountConfirmed');
  });

  it('keeps 育儿补贴 computable: a yearly amount is required', () => {
    const answer = refusal(() =>
      nextPolicyVersion(seedPolicies, 'childcare-subsidy', {
        ...request,
        amountYuan: null,
        amountConfirmed: false,
      }),
    );
    expect(answer.code).toBe('VALIDATION_FAILED');
    expect(answer.details[0]?.path).toBe('body.amountYuan');
    expect(
      nextPolicyVersion(seedPolicies, 'childcare-subsidy', { ...request, amountYuan: 4000 }).parameters,
    ).toEqual({
      untilAgeMonths: 36,
    });
  });

  it('keeps a later end date of the version it follows, and drops one already passed', () => {
    const ending: PolicyDefinition = { ...(seedPolicies[0] as PolicyDefinition), effectiveTo: '2030-12-31' };
    expect(nextPolicyVersion([ending], ending.id, request).effectiveTo).toBe('2030-12-31');
    const ended: PolicyDefinition = { ...ending, effectiveTo: '2020-12-31' };
    expect(nextPolicyVersion([ended], ended.id, request).effectiveTo).toBeNull();
  });
});
