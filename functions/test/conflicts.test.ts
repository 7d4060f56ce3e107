import type { SessionUser } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import type { AccessChecks } from '../src/commons/access';
import type { AuditEvent, AuditTrail } from '../src/commons/audit';
import { AppError, conflict } from '../src/commons/errors';
import { type ConflictParties, createConflictDesk } from '../src/conflicts/desk';
import type { ConflictItem } from '../src/conflicts/entity';
import type { ConflictRecords } from '../src/conflicts/records';
import { conflictIdOf } from '../src/conflicts/records';
import { pregnancyMatchesBirth } from '../src/conflicts/rules';
import type { Notifier } from '../src/notifications/notifier';

describe('evidence: does a registration speak for a child born on a day?', () => {
  it('with a due date, a birth within 45 days of it', () => {
    const registration = { pregnancyDate: '2025-05-12', filedOn: '2024-11-02' };
    expect(pregnancyMatchesBirth(registration, '2025-05-20')).toBe(true);
    expect(pregnancyMatchesBirth(registration, '2025-03-28')).toBe(true);
    expect(pregnancyMatchesBirth(registration, '2025-03-27')).toBe(false);
    expect(pregnancyMatchesBirth(registration, '2025-06-27')).toBe(false);
  });

  it('without one (the day of filing stands in), a birth from that day to 300 days later', () => {
    const registration = { pregnancyDate: '2025-01-10', filedOn: '2025-01-10' };
    expect(pregnancyMatchesBirth(registration, '2025-01-10')).toBe(true);
    expect(pregnancyMatchesBirth(registration, '2025-11-06')).toBe(true);
    expect(pregnancyMatchesBirth(registration, '2025-11-07')).toBe(false);
    expect(pregnancyMatchesBirth(registration, '2025-01-09')).toBe(false);
  });

  it('never on a date it cannot read', () => {
    expect(pregnancyMatchesBirth({ pregnancyDate: 'sealed:…', filedOn: '2025-01-10' }, '2025-01-10')).toBe(
      false,
    );
  });
});

const now = new Date('2026-11-30T02:00:00Z');
const staff = (id: string) => ({ id, roles: ['staff'] }) as SessionUser;
const side = (recordId: string, userId: string) => ({
  recordId,
  userId,
  applicantNameMasked: '王**',
  label: '李**',
  filedAt: now.toISOString(),
  facts: [{ label: '儿童', value: '李**' }],
  evidence: [],
});

function setUp(options: { failVoidOnce?: boolean } = {}) {
  const item: ConflictItem = {
    conflictId: conflictIdOf('childcare_subsidy', 'sub_a', 'sub_b'),
    kind: 'childcare_subsidy',
    district: '360102',
    status: 'open',
    version: 1,
    subjectKey: 'hash',
    subjectMasked: '3601**********0011',
    first: side('sub_a', 'u_a'),
    second: side('sub_b', 'u_b'),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const stored = new Map([[item.conflictId, structuredClone(item)]]);
  const records = {
    async get(id: string) {
      const found = stored.get(id);
      return found && structuredClone(found);
    },
    async resolve(
      current: ConflictItem,
      resolution: { standing: 'first' | 'second'; resolvedBy: string; comment: string },
      at: Date,
    ) {
      const was = stored.get(current.conflictId);
      if (!was || was.version !== current.version || was.status !== 'open') throw conflict('stale');
      const next: ConflictItem = {
        ...current,
        ...resolution,
        status: 'resolved',
        resolvedAt: at.toISOString(),
        version: current.version + 1,
      };
      stored.set(current.conflictId, structuredClone(next));
      return next;
    },
  } as unknown as ConflictRecords;
  const steps: string[] = [];
  let failVoid = options.failVoidOnce ?? false;
  const parties: ConflictParties = {
    kind: 'childcare_subsidy',
    subjectType: 'childcareSubsidy',
    async statuses() {
      return new Map([
        ['sub_a', 'voided'],
        ['sub_b', 'pending_review'],
      ]);
    },
    async voidSide(_item, voided) {
      steps.push(`void ${voided.recordId}`);
      if (failVoid) {
        failVoid = false;
        throw new Error('store timeout');
      }
    },
    async proceed(_item, standing) {
      steps.push(`proceed ${standing.recordId}`);
    },
    message: (_item, s, outcome) => ({
      kind: 'subsidy_status',
      title: '核对结果',
      body: `${s.label} ${outcome}`,
    }),
  };
  const audited: AuditEvent[] = [];
  const audit = {
    async record(_actor: SessionUser, event: AuditEvent) {
      audited.push(event);
    },
  } as unknown as AuditTrail;
  const told = new Map<string, string>();
  const notifier: Notifier = {
    async notify(userId, message, { dedupeKey }) {
      if (!told.has(dedupeKey)) told.set(dedupeKey, `${userId}: ${message.body}`);
    },
  };
  const access = {
    async staffJurisdiction(caller: SessionUser) {
      return caller.id === 'staff-360103'
        ? { cityWide: false, districts: ['360103'] }
        : { cityWide: false, districts: ['360102'] };
    },
  } as unknown as AccessChecks;
  const desk = createConflictDesk({ records, parties, access, audit, notifier });
  return { desk, item, stored, steps, audited, told };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof AppError ? `${error.status} ${error.code}` : String(error)),
  );
