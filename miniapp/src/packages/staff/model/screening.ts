import type { DistrictCode, EnrolmentResult, ScreeningItem } from '@hongjia/shared';
import { formatYuan } from '../../../lib/format';

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
