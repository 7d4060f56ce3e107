import type { ScreeningItem } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import {
  afterEnrolment,
  amountText,
  enrolmentBody,
  familyState,
  groupByFamily,
  itemKey,
  selectAll,
  toggleFamily,
  toggleItem,
} from '../src/packages/staff/model/screening';

const item = (familyId: string, policyId: string, extra: Partial<ScreeningItem> = {}): ScreeningItem => ({
  familyId,
  familyLabel: `失独家庭 ${familyId}`,
  district: '360102',
  policyId,
  policyName: `政策 ${policyId}`,
  reasons: [`${familyId} 符合 ${policyId}`],
  ...extra,
});

const items = [item('a', 'special'), item('b', 'special'), item('a', 'one-time'), item('c', 'rural')];

describe('groupByFamily', () => {
  it('groups the pairs by family, families in the order listed', () => {
    const groups = groupByFamily(items);
    expect(groups.map((g) => [g.familyId, g.items.map((i) => i.policyId)])).toEqual([
      ['a', ['special', 'one-time']],
      ['b', ['special']],
      ['c', ['rural']],
    ]);
  });

  it('says the amount per year, once, or that the policy text decides', () => {
    expect(amountText({ amountYuanPerYear: 7200 })).toBe('每年 7,200 元');
    expect(amountText({ amountYuanOneTime: 1000 })).toBe('一次性 1,000 元');
    expect(amountText({})).toBe('金额以政策文件为准');
  });
});

describe('selection', () => {
  const [a, b] = groupByFamily(items) as [
    ReturnType<typeof groupByFamily>[number],
    ReturnType<typeof groupByFamily>[number],
  ];

  it('selects all, and toggles one pair', () => {
    const all = selectAll(items);
    expect(all.size).toBe(4);
    const less = toggleItem(all, 'a:one-time');
    expect(less.has('a:one-time')).toBe(false);
    expect(all.has('a:one-time')).toBe(true);
    expect(familyState(less, a)).toBe('some');
    expect(toggleItem(less, 'a:one-time').has('a:one-time')).toBe(true);
  });

  it("ticks a family's policies all on, and all off when all were on", () => {
    const some = new Set(['a:special']);
    const on = toggleFamily(some, a);
    expect(familyState(on, a)).toBe('all');
    expect(familyState(on, b)).toBe('none');
    expect(familyState(toggleFamily(on, a), a)).toBe('none');
  });

  it('sends the selected pairs in list order', () => {
    const body = enrolmentBody('360102', items, new Set(['c:rural', 'a:special']));
    expect(body).toEqual({
      district: '360102',
      items: [
        { familyId: 'a', policyId: 'special' },
        { familyId: 'c', policyId: 'rural' },
      ],
    });
  });
});

describe('afterEnrolment', () => {
  it('keeps only what was not sent and explains refusals', () => {
    const sent = [
      { familyId: 'a', policyId: 'special' },
      { familyId: 'b', policyId: 'special' },
      { familyId: 'c', policyId: 'rural' },
    ];
    const outcome = afterEnrolment(items, sent, {
      enrolled: 1,
      alreadyEnrolled: 1,
      refused: [{ familyId: 'c', policyId: 'rural', reason: '母亲未满 60 周岁' }],
      notified: 2,
    });
    expect(outcome.remaining.map(itemKey)).toEqual(['a:one-time']);
    expect(outcome.summary).toBe(
      '新纳入 1 项，此前已纳入 1 项，未纳入 1 项（原因见下），已通知 2 位家庭成员',
    );
    expect(outcome.refused).toEqual([
      { key: 'c:rural', familyLabel: '失独家庭 c', policyName: '政策 rural', reason: '母亲未满 60 周岁' },
    ]);
  });

  it('leaves nothing when everything was enrolled (a new screening would list nothing either)', () => {
    const outcome = afterEnrolment(items, items, {
      enrolled: 4,
      alreadyEnrolled: 0,
      refused: [],
      notified: 3,
    });
    expect(outcome.remaining).toEqual([]);
    expect(outcome.summary).toBe('新纳入 4 项，此前已纳入 0 项，已通知 3 位家庭成员');
  });
});
