import { describe, expect, it } from 'vitest';
import { eventNoteIssue, filedByText } from '../src/packages/staff/model/assistance';
import { districtOptions } from '../src/packages/staff/model/labels';
import { byYearText, monthsText } from '../src/packages/staff/model/subsidies';

describe('help requests', () => {
  it('names the member who filed it', () => {
    expect(filedByText({ mode: 'self', name: '张**' })).toBe('本人提交（张**）');
  });

  it('names both the contact person and the consenting member of a proxied request', () => {
    expect(
      filedByText({
        mode: 'proxy',
        name: '王联系',
        consentBy: '张**',
        consentAt: '2026-01-05T01:00:00.000Z',
      }),
    ).toBe('联系人 王联系 代为提交，经 张** 同意（2026-01-05 09:00）');
  });

  it('asks for a note where the family reads it: a remark or a resolution', () => {
    expect(eventNoteIssue('visit', '')).toBeUndefined();
    expect(eventNoteIssue('call', '  ')).toBeUndefined();
    expect(eventNoteIssue('note', ' ')).toBe('请填写备注内容');
    expect(eventNoteIssue('resolved', '')).toBe('请写明办结情况，家庭会看到');
    expect(eventNoteIssue('visit', 'x'.repeat(1001))).toBe('说明过长（最多 1000 字）');
  });
});

describe('育儿补贴 wording', () => {
  it('says the months and the amount, in total and by year', () => {
    expect(monthsText({ firstMonth: '2025-01', lastMonth: '2025-06', months: 6, amountYuan: 1800 })).toBe(
      '2025-01 至 2025-06，共 6 个月，1,800 元',
    );
    expect(
      byYearText([
        { year: 2025, months: 12, amountYuan: 3600 },
        { year: 2026, months: 3, amountYuan: 900 },
      ]),
    ).toBe('2025 年 12 个月 3,600 元；2026 年 3 个月 900 元');
  });
});

describe('district chips', () => {
  it('offers 全市 first only where the route allows no district', () => {
    expect(districtOptions(true)[0]).toEqual({ value: undefined, text: '全市', key: 'all' });
    expect(districtOptions(true)).toHaveLength(10);
    expect(districtOptions(false).map((o) => o.value)).not.toContain(undefined);
  });
});
