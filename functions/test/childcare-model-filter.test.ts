import { describe, expect, it } from 'vitest';
import type { InstitutionItem } from '../src/childcare/entities';
import { acceptsInstitution } from '../src/childcare/search/filters';
import { toSummary } from '../src/childcare/views';

/** 示范机构 in search (decision 0034): one more predicate on the institution item, and the badge in the summary. */
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
  affordable: false,
  monthlyFeeYuan: 2400,
  classes: [{ ageClass: 'toddler', capacity: 15, caregivers: 3 }],
  status: 'published',
  createdAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});
const asCandidate = (item: InstitutionItem) => ({
  id: item.institutionId,
  lat: item.lat,
  lng: item.lng,
  institution: item,
});

describe('示范机构 filter and badge', () => {
  const model = institution({ modelLevel: 'provincial', modelYear: 2025 });

  it('keeps only designated institutions when asked, and every one when not', () => {
    expect(acceptsInstitution({ modelOnly: true })(asCandidate(model))).toBe(true);
    expect(acceptsInstitution({ modelOnly: true })(asCandidate(institution()))).toBe(false);
    expect(acceptsInstitution({ modelOnly: false })(asCandidate(institution()))).toBe(true);
    expect(acceptsInstitution({})(asCandidate(institution()))).toBe(true);
  });

  it('combines with the other filters', () => {
    expect(acceptsInstitution({ modelOnly: true, affordableOnly: true })(asCandidate(model))).toBe(false);
  });

  it('shows the level and year in the summary, nothing for an undesignated one', () => {
    expect(toSummary(model).model).toEqual({ level: 'provincial', year: 2025 });
    expect(toSummary(institution())).not.toHaveProperty('model');
  });
});
