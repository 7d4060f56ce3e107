import ngeohash from 'ngeohash';

/**
 * Places that can be searched by distance (childcare institutions, service
 * points) are indexed by the geohash cell that contains them. Precision 5
 * cells are about 4.9 km × 4.9 km at Nanchang's latitude, so a 3 km search
 * reads a handful of cells and a 20 km one a few dozen, never the whole city.
 */
export const cellPrecision = 5;

/**
 * Searches walk finer cells than the index partitions: precision 6 (about
 * 1.2 km × 0.6 km) sub-cells, each read from its precision-5 partition with a
 * begins_with on the geohash in the sort key. A first page then reads the
 * places near the origin, not a whole crowded 5 km cell.
 */
export const searchCellPrecision = 6;

export function cellOf(lat: number, lng: number): string {
  return ngeohash.encode(lat, lng, cellPrecision);
}

export function geohashOf(lat: number, lng: number): string {
  return ngeohash.encode(lat, lng, 9);
}

/**
 * Nearby search over childcare institutions reads its own index, partitioned
 * coarser: precision 4 cells (about 39 km × 20 km here), so a 20 km search
 * whose filter matches almost nothing reads a few partitions whole instead of
 * ≈ 88 precision-5 ones (decision 0032). Finer cells are still read with
 * begins_with on the geohash.
 */
export const searchPartitionPrecision = 4;

/** The search partition a place (or a finer cell, given its geohash) lies in. */
export function searchPartitionOf(geohash: string): string {
  if (geohash.length < searchPartitionPrecision)
    throw new Error(`cell ${geohash} is coarser than the search partitions`);
  return geohash.slice(0, searchPartitionPrecision);
}
