import { NearbyQuery } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { defaultFilters, nearbyQuery, parseMaxFee } from '../src/childcare/search-query';
import { parseOriginChoice, serializeOriginChoice } from '../src/location/last-origin';

describe('nearbyQuery', () => {
  it('searches around a district centre with the default 3 km and nothing else', () => {
    const query = nearbyQuery({ kind: 'district', code: '360113' }, defaultFilters);
    expect(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined))).toEqual({
      district: '360113',
      radiusM: 3000,
      limit: 20,
    });
  });

  it('sends every chosen filter in the contract’s own terms', () => {
    const query = nearbyQuery(
      { kind: 'point', lat: 28.68, lng: 115.89 },
      { radiusKm: 10, ageClass: 'toddler', affordableOnly: true, maxMonthlyFee: 1500, date: '2026-12-01' },
      'cursor-1',
    );
    expect(query).toMatchObject({
      lat: 28.68,
      lng: 115.89,
      radiusM: 10_000,
      ageClass: 'toddler',
      affordableOnly: 'true',
      maxMonthlyFee: 1500,
      date: '2026-12-01',
      cursor: 'cursor-1',
    });
    expect(query).not.toHaveProperty('district', expect.anything());
  });

  it('builds queries the shared schema accepts', () => {
    const query = nearbyQuery(
      { kind: 'district', code: '360102' },
      { ...defaultFilters, radiusKm: 20, affordableOnly: true },
    );
    const parsed = NearbyQuery.parse(query);
    expect(parsed.radiusM).toBe(20_000);
    expect(parsed.affordableOnly).toBe(true);
  });
});

describe('parseMaxFee', () => {
  it('treats an empty box as no limit', () => {
    expect(parseMaxFee('  ')).toEqual({ ok: true, value: undefined });
  });
  it('accepts whole yuan', () => {
    expect(parseMaxFee('1800')).toEqual({ ok: true, value: 1800 });
  });
  it('refuses decimals, signs and words', () => {
    for (const text of ['12.5', '-1', 'abc', '1234567']) expect(parseMaxFee(text).ok).toBe(false);
  });
});

describe('remembered origin choice', () => {
  it('round-trips a district and "my location", never coordinates', () => {
    expect(parseOriginChoice(serializeOriginChoice({ kind: 'district', code: '360113' }))).toEqual({
      kind: 'district',
      code: '360113',
    });
    expect(parseOriginChoice(serializeOriginChoice({ kind: 'location' }))).toEqual({ kind: 'location' });
  });
  it('ignores anything else (first open shows the district picker)', () => {
    for (const stored of [undefined, '', 'district:999999', { lat: 1 }, 42]) {
      expect(parseOriginChoice(stored)).toBeUndefined();
    }
  });
});
