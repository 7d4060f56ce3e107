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
