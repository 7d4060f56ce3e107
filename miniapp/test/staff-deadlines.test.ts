import { describe, expect, it } from 'vitest';
import { responseDue, reviewDue } from '../src/packages/staff/model/deadlines';

const hour = 3600_000;
const dueAt = '2026-03-02T06:00:00.000Z'; // 14:00 in Nanchang
const due = Date.parse(dueAt);

describe('responseDue (first response of a help request)', () => {
  it('counts down while ahead, and calls the last six hours soon', () => {
    expect(responseDue({ dueAt, overdue: false }, due - 30 * hour)).toEqual({
      tone: 'ok',
      text: '2026-03-02 14:00 前首次响应，还剩 1 天 6 小时',
    });
    expect(responseDue({ dueAt, overdue: false }, due - 6 * hour).tone).toBe('soon');
    expect(responseDue({ dueAt, overdue: false }, due - 7 * hour).tone).toBe('ok');
  });

  it('says how late once the deadline has passed', () => {
    expect(responseDue({ dueAt, overdue: true }, due + 3 * hour)).toEqual({
      tone: 'overdue',
      text: '已超时 3 小时（应于 2026-03-02 14:00 前响应）',
    });
    // The phone clock may lag the server: the server's verdict wins.
    expect(responseDue({ dueAt, overdue: true }, due - hour).tone).toBe('overdue');
    expect(responseDue({ dueAt, overdue: false }, due).tone).toBe('overdue');
  });

  it('says when it was answered, and whether that was late', () => {
    expect(responseDue({ dueAt, overdue: false, firstRespondedAt: '2026-03-01T02:30:00.000Z' }, due)).toEqual(
      {
        tone: 'answered',
        text: '已于 2026-03-01 10:30 首次响应',
      },
    );
    expect(
      responseDue({ dueAt, overdue: false, firstRespondedAt: '2026-03-02T07:00:00.000Z' }, due).text,
    ).toBe('已于 2026-03-02 15:00 首次响应（超时后）');
  });
});

describe('reviewDue (育儿补贴, 30 working days)', () => {
  it('highlights the last five days and anything past', () => {
    expect(reviewDue('2026-03-20', '2026-03-01')).toEqual({
      tone: 'ok',
      text: '审核期限 2026-03-20（还剩 19 天）',
    });
    expect(reviewDue('2026-03-06', '2026-03-01')).toEqual({
      tone: 'soon',
      text: '审核期限 2026-03-06，还剩 5 天',
    });
    expect(reviewDue('2026-03-07', '2026-03-01').tone).toBe('ok');
    expect(reviewDue('2026-03-01', '2026-03-01')).toEqual({
      tone: 'soon',
      text: '审核期限 2026-03-01，今天到期',
    });
    expect(reviewDue('2026-02-27', '2026-03-01')).toEqual({
      tone: 'overdue',
      text: '审核期限 2026-02-27，已超期 2 天',
    });
  });
});
