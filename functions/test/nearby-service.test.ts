import { addDays, daysBetween } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import type { InstitutionItem } from '../src/childcare/entities';
import { acceptsInstitution, type InstitutionCandidate } from '../src/childcare/search/filters';
import { originOf } from '../src/childcare/search/nearby-service';
import { canSeeInstitution } from '../src/childcare/search/visibility';

const institution = (overrides: Partial<InstitutionItem> = {}): InstitutionItem => ({
  institutionId: 'ins_1',
  providerId: 'u_provider',
  name: '示例托育中心',
  creditCode: '91360102MA00000000',
  address: '南昌市东湖区某路 1 号',
  district: '360102',
  lat: 28.68,
  lng: 115.9,
  geohash: 'wt3q2xxxx',
  cell: 'wt3q2',
  affordable: true,
  monthlyFeeYuan: 1200,
  classes: [{ ageClass: 'toddler', capacity: 15, caregivers: 3 }],
  status: 'published',
  createdAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});
const candidate = (item: InstitutionItem, freePlaces?: number): InstitutionCandidate => ({
  id: item.institutionId,
  lat: item.lat,
  lng: item.lng,
  institution: item,
  ...(freePlaces !== undefined ? { freePlaces } : {}),
});

describe('nearby filters', () => {
  it('keeps institutions offering the age class, affordable, within the fee', () => {
    const accept = acceptsInstitution({ ageClass: 'toddler', affordableOnly: true, maxMonthlyFee: 1200 });
    expect(accept(candidate(institution()))).toBe(true);
    expect(
      accept(candidate(institution({ classes: [{ ageClass: 'infant', capacity: 5, caregivers: 2 }] }))),
    ).toBe(false);
    expect(accept(candidate(institution({ affordable: false })))).toBe(false);
    expect(accept(candidate(institution({ monthlyFeeYuan: 1201 })))).toBe(false);
  });

  it('needs free places when a date is asked for', () => {
    const accept = acceptsInstitution({ date: '2025-03-03' });
    expect(accept(candidate(institution(), 1))).toBe(true);
    expect(accept(candidate(institution(), 0))).toBe(false);
    expect(accept(candidate(institution()))).toBe(false);
  });

  it('never shows an unpublished institution, whatever the index says', () => {
    expect(acceptsInstitution({})(candidate(institution({ status: 'pending_review' })))).toBe(false);
  });
});

describe('search origin', () => {
  it('prefers the phone location, falls back to the district centre', () => {
    expect(originOf({ lat: 28.1, lng: 115.1, district: '360102' })).toEqual({ lat: 28.1, lng: 115.1 });
    expect(originOf({ district: '360102' })).toEqual({ lat: 28.6849, lng: 115.8999 });
  });
});

describe('institution visibility', () => {
  const pending = institution({ status: 'pending_review' });
  it('shows a published institution to anyone', () => {
    expect(canSeeInstitution(undefined, institution())).toBe(true);
  });
  it('shows a pending filing only to its provider and to staff of its district or the city', () => {
    expect(canSeeInstitution(undefined, pending)).toBe(false);
    expect(canSeeInstitution({ id: 'u_provider', roles: ['provider'] }, pending)).toBe(true);
    expect(canSeeInstitution({ id: 'u_other', roles: ['provider'] }, pending)).toBe(false);
    expect(canSeeInstitution({ id: 'u_s', roles: ['staff'], district: '360102' }, pending)).toBe(true);
    expect(canSeeInstitution({ id: 'u_s', roles: ['staff'], district: '360103' }, pending)).toBe(false);
    expect(canSeeInstitution({ id: 'u_c', roles: ['staff'], cityWide: true }, pending)).toBe(true);
    expect(canSeeInstitution({ id: 'u_provider', roles: ['family'] }, pending)).toBe(false);
  });
});

describe('calendar dates', () => {
  it('adds and counts days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
  });
});
