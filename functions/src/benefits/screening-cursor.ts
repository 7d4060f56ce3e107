import type { DistrictCode } from '@hongjia/shared';
import * as z from 'zod';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { validationFailed } from '../commons/errors';

/** Where a screening run stands: its district, its id, and the store's cursor after the last page. */
const Position = z.object({ d: z.string(), r: z.string().regex(/^scr_/), c: z.string() });
export type ScreeningPosition = z.infer<typeof Position>;

const invalid = () =>
  validationFailed('分页游标无效，请从第一页重新加载', [
    { path: 'body.cursor', message: '游标已损坏、被修改，或属于另一个县区' },
  ]);

/** The signed cursor of a run's next page, or null after its last page. */
export async function nextScreeningCursor(
  district: DistrictCode,
  runId: string,
  storeCursor: string | null,
): Promise<string | null> {
  return storeCursor
    ? encodeCursor({ d: district, r: runId, c: storeCursor } satisfies ScreeningPosition)
    : null;
}

/** The position a cursor names; a forged one, or one of another district, is a 400. */
export async function readScreeningCursor(
  cursor: string | undefined,
  district: DistrictCode,
): Promise<ScreeningPosition | undefined> {
  const decoded = await decodeCursor<unknown>(cursor, 'body.cursor');
  if (decoded === undefined) return undefined;
  const parsed = Position.safeParse(decoded);
  if (!parsed.success || parsed.data.d !== district) throw invalid();
  return parsed.data;
}
