import { mulberry32 } from '@hongjia/shared';
/** A seeded generator (mulberry32), so every fresh data dir holds the same demo city. */
export function seededRandom(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (probability: number) => next() < probability,
  };
}

export type Random = ReturnType<typeof seededRandom>;

/** A point at a random bearing and distance (metres, denser near the centre) from `centre`. */
export function pointNear(random: Random, centre: { lat: number; lng: number }, maxMetres: number) {
  const distance = maxMetres * Math.sqrt(random.next()) * (0.15 + 0.85 * random.next());
  const bearing = random.next() * 2 * Math.PI;
  const dLat = (distance * Math.cos(bearing)) / 111_320;
  const dLng = (distance * Math.sin(bearing)) / (111_320 * Math.cos((centre.lat * Math.PI) / 180));
  return { lat: round6(centre.lat + dLat), lng: round6(centre.lng + dLng) };
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