const context = { now, requestId: 'req-1', sourceIp: '10.0.0.1' };
const forSecond = { standing: 'second' as const, comment: '出生证明一致', expectedVersion: 1 };

describe('resolving a conflict', () => {
  it('audits, locks, voids the other side before the standing one proceeds, and tells both once', async () => {
    const { desk, item, steps, audited, told } = setUp();
    const view = await desk.resolve(staff('staff-360102'), item.conflictId, forSecond, context);
    expect(view.status).toBe('resolved');
    expect(view.resolution).toMatchObject({ standing: 'second', resolvedBy: '东湖区卫生健康委员会' });
    expect(steps).toEqual(['void sub_a', 'proceed sub_b']);
    expect(audited).toEqual([
      {
        subjectType: 'childcareSubsidy',
        subjectId: 'sub_b',
        action: 'resolve_conflict',
        district: '360102',
        objectId: 'sub_a',
        note: `${item.conflictId}: second stands`,
        requestId: 'req-1',
        sourceIp: '10.0.0.1',
      },
    ]);
    expect([...told.values()]).toEqual(['u_b: 李** stands', 'u_a: 李** voided']);
  });

  it('a stale version is 409; staff of another district get 404; a second decision is refused', async () => {
    const { desk, item } = setUp();
    await expect(
      codeOf(
        desk.resolve(staff('staff-360102'), item.conflictId, { ...forSecond, expectedVersion: 2 }, context),
      ),
    ).resolves.toBe('409 CONFLICT');
    await expect(
      codeOf(desk.resolve(staff('staff-360103'), item.conflictId, forSecond, context)),
    ).resolves.toBe('404 NOT_FOUND');
    await desk.resolve(staff('staff-360102'), item.conflictId, forSecond, context);
    await expect(
      codeOf(
        desk.resolve(staff('staff-360102'), item.conflictId, { ...forSecond, standing: 'first' }, context),
      ),
    ).resolves.toBe('409 CONFLICT');
  });

  it('a failure after the lock is finished by the same request again, without a second audit entry', async () => {
    const { desk, item, stored, steps, audited, told } = setUp({ failVoidOnce: true });
    await expect(desk.resolve(staff('staff-360102'), item.conflictId, forSecond, context)).rejects.toThrow(
      'store timeout',
    );
    expect(stored.get(item.conflictId)?.status).toBe('resolved');
    expect(told.size).toBe(0);
    const view = await desk.resolve(staff('staff-360102'), item.conflictId, forSecond, context);
    expect(view.status).toBe('resolved');
    expect(steps).toEqual(['void sub_a', 'void sub_a', 'proceed sub_b']);
    expect(audited).toHaveLength(1);
    expect(told.size).toBe(2);
  });
});
