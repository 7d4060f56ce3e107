import { describe, expect, it } from 'vitest';
import { outboxShards } from '../src/birth-bundles/entities';
import { payloadFor } from '../src/birth-bundles/payloads';
import { shardOf } from '../src/birth-bundles/service';
import { backoffCapMs, backoffDelayMs } from '../src/commons/outbox';

const details = {
  medicalCertificateNo: 'R360012345',
  childName: '王小明',
  childSex: 'M' as const,
  childBirthDate: '2026-02-01',
  birthWeightG: 3300,
  hospital: '江西省妇幼保健院',
  householdDistrict: '360102',
};

describe('bundle outbox backoff', () => {
  it('doubles from 30 s per attempt without jitter at the midpoint', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, mid))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000,
    ]);
  });

  it('is capped at one hour', () => {
    expect(backoffDelayMs(30, () => 0.5)).toBe(backoffCapMs);
  });

  it('jitters within ±20 %', () => {
    expect(backoffDelayMs(2, () => 0)).toBe(48_000);
    expect(backoffDelayMs(2, () => 0.999_999)).toBeLessThanOrEqual(72_000);
    expect(backoffDelayMs(2, () => 0.999_999)).toBeGreaterThan(71_000);
  });
});

describe('agency payloads', () => {
  it('give each agency only what its item needs', () => {
    expect(Object.keys(payloadFor('vaccination_record', details)).sort()).toEqual(
      ['birthDate', 'birthWeightG', 'hospital', 'name', 'sex'].sort(),
    );
    expect(payloadFor('medical_insurance', details)).not.toHaveProperty('hospital');
    expect(payloadFor('household_registration', details)).toMatchObject({
      medicalCertificateNo: 'R360012345',
      householdDistrict: '360102',
    });
  });
});

describe('due-index shards', () => {
  it('are stable per item and spread over all shards', () => {
    expect(shardOf('bdl_a', 'medical_insurance')).toBe(shardOf('bdl_a', 'medical_insurance'));
    const used = new Set(Array.from({ length: 64 }, (_, i) => shardOf(`bdl_${i}`, 'vaccination_record')));
    expect([...used].sort()).toEqual([...outboxShards]);
  });
});
