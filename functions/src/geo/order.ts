/** Where a result stands in nearest-first order: by exact distance, then by id, so the order is total. */
export interface NearbyPosition {
  distanceM: number;
  id: string;
}

export function comparePositions(a: NearbyPosition, b: NearbyPosition): number {
  if (a.distanceM !== b.distanceM) return a.distanceM < b.distanceM ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
