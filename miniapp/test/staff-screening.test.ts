import type { ScreeningItem, ScreeningResult } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import {
  addPage,
  afterEnrolment,
  amountText,
  enrolmentBatches,
  enrolmentBody,
  familyState,
  groupByFamily,
  isComplete,
  itemKey,
  progressText,
  selectAll,
  selectMore,
  sumEnrolmentResults,
  summaryText,
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

describe('a screening run, page by page', () => {
  const page = (
    pageItems: ScreeningItem[],
    familiesScreened: number,
    nextCursor: string | null,
  ): ScreeningResult => ({
    id: 'scr_1',
    district: '360102',
    onDate: '2026-06-01',
    familiesScreened,
    alreadyEnrolled: 1,
    items: pageItems,
    nextCursor,
  });
  const first = page([item('a', 'special'), item('a', 'one-time')], 2, 'c1');
  const second = page([item('b', 'special'), item('a', 'one-time')], 2, 'c2');
  const last = page([item('c', 'rural')], 1, null);

  it('adds the pages up: counts summed, pairs appended once, the last cursor kept', () => {
    const one = addPage(undefined, first);
    expect(isComplete(one)).toBe(false);
    const two = addPage(one, second);
    expect(two).toMatchObject({ id: 'scr_1', familiesScreened: 4, alreadyEnrolled: 2, nextCursor: 'c2' });
    expect(two.items.map(itemKey)).toEqual(['a:special', 'a:one-time', 'b:special']);
    expect(one.items.map(itemKey)).toEqual(['a:special', 'a:one-time']);
    const done = addPage(two, last);
    expect(isComplete(done)).toBe(true);
    expect(done.familiesScreened).toBe(5);
    expect(done.items.map(itemKey)).toEqual(['a:special', 'a:one-time', 'b:special', 'c:rural']);
  });

  it("ticks a new page's pairs and keeps what the user unticked", () => {
    const unticked = toggleItem(selectAll(first.items), 'a:one-time');
    const more = selectMore(unticked, [item('b', 'special')]);
    expect([...more].sort()).toEqual(['a:special', 'b:special']);
  });

  it('says how far it got while loading, then what is left and whether the district is done', () => {
    expect(progressText(undefined, '东湖区')).toBe('正在核对东湖区的特殊家庭，请稍候…');
    const two = addPage(addPage(undefined, first), second);
    expect(progressText(two, '东湖区')).toBe('已筛查 4 户，找到待纳入 2 户 3 项，继续核对中…');
    expect(summaryText(two, '东湖区', two.items)).toBe(
      '2026-06-01 已筛查东湖区 4 户（未筛查完，可继续），此前已纳入 2 项；待纳入 2 户 3 项。',
    );
    const done = addPage(two, last);
    expect(summaryText(done, '东湖区', [])).toBe(
      '2026-06-01 筛查东湖区 5 户，此前已纳入 3 项；没有待纳入的家庭。',
    );
  });
});

describe('enrolling a large selection', () => {
  it('goes in batches of at most 500 and adds the answers up', () => {
    const items = Array.from({ length: 1_201 }, (_, i) => ({ familyId: `sf_${i}`, policyId: 'p' }));
    const batches = enrolmentBatches(items);
    expect(batches.map((b) => b.length)).toEqual([500, 500, 201]);
    expect(batches.flat()).toEqual(items);
    const total = sumEnrolmentResults([
      {
        enrolled: 3,
        alreadyEnrolled: 1,
        refused: [{ familyId: 'a', policyId: 'p', reason: 'x' }],
        notified: 2,
      },
      { enrolled: 4, alreadyEnrolled: 0, refused: [], notified: 5 },
    ]);
    expect(total).toEqual({
      enrolled: 7,
      alreadyEnrolled: 1,
      refused: [{ familyId: 'a', policyId: 'p', reason: 'x' }],
      notified: 7,
    });
  });
});
