/** The nearby engine shared by childcare search and certificate service points. */
export { type AdaptiveCovering, type AdaptiveEngine, prefixLoader, searchAdaptive } from './adaptive';
export { bruteForceNearby } from './brute-force';
export {
  cellOf,
  cellPrecision,
  geohashOf,
  searchCellPrecision,
  searchPartitionOf,
  searchPartitionPrecision,
} from './cells';
export { coveringCells } from './covering';
export { earthRadiusM, haversineM, type LatLng } from './haversine';
export { createMemoryCellIndex } from './memory-index';
export { type NearbyEngine, type NearbyPage, searchNearby } from './nearby';
export { comparePositions, type NearbyPosition } from './order';
export { decodeNearbyCursor, encodeNearbyCursor, queryFingerprint } from './page-cursor';
export type { Candidate, NearbyHit, NearbySearch } from './types';
