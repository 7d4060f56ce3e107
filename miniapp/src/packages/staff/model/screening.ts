import type { DistrictCode, EnrolmentResult, ScreeningItem, ScreeningResult } from '@hongjia/shared';
import { formatYuan } from '../../../lib/format';

/**
 * A district is screened page by page (the server answers a page of families and a cursor);
 * the page loads one after another and adds each page up here.
 */
export interface ScreeningRun {
  id: string;
  district: DistrictCode;
  onDate: string;
  familiesScreened: number;
  alreadyEnrolled: number;
  items: ScreeningItem[];
  /** Where the next page starts; null once the whole district has been screened. */
  nextCursor: string | null;
}

/** The run with one more page: counts added up, pairs appended (a pair listed before is not listed twice). */
export function addPage(run: ScreeningRun | undefined, page: ScreeningResult): ScreeningRun {
  if (!run) return { ...page, items: [...page.items] };
  const seen = new Set(run.items.map(itemKey));
  return {
    ...run,
    familiesScreened: run.familiesScreened + page.familiesScreened,
    alreadyEnrolled: run.alreadyEnrolled + page.alreadyEnrolled,
    items: [...run.items, ...page.items.filter((i) => !seen.has(itemKey(i)))],
    nextCursor: page.nextCursor,
  };
}

export function isComplete(run: ScreeningRun): boolean {
  return run.nextCursor === null;
}

/** What the page says while pages load: how far it got and what it found so far. */
export function progressText(run: ScreeningRun | undefined, districtLabel: string): string {
  if (!run) return `正在核对${districtLabel}的特殊家庭，请稍候…`;
  const found = groupByFamily(run.items).length;
  return `已筛查 ${run.familiesScreened} 户，找到待纳入 ${found} 户 ${run.items.length} 项，继续核对中…`;
}

/** After the run (whole or stopped): what was screened and what is left to enrol. */
export function summaryText(
  run: ScreeningRun,
  districtLabel: string,
  left: readonly ScreeningItem[],
): string {
  const head = isComplete(run)
    ? `${run.onDate} 筛查${districtLabel} ${run.familiesScreened} 户`
    : `${run.onDate} 已筛查${districtLabel} ${run.familiesScreened} 户（未筛查完，可继续）`;
  const tail = left.length
    ? `待纳入 ${groupByFamily(left).length} 户 ${left.length} 项。`
    : '没有待纳入的家庭。';
  return `${head}，此前已纳入 ${run.alreadyEnrolled} 项；${tail}`;
}

/** One (family, policy) pair of a screening: what a checkbox selects. */
export function itemKey(item: Pick<ScreeningItem, 'familyId' | 'policyId'>): string {
  return `${item.familyId}:${item.policyId}`;
}

export interface FamilyGroup {
  familyId: string;
  familyLabel: string;
  district: DistrictCode;
  items: ScreeningItem[];
}

/** Items grouped by family, families in the order the server listed them. */
export function groupByFamily(items: readonly ScreeningItem[]): FamilyGroup[] {
  const groups = new Map<string, FamilyGroup>();
  for (const item of items) {
    const group = groups.get(item.familyId);
    if (group) group.items.push(item);
    else
      groups.set(item.familyId, {
        familyId: item.familyId,
        familyLabel: item.familyLabel,
        district: item.district,
        items: [item],
      });
  }
  return [...groups.values()];
}

export function amountText(item: Pick<ScreeningItem, 'amountYuanPerYear' | 'amountYuanOneTime'>): string {
  if (item.amountYuanPerYear !== undefined) return `每年 ${formatYuan(item.amountYuanPerYear)}`;
  if (item.amountYuanOneTime !== undefined) return `一次性 ${formatYuan(item.amountYuanOneTime)}`;
  return '金额以政策文件为准';
}

export type Selection = ReadonlySet<string>;

export function selectAll(items: readonly ScreeningItem[]): Selection {
  return new Set(items.map(itemKey));
}

/** A new page's pairs start ticked; what the user unticked meanwhile stays unticked. */
export function selectMore(selected: Selection, items: readonly ScreeningItem[]): Selection {
  return new Set([...selected, ...items.map(itemKey)]);
}

export function toggleItem(selected: Selection, key: string): Selection {
  const next = new Set(selected);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

export function familyState(selected: Selection, group: FamilyGroup): 'all' | 'some' | 'none' {
  const on = group.items.filter((i) => selected.has(itemKey(i))).length;
  return on === 0 ? 'none' : on === group.items.length ? 'all' : 'some';
}

/** A family's box: all of its policies on, or (when all were on) all off. */
export function toggleFamily(selected: Selection, group: FamilyGroup): Selection {
  const next = new Set(selected);
  const clear = familyState(selected, group) === 'all';
  for (const item of group.items) {
    if (clear) next.delete(itemKey(item));
    else next.add(itemKey(item));
  }
  return next;
}

/** The 批量纳入 body: the selected pairs in list order. */
export function enrolmentBody(district: DistrictCode, items: readonly ScreeningItem[], selected: Selection) {
  return {
    district,
    items: items
      .filter((i) => selected.has(itemKey(i)))
      .map((i) => ({ familyId: i.familyId, policyId: i.policyId })),
  };
}

export interface EnrolmentOutcome {
  /** What is still to decide: the items that were not sent. */
  remaining: ScreeningItem[];
  summary: string;
  refused: Array<{ key: string; familyLabel: string; policyName: string; reason: string }>;
}

/**
 * After 批量纳入: sent items leave the list (enrolled now, already enrolled, or refused with a
 * reason shown separately), so the list shows only what is left, as a new screening would.
 */
export function afterEnrolment(
  items: readonly ScreeningItem[],
  sent: ReadonlyArray<{ familyId: string; policyId: string }>,
  result: EnrolmentResult,
): EnrolmentOutcome {
  const sentKeys = new Set(sent.map(itemKey));
  const byKey = new Map(items.map((i) => [itemKey(i), i]));
  const refused = result.refused.map((r) => {
    const item = byKey.get(itemKey(r));
    return {
      key: itemKey(r),
      familyLabel: item?.familyLabel ?? r.familyId,
      policyName: item?.policyName ?? r.policyId,
      reason: r.reason,
    };
  });
  const parts = [`新纳入 ${result.enrolled} 项`, `此前已纳入 ${result.alreadyEnrolled} 项`];
  if (refused.length) parts.push(`未纳入 ${refused.length} 项（原因见下）`);
  parts.push(`已通知 ${result.notified} 位家庭成员`);
  return {
    remaining: items.filter((i) => !sentKeys.has(itemKey(i))),
    summary: parts.join('，'),
    refused,
  };
}

/** The enrolment API takes at most 500 items a request: a larger selection goes in batches. */
export const enrolmentBatchSize = 500;

export function enrolmentBatches<T>(items: readonly T[], size = enrolmentBatchSize): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/** The answers of several batches as one. */
export function sumEnrolmentResults(results: readonly EnrolmentResult[]): EnrolmentResult {
  return {
    enrolled: results.reduce((n, r) => n + r.enrolled, 0),
    alreadyEnrolled: results.reduce((n, r) => n + r.alreadyEnrolled, 0),
    refused: results.flatMap((r) => r.refused),
    notified: results.reduce((n, r) => n + r.notified, 0),
  };
}
