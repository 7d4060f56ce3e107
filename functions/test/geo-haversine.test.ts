import { describe, expect, it } from 'vitest';
import { earthRadiusM, haversineM } from '../src/geo';

describe('haversine distance', () => {
  it('uses the IUGG mean Earth radius', () => {
    expect(earthRadiusM).toBe(6_371_008.8);
  });

  it('is zero from a point to itself', () => {
    expect(haversineM({ lat: 28.68, lng: 115.89 }, { lat: 28.68, lng: 115.89 })).toBe(0);
  });

  it('measures one degree of latitude as πR/180', () => {
    const d = haversineM({ lat: 28, lng: 115.9 }, { lat: 29, lng: 115.9 });
    expect(d).toBeCloseTo((Math.PI * earthRadiusM) / 180, 6);
  });

  it('measures a quarter of the equator and half the globe', () => {
    expect(haversineM({ lat: 0, lng: 0 }, { lat: 0, lng: 90 })).toBeCloseTo((Math.PI * earthRadiusM) / 2, 6);
    expect(haversineM({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * earthRadiusM, 6);
    expect(haversineM({ lat: 90, lng: 0 }, { lat: -90, lng: 0 })).toBeCloseTo(Math.PI * earthRadiusM, 6);
  });

  it('matches known city distances within 0.5 %', () => {
    // Nanchang (28.6829, 115.8579) to Beijing (39.9042, 116.4074): about 1,250 km on the ground.
    const nanchangBeijing = haversineM({ lat: 28.6829, lng: 115.8579 }, { lat: 39.9042, lng: 116.4074 });
    expect(nanchangBeijing).toBeGreaterThan(1_245_000);
    expect(nanchangBeijing).toBeLessThan(1_255_000);
    // Paris to London (the textbook example): about 343.5 km.
    const parisLondon = haversineM({ lat: 48.8566, lng: 2.3522 }, { lat: 51.5074, lng: -0.1278 });
    expect(Math.abs(parisLondon - 343_556) / 343_556).toBeLessThan(0.005);
  });

  it('is symmetric and crosses the antimeridian the short way', () => {
    const a = { lat: 10, lng: 179.9 };
    const b = { lat: 10, lng: -179.9 };
    expect(haversineM(a, b)).toBe(haversineM(b, a));
    expect(haversineM(a, b)).toBeLessThan(25_000);
  });
});
