/**
 * Great-circle distance on a sphere of radius 6,371,008.8 m: the IUGG mean
 * Earth radius R1 = (2a + b) / 3 of the WGS 84 ellipsoid. A sphere is within
 * about 0.5 % of the ellipsoid; what matters here is that the service, the
 * brute-force reference and every test use this one function, so "the same
 * distance" means bit-for-bit the same double.
 */
export const earthRadiusM = 6_371_008.8;

export interface LatLng {
  lat: number;
  lng: number;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Distance in metres (an unrounded double: sort and filter on it, round only for output). */
export function haversineM(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  // min(1, …): rounding can push h a hair above 1 for antipodal points, and asin would give NaN.
  return 2 * earthRadiusM * Math.asin(Math.sqrt(Math.min(1, h)));
}
