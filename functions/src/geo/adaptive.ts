import ngeohash from 'ngeohash';
import { type Box, boxOf, maxDistanceM, minDistanceM } from './cell-bounds';
import { coveringCells } from './covering';
import { haversineM } from './haversine';
import type { NearbyPage } from './nearby';
import { comparePositions, type NearbyPosition } from './order';
import type { Candidate, NearbyHit, NearbySearch } from './types';

/**
 * Adaptive covering (decision 0025): which cells a search reads depends on
 * how many matches it expects to find in them, learnt from what it has read.
 * - Cells are taken nearest first, starting from the store's partition cells
 *   (`coarsest`); the origin's cell is split down to `probe` and read first.
 * - A cell expected to hold more matches than a page is split into its 32
 *   sub-cells (down to `finest`): in a dense place the page ends inside it,
 *   so reading it whole would read far more than the page.
 * - A cell whose parent is expected to hold no more than that, and most of
 *   whose parent's sub-cells lie within the radius, is read as the parent,
 *   once, instead of sub-cell by sub-cell: a sparse filter over 20 km costs
 *   a Query per partition cell, not per small cell.
 * Expectation: (matches + 1) per area read so far, times the cell's area.
 * Exactness does not depend on it: every cell within the radius is read, or
 * lies wholly farther than the page's last item, as in the fixed covering.
 */
export interface AdaptiveCovering {
  /** Precision of the store's partitions: nothing coarser can be read in one Query. */
  coarsest: number;
  /** Precision read first around the origin, before anything is known. */
  probe: number;
  finest: number;
}

export interface AdaptiveEngine<C extends Candidate> {
  covering: AdaptiveCovering;
  /** Every candidate whose geohash starts with `cell` (any precision from coarsest to finest). */
  loadCell: (cell: string) => Promise<C[]>;
  /** Cells requested ahead of the one being examined, to overlap store round trips. */
  readAhead?: number;
}

interface Cell {
  cell: string;
  box: Box;
  minDistanceM: number;
  maxDistanceM: number;
}

const base32 = '0123456789bcdefghjkmnpqrstuvwxyz';

/** Box area in km² (a small box on the sphere: width shrinks with the cosine of the latitude). */
function areaKm2(box: Box): number {
  const latKm = (box.maxLat - box.minLat) * 111.195;
  const midLat = ((box.maxLat + box.minLat) / 2) * (Math.PI / 180);
  const lngKm = (box.maxLng - box.minLng) * 111.195 * Math.cos(midLat);
  return Math.max(latKm * lngKm, 1e-9);
}

const before = (a: Cell, b: Cell) =>
  a.minDistanceM < b.minDistanceM || (a.minDistanceM === b.minDistanceM && a.cell < b.cell);

/** Cells nearest first (a binary heap), skipping those `covered` says were read inside a coarser cell. */
class CellHeap {
  private readonly items: Cell[] = [];
  constructor(private readonly covered: (cell: string) => boolean) {}

  push(cell: Cell): void {
    const items = this.items;
    items.push(cell);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i] as Cell, items[parent] as Cell)) break;
      [items[i], items[parent]] = [items[parent] as Cell, items[i] as Cell];
      i = parent;
    }
  }

  peek(): Cell | undefined {
    while (this.items.length > 0 && this.covered((this.items[0] as Cell).cell)) this.take();
    return this.items[0];
  }

  pop(): Cell | undefined {
    return this.peek() ? this.take() : undefined;
  }

  private take(): Cell {
    const items = this.items;
    const top = items[0] as Cell;
    const last = items.pop() as Cell;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && before(items[left] as Cell, items[smallest] as Cell)) smallest = left;
        if (right < items.length && before(items[right] as Cell, items[smallest] as Cell)) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest] as Cell, items[i] as Cell];
        i = smallest;
      }
    }
    return top;
  }
}

