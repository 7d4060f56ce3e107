/**
 * "Nice" axis ticks: steps of 1, 2 or 5 × 10ⁿ, about `count` of them, and a
 * domain widened to whole steps so the first and last tick are its ends —
 * the rule of d3-array's `ticks`/`nice` (and of ECharts' value axis), in a
 * dozen lines instead of a dependency.
 */
function stepOf(low: number, high: number, count: number): number {
  const raw = (high - low) / Math.max(1, count);
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  return factor * 10 ** power;
}

/** `k × step` without float noise (0.30000000000000004): divide by the inverse when the step is a fraction. */
function multiple(k: number, step: number): number {
  return step < 1 ? k / Math.round(1 / step) : k * step;
}

export interface Scale {
  /** The axis ends, both ticks. */
  min: number;
  max: number;
  ticks: number[];
}

/** Ticks covering [low, high]; an empty range (all values equal) is widened to one unit above it. */
export function niceScale(low: number, high: number, count = 5): Scale {
  let min = Math.min(low, high);
  let max = Math.max(low, high);
  if (!(max > min)) max = min + 1;
  let step = stepOf(min, max, count);
  // Widening to whole steps can change the step once or twice; d3's `nice` iterates the same way.
  for (let round = 0; round < 10; round++) {
    const lower = Math.floor(min / step);
    const upper = Math.ceil(max / step);
    min = multiple(lower, step);
    max = multiple(upper, step);
    const next = stepOf(min, max, count);
    if (next === step) break;
    step = next;
  }
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  const ticks = Array.from({ length: last - first + 1 }, (_, index) => multiple(first + index, step));
  return { min: ticks[0] as number, max: ticks[ticks.length - 1] as number, ticks };
}
