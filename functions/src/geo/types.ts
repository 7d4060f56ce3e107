import type { LatLng } from './haversine';
import type { NearbyPosition } from './order';

/** Anything with an id and a location that a nearby search can return (an institution, a service point). */
export interface Candidate extends LatLng {
  id: string;
}

export interface NearbyHit<C extends Candidate> {
  candidate: C;
  /** Exact haversine distance; round it only when it leaves the service. */
  distanceM: number;
}

export interface NearbySearch<C extends Candidate> {
  origin: LatLng;
  radiusM: number;
  /** Page size. */
  limit: number;
  /** Continue strictly after this position (the last item of the previous page). */
  after?: NearbyPosition;
  /** Filters other than distance; applied to every candidate within the radius. */
  accept?: (candidate: C) => boolean;
}
