/**
 * Bar chart scale: the axis runs to the larger of the biggest value and the target plus a
 * margin, so the target line is always inside the chart and no bar runs off it.
 */
export function barScale(
  values: readonly number[],
  target: number,
): { max: number; percent: (v: number) => number } {
  const top = Math.max(target * 1.5, ...values, 0);
  const max = top > 0 ? top : 1;
  return { max, percent: (v) => Math.max(0, Math.min(100, (v / max) * 100)) };
}
