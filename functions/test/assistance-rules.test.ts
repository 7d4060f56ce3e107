import { firstResponseHours } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { applyEvent, dueAtFor, isOverdue } from '../src/assistance/rules';

const created = new Date('2026-03-01T02:30:00.000Z');
const hour = 3600_000;

describe('first-response deadline', () => {
  it('gives an urgent request 24 hours and a normal one 72, from the shared contract', () => {
    expect(firstResponseHours).toEqual({ urgent: 24, normal: 72 });
    expect(dueAtFor(created, 'urgent').toISOString()).toBe('2026-03-02T02:30:00.000Z');
    expect(dueAtFor(created, 'normal').toISOString()).toBe('2026-03-04T02:30:00.000Z');
  });

  it('keeps the milliseconds, so the deadline is exact', () => {
    const at = new Date('2026-12-31T23:59:59.999Z');
    expect(dueAtFor(at, 'urgent').getTime() - at.getTime()).toBe(24 * hour);
  });
});

describe('overdue', () => {
  const dueAt = dueAtFor(created, 'urgent');
  const waiting = { status: 'awaiting_response' as const, dueAt: dueAt.toISOString() };

  it('is not overdue before or exactly at the deadline', () => {
    expect(isOverdue(waiting, created)).toBe(false);
    expect(isOverdue(waiting, new Date(dueAt.getTime() - 1))).toBe(false);
    expect(isOverdue(waiting, dueAt)).toBe(false);
  });

  it('is overdue one millisecond after the deadline', () => {
    expect(isOverdue(waiting, new Date(dueAt.getTime() + 1))).toBe(true);
  });

  it('is never overdue once someone has answered or it is resolved', () => {
    const late = new Date(dueAt.getTime() + 48 * hour);
    expect(isOverdue({ ...waiting, status: 'in_progress' }, late)).toBe(false);
    expect(isOverdue({ ...waiting, status: 'resolved' }, late)).toBe(false);
  });
});

describe('events', () => {
  const at = new Date('2026-03-01T05:00:00.000Z');
  const later = new Date('2026-03-02T05:00:00.000Z');

  it('answers the deadline with the first event of any kind and tells the family', () => {
    for (const kind of ['note', 'call', 'visit'] as const) {
      expect(applyEvent({ status: 'awaiting_response' }, kind, at)).toEqual({
        ok: true,
        status: 'in_progress',
        firstRespondedAt: at.toISOString(),
        tellFamily: 'first_response',
      });
    }
  });

  it('keeps the first response time and stays quiet on later events', () => {
    const answered = { status: 'in_progress' as const, firstRespondedAt: at.toISOString() };
    expect(applyEvent(answered, 'visit', later)).toEqual({
      ok: true,
      status: 'in_progress',
      firstRespondedAt: at.toISOString(),
      tellFamily: undefined,
    });
  });

  it('resolves from either open status and tells the family', () => {
    expect(applyEvent({ status: 'awaiting_response' }, 'resolved', at)).toEqual({
      ok: true,
      status: 'resolved',
      firstRespondedAt: at.toISOString(),
      tellFamily: 'resolved',
    });
    const answered = { status: 'in_progress' as const, firstRespondedAt: at.toISOString() };
    expect(applyEvent(answered, 'resolved', later)).toMatchObject({
      status: 'resolved',
      firstRespondedAt: at.toISOString(),
      tellFamily: 'resolved',
    });
  });

  it('refuses any event on a resolved request', () => {
    const closed = { status: 'resolved' as const, firstRespondedAt: at.toISOString() };
    for (const kind of ['note', 'call', 'visit', 'resolved'] as const) {
      expect(applyEvent(closed, kind, later)).toEqual({ ok: false, reason: 'already_resolved' });
    }
  });
});
