import { idNumberCheckCharacter, type SubsidyView } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import {
  childBirthDate,
  emptySubsidyDraft,
  type SubsidyDraft,
  toSubsidyRequest,
  validateSubsidy,
} from '../src/subsidies/form';
import { subsidyCard } from '../src/subsidies/labels';
import { monthWords, policySummary, subsidyPreview } from '../src/subsidies/preview';

const today = '2026-11-29';

/** A valid GB 11643 number of a child registered in 东湖区 (360102), born on `birth` (YYYYMMDD). */
function childId(birth: string, sequence = '003'): string {
  const first17 = `360102${birth}${sequence}`;
  return first17 + (idNumberCheckCharacter(first17) ?? '');
}

describe('育儿补贴 estimate (预计)', () => {
  it('covers only the months until the third birthday for a child born in 2022', () => {
    expect(subsidyPreview('2022-10-20', today)).toEqual({
      eligible: true,
      headline: '预计可领 9 个月，共 2,700 元',
      range: '2025年1月至2025年9月',
      byYear: [{ year: '2025年', months: '9个月', amount: '2,700 元' }],
    });
  });

  it('gives 36 months across four calendar years for a child born after the start', () => {
    const preview = subsidyPreview('2025-03-15', today);
    expect(preview?.headline).toBe('预计可领 36 个月，共 10,800 元');
    expect(preview?.byYear.map((y) => y.months)).toEqual(['10个月', '12个月', '12个月', '2个月']);
  });

  it('explains why a child who turned 3 in the start month gets nothing', () => {
    const preview = subsidyPreview('2022-01-15', today);
    expect(preview?.eligible).toBe(false);
    expect(preview?.headline).toContain('满3周岁当月不计入');
    expect(preview?.byYear).toEqual([]);
  });

  it('shows nothing before the birth date is known', () => {
    expect(subsidyPreview(undefined, today)).toBeUndefined();
  });

  it('describes the policy from its data', () => {
    expect(policySummary()).toBe(
      '3 周岁以下的孩子，每孩每年 3,600 元；2025年1月以前出生的，只算还没满 3 周岁的月份。',
    );
    expect(monthWords('2025-09')).toBe('2025年9月');
  });
});

describe('育儿补贴 form', () => {
  const filled: SubsidyDraft = {
    childName: '李小明',
    childIdNumber: childId('20221020'),
    hukouDistrict: '360102',
    consent: true,
  };

  it('reads the birth date from the child’s ID number', () => {
    expect(childBirthDate(filled, today)).toBe('2022-10-20');
    expect(childBirthDate({ childIdNumber: '3601022022' }, today)).toBeUndefined();
  });

  it('asks for every field and the guardian’s consent', () => {
    expect(validateSubsidy(emptySubsidyDraft, today)).toEqual({
      childName: '请填写孩子的姓名',
      childIdNumber: '请填写孩子的身份证号',
      hukouDistrict: '请选择孩子户籍所在县区',
      consent: '请先阅读并勾选监护人同意',
    });
    expect(validateSubsidy({ ...filled, consent: false }, today)).toEqual({
      consent: '请先阅读并勾选监护人同意',
    });
  });

  it('refuses an ID number with a wrong check character', () => {
    const wrong = `${filled.childIdNumber.slice(0, 17)}${filled.childIdNumber.endsWith('0') ? '1' : '0'}`;
    expect(validateSubsidy({ ...filled, childIdNumber: wrong }, today).childIdNumber).toBe(
      '身份证号校验位不正确，请核对后重新输入',
    );
  });

  it('builds the request with the birth date from the ID number and the guardian’s consent', () => {
    expect(validateSubsidy(filled, today)).toEqual({});
    expect(toSubsidyRequest({ ...filled, childName: ' 李小明 ' }, today)).toEqual({
      childName: '李小明',
      childIdNumber: filled.childIdNumber,
      childBirthDate: '2022-10-20',
      hukouDistrict: '360102',
      guardianConsent: true,
    });
    expect(toSubsidyRequest({ ...filled, consent: false }, today)).toBeUndefined();
  });
});