export async function searchAdaptive<C extends Candidate>(
  search: NearbySearch<C>,
  engine: AdaptiveEngine<C>,
): Promise<NearbyPage<C>> {
  const { origin, radiusM, limit, after, accept } = search;
  const { coarsest, probe, finest } = engine.covering;
  const describe = (cell: string): Cell => {
    const box = boxOf(cell);
    return { cell, box, minDistanceM: minDistanceM(origin, box), maxDistanceM: maxDistanceM(origin, box) };
  };
  const wanted = (cell: Cell) =>
    cell.minDistanceM <= radiusM && (!after || cell.maxDistanceM >= after.distanceM);
  const childrenOf = (cell: string) => [...base32].map((c) => describe(cell + c));

  const originCell = ngeohash.encode(origin.lat, origin.lng, probe);
  const loadedCells = new Set<string>();
  /** Read already as part of a coarser cell (merged into its parent): skipped when it comes up. */
  const covered = (cell: string) => {
    for (let length = coarsest; length < cell.length; length++)
      if (loadedCells.has(cell.slice(0, length))) return true;
    return false;
  };
  const queue = new CellHeap(covered);
  let areaRead = 0;
  let matchesSeen = 0;
  const stats = { cellsRead: 0, candidatesRead: 0 };
  let best: NearbyHit<C>[] = [];
  const seen = new Set<string>();

  // A cell expected to hold more than a page is split: the page would end inside it.
  const pageSize = limit + 1;
  const expected = (cell: Cell) =>
    areaRead === 0 ? Number.POSITIVE_INFINITY : ((matchesSeen + 1) / areaRead) * areaKm2(cell.box);
  const within = new Map<string, boolean>();
  const mostlyWithin = (cell: string) => {
    let answer = within.get(cell);
    if (answer === undefined) {
      answer = childrenOf(cell).filter((child) => child.minDistanceM <= radiusM).length >= 16;
      within.set(cell, answer);
    }
    return answer;
  };

  // The origin's branch split down to the probe, which is read first (also on a later page, where
  // it may lie before the cursor: its matches are skipped, its density is what counts).
  const branch = (cell: string) => originCell.startsWith(cell) && cell.length <= probe;
  for (const cell of coveringCells(origin, radiusM, coarsest)) {
    if (!branch(cell.cell) && wanted(cell)) queue.push(cell);
  }
  for (let precision = coarsest; precision < probe; precision++) {
    for (const child of childrenOf(originCell.slice(0, precision))) {
      if (!branch(child.cell) && wanted(child)) queue.push(child);
    }
  }
  let probeCell: Cell | undefined = describe(originCell);

  /** The next cell to read, after splitting or merging as the estimate says. */
  const next = (): Cell | undefined => {
    if (probeCell) {
      const first = probeCell;
      probeCell = undefined;
      return first;
    }
    for (;;) {
      const head = queue.pop();
      if (!head) return undefined;
      if (head.cell.length < finest && expected(head) > pageSize) {
        for (const child of childrenOf(head.cell)) if (wanted(child)) queue.push(child);
        continue;
      }
      // Read the parent once instead, when it is expected to be small enough and mostly within reach.
      // A sub-cell of it read already is read again: its matches are deduplicated below.
      let chosen = head;
      while (chosen.cell.length > coarsest) {
        const parent = describe(chosen.cell.slice(0, -1));
        if (expected(parent) > pageSize || !mostlyWithin(parent.cell) || loadedCells.has(parent.cell)) break;
        chosen = parent;
      }
      // Its sub-cells still queued are skipped when they come up (`covered`).
      return chosen;
    }
  };

  const inflight: { cell: Cell; read: Promise<C[]> }[] = [];
  const startNext = () => {
    const cell = next();
    if (!cell) return false;
    loadedCells.add(cell.cell);
    const read = engine.loadCell(cell.cell).then((candidates) => {
      stats.cellsRead += 1;
      stats.candidatesRead += candidates.length;
      return candidates;
    });
    inflight.push({ cell, read });
    return true;
  };

  try {
    for (;;) {
      // Nothing is read ahead of the probe: every later choice needs its density.
      const ahead = areaRead === 0 ? 0 : (engine.readAhead ?? 0);
      while (inflight.length <= ahead && startNext()) {
        // Reads ahead are chosen with what is known now; the loop below learns from each.
      }
      const current = inflight.shift();
      if (!current) break;
      const candidates = await current.read;
      areaRead += areaKm2(current.cell.box);
      for (const candidate of candidates) {
        if (seen.has(candidate.id)) continue;
        const distanceM = haversineM(origin, candidate);
        if (distanceM > radiusM) continue;
        if (accept && !accept(candidate)) continue;
        seen.add(candidate.id);
        matchesSeen += 1;
        if (after && comparePositions({ distanceM, id: candidate.id }, after) <= 0) continue;
        best.push({ candidate, distanceM });
      }
      best = best.sort((a, b) => comparePositions(positionOf(a), positionOf(b))).slice(0, limit + 1);
      const nextMinimum = Math.min(
        ...inflight.map((entry) => entry.cell.minDistanceM),
        queue.peek()?.minDistanceM ?? Number.POSITIVE_INFINITY,
      );
      const last = best[limit - 1];
      if (best.length > limit && last && last.distanceM < nextMinimum) break;
    }
  } finally {
    await Promise.allSettled(inflight.map((entry) => entry.read));
  }

  const items = best.slice(0, limit);
  const last = items[limit - 1];
  return { items, ...(best.length > limit && last ? { next: positionOf(last) } : {}), stats };
}

const positionOf = <C extends Candidate>(hit: NearbyHit<C>): NearbyPosition => ({
  distanceM: hit.distanceM,
  id: hit.candidate.id,
});

/** The candidates of `all` under a geohash prefix: the in-memory port for tests and the bench. */
export function prefixLoader<C extends Candidate>(all: readonly C[], finest: number) {
  const sorted = all
    .map((candidate) => ({ key: ngeohash.encode(candidate.lat, candidate.lng, finest), candidate }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const keys = sorted.map((entry) => entry.key);
  const lowerBound = (value: string) => {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((keys[mid] as string) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const loaded: string[] = [];
  return {
    loaded,
    loadCell: async (cell: string): Promise<C[]> => {
      loaded.push(cell);
      const out: C[] = [];
      for (let i = lowerBound(cell); i < keys.length && (keys[i] as string).startsWith(cell); i++)
        out.push((sorted[i] as { candidate: C }).candidate);
      return out;
    },
  };
}
