/** Calendar dates in Nanchang: Asia/Shanghai is UTC+8 all year (no daylight saving). */
const shanghaiOffsetMs = 8 * 3600_000;

export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + shanghaiOffsetMs).toISOString().slice(0, 10);
}

export function shanghaiYear(instant: Date | string): number {
  return Number(shanghaiDate(typeof instant === 'string' ? new Date(instant) : instant).slice(0, 4));
}
