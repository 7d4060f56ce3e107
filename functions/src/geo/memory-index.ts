import ngeohash from 'ngeohash';
import type { NearbyEngine } from './nearby';
import type { Candidate } from './types';

/**
 * An in-memory cell index: the engine's storage port over an array. Tests and
 * the bench use it to run the very engine the services run, minus the store;
 * `loaded` records every cell the engine asked for.
 */
export function createMemoryCellIndex<C extends Candidate>(candidates: readonly C[], cellPrecision: number) {
  const byCell = new Map<string, C[]>();
  for (const candidate of candidates) {
    const cell = ngeohash.encode(candidate.lat, candidate.lng, cellPrecision);
    const members = byCell.get(cell);
    if (members) members.push(candidate);
    else byCell.set(cell, [candidate]);
  }
  const loaded: string[] = [];
  const engine: NearbyEngine<C> = {
    cellPrecision,
    loadCell: async (cell) => {
      loaded.push(cell);
      return byCell.get(cell) ?? [];
    },
  };
  return { engine, loaded };
}
