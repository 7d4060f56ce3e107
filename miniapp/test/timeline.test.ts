import { describe, expect, it } from 'vitest';
import { explainReason, statusNames } from '../src/registration/labels';
import { timeline } from '../src/registration/timeline';

describe('timeline', () => {
  it('lists the history newest first with who, when and the comment', () => {
    const entries = timeline([
      { status: 'pending_review', at: '2026-11-01T02:00:00.000Z', by: 'family' },
      { status: 'pending_review', at: '2026-11-01T02:00:01.000Z', by: 'system' },
      {
        status: 'returned',
        at: '2026-11-02T06:30:00.000Z',
        by: 'staff',
        byName: '东湖区卫健委',
        comment: '请补充结婚证',
      },
      { status: 'pending_review', at: '2026-11-03T01:00:00.000Z', by: 'family' },
    ]);
    expect(entries.map((e) => e.what)).toEqual([
      '修改后重新提交',
      '审核结果：退回补正',
      '系统自动审核：转人工审核',
      '提交申请',
    ]);
    expect(entries[1]).toMatchObject({
      who: '工作人员（东湖区卫健委）',
      when: '2026-11-02 14:30',
      comment: '请补充结婚证',
    });
    expect(entries[3]?.who).toBe('本人');
  });

  it('says 秒办 for an automatic approval', () => {
    const [latest] = timeline([
      { status: 'pending_review', at: '2026-11-01T02:00:00.000Z', by: 'family' },
      { status: 'approved', at: '2026-11-01T02:00:00.500Z', by: 'system' },
    ]);
    expect(latest).toMatchObject({ what: '系统自动审核：已通过（秒办）', who: '系统' });
  });

  it('says 登记已作废 with the office and its reason for a void', () => {
    const [latest] = timeline([
      { status: 'approved', at: '2026-11-01T02:00:00.500Z', by: 'system' },
      {
        status: 'voided',
        at: '2026-11-05T02:00:00.000Z',
        by: 'staff',
        byName: '东湖区卫健委',
        comment: '身份证号填错',
      },
    ]);
    expect(latest).toMatchObject({
      what: '登记已作废',
      who: '工作人员（东湖区卫健委）',
      comment: '身份证号填错',
    });
  });
});

describe('registration labels', () => {
  it('names every status in Chinese', () => {
    expect(statusNames).toEqual({
      approved: '已通过',
      pending_review: '待审核',
      returned: '退回补正',
      rejected: '不予登记',
      voided: '已作废',
    });
  });

  it('explains known reason codes and falls back to the server message', () => {
    expect(explainReason({ code: 'SUSPECTED_DUPLICATE', message: 'x' })).toContain('重复');
    expect(explainReason({ code: 'SOMETHING_NEW', message: '服务端说明' })).toBe('服务端说明');
  });

  it('tells a family only that a reviewer will check, for a reason about another registration', () => {
    const told = explainReason({ code: 'NEEDS_STAFF_CHECK', message: '该登记需要工作人员进一步核对' });
    expect(told).toContain('工作人员');
    expect(told).not.toMatch(/重复|孩次|SY\d/);
  });
});