function view(patch: Partial<SubsidyView>): SubsidyView {
  return {
    id: 's1',
    status: 'pending_review',
    months: 9,
    amountYuan: 2700,
    byYear: [{ year: 2025, months: 9, amountYuan: 2700 }],
    firstMonth: '2025-01',
    lastMonth: '2025-09',
    childNameMasked: '李**',
    childIdNumberMasked: '3601**********0031',
    childBirthDate: '2022-10-20',
    hukouDistrict: '360102',
    applicantNameMasked: '李*',
    submittedAt: '2026-11-29T02:00:00.000Z',
    reviewDueBy: '2027-01-13',
    payments: [],
    version: 1,
    ...patch,
  };
}

describe('我的育儿补贴 cards', () => {
  it('says that staff will check, and by when a pending application will be reviewed (the same words for every one)', () => {
    expect(subsidyCard(view({}), today)).toMatchObject({
      statusText: '审核中',
      months: '9 个月（2025年1月至2025年9月）',
      amount: '2,700 元',
      byYear: [{ year: '2025年', months: '9个月', amount: '2,700 元' }],
      review: '工作人员将进行核对，县区卫健委将在2027年1月13日前审核完',
    });
    expect(subsidyCard(view({}), today).renewal).toBeUndefined();
  });

  it('offers the yearly confirmation of an approved application from 30 days before it is due', () => {
    const approved = view({
      status: 'approved',
      reviewedAt: '2026-12-01T02:00:00.000Z',
      renewalDueOn: '2027-11-29',
      payments: [{ year: 2026, amountYuan: 3600, paidAt: '2026-12-05T02:00:00.000Z' }],
    });
    expect(subsidyCard(approved, today)).toMatchObject({
      statusText: '已通过',
      review: '已于 2026-12-01 10:00 审核',
      renewal: { open: false, due: false, text: '下次年度确认：2027年11月29日前，2027年10月30日起可以办理' },
      payments: [{ text: '2026年 3,600 元 · 发放于 2026-12-05' }],
    });
    expect(subsidyCard(approved, '2027-10-30').renewal).toEqual({
      open: true,
      due: false,
      text: '请在2027年11月29日前完成年度确认',
    });
    expect(subsidyCard(approved, '2027-11-29').renewal).toEqual({
      open: true,
      due: true,
      text: '年度确认已到期（2027年11月29日），确认后继续发放',
    });
  });

  it('lists the payments the district recorded, in year order, with the day in China time', () => {
    // The 2022-10-20 child: one year, no renewal left once approved.
    const paid = view({
      status: 'approved',
      reviewedAt: '2026-11-29T02:00:00.000Z',
      payments: [{ year: 2025, amountYuan: 2700, paidAt: '2026-11-29T16:30:00.000Z' }],
      version: 3,
    });
    const card = subsidyCard(paid, today);
    expect(card.payments).toEqual([{ key: '2025-0', text: '2025年 2,700 元 · 发放于 2026-11-30' }]);
    expect(card.renewal).toBeUndefined();
    const twoYears = subsidyCard(
      view({
        status: 'approved',
        renewalDueOn: '2027-11-29',
        payments: [
          { year: 2025, amountYuan: 3000, paidAt: '2026-02-01T02:00:00.000Z' },
          { year: 2026, amountYuan: 3600, paidAt: '2026-11-29T02:00:00.000Z' },
        ],
      }),
      today,
    );
    expect(twoYears.payments.map((p) => p.text)).toEqual([
      '2025年 3,000 元 · 发放于 2026-02-01',
      '2026年 3,600 元 · 发放于 2026-11-29',
    ]);
    expect(twoYears.renewal?.open).toBe(false);
  });

  it('shows the reason of a refusal', () => {
    const card = subsidyCard(view({ status: 'rejected', comment: '户籍不在本市' }), today);
    expect(card).toMatchObject({ statusText: '未通过', review: '审核意见：户籍不在本市' });
  });
});
