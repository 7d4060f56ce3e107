import { type PolicyDefinition, type SessionUser, seedPolicies } from '@hongjia/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { bindFirstReason } from '../src/benefits/my-benefits';
import type { NewEnrolment } from '../src/benefits/records';
import { type BenefitsAuditor, createBenefitsService } from '../src/benefits/service';
import { AppError, forbidden } from '../src/commons/errors';
import type { IdentityRecord } from '../src/families/membership';
import type { SpecialFamilyRecord } from '../src/families/sealed-record';
import { type NotificationMessage, notificationIdFor } from '../src/notifications/notifier';
import { bereavedFamily } from './benefits-fixtures';

/** 2026-06-01 08:30 in Nanchang, still 2026-05-31 in UTC. */
const now = new Date('2026-06-01T00:30:00.000Z');
const staff102: SessionUser = { id: 'u_staff102', roles: ['staff'], district: '360102' };
const staff103: SessionUser = { id: 'u_staff103', roles: ['staff'], district: '360103' };
const admin: SessionUser = { id: 'u_admin', roles: ['admin'] };
const family = (id: string): SessionUser => ({ id, roles: ['family'] });

function identity(userId: string, idHash: string, birthDate: string, sex: 'M' | 'F'): IdentityRecord {
  return { userId, idHash, birthDate, sex } as IdentityRecord;
}

/** The service over in-memory stores that behave like the real ones (conditional create, global dedupe). */
function setup() {
  const mother56 = bereavedFamily('fam_56', '1970-05-10');
  const mother36 = bereavedFamily('fam_36', '1990-03-01');
  const other = bereavedFamily('fam_103', '1960-01-01', { district: '360103' });
  const families = new Map<string, SpecialFamilyRecord>(
    [mother56, mother36, other].map((f) => [f.familyId, f]),
  );
  const identities = [
    identity('u_mother56', 'fam_56-mother', '1970-05-10', 'F'),
    identity('u_father56', 'fam_56-father', '1966-03-03', 'M'),
    identity('u_loner', 'hash-loner', '1992-02-02', 'F'),
  ];
  const enrolments: (NewEnrolment & { enrolledAt: string })[] = [];
  const payments = [
    {
      familyId: 'fam_56',
      policyId: 'one-time-consolation',
      period: '2025',
      amountYuan: 5000,
      paidAt: '2025-03-01T00:00:00.000Z',
    },
  ];
  const added: PolicyDefinition[] = [];
  const audits: { familyIds: readonly string[]; action: string }[] = [];
  const outbox = new Map<string, { userId: string; message: NotificationMessage }>();
  /** The `limit` of each page read, and the number of families of each enrolment read. */
  const familyPageReads: number[] = [];
  const enrolmentReads: number[] = [];

  const familyOf = (userId: string) => {
    const id = identities.find((i) => i.userId === userId);
    const found = [...families.values()].find((f) => f.members.some((m) => m.idHash === id?.idHash));
    return id && found ? { identity: id, family: found, role: 'mother' as const } : undefined;
  };
  const auditor: BenefitsAuditor = {
    async record(familyIds, action) {
      audits.push({ familyIds, action });
    },
  };
  const service = createBenefitsService({
    records: {
      async familiesPage(district, limit, cursor) {
        familyPageReads.push(limit);
        const all = [...families.values()].filter((f) => f.district === district);
        const start = cursor ? Number(cursor) : 0;
        const end = start + limit;
        return { items: all.slice(start, end), cursor: end < all.length ? String(end) : null };
      },
      family: async (id) => families.get(id),
      enrolmentsOf: async (id) => enrolments.filter((e) => e.familyId === id),
      paymentsOf: async (id) => payments.filter((p) => p.familyId === id),
      async enrolledPolicies(district, ids) {
        enrolmentReads.push(ids.length);
        const inDistrict = enrolments.filter((e) => e.district === district);
        return new Map(
          ids.map((id) => [id, new Set(inDistrict.filter((e) => e.familyId === id).map((e) => e.policyId))]),
        );
      },
      async enrol(enrolment, at) {
        if (enrolments.some((e) => e.familyId === enrolment.familyId && e.policyId === enrolment.policyId)) {
          return { kind: 'existing' as const };
        }
        enrolments.push({ ...enrolment, enrolledAt: at.toISOString() });
        return { kind: 'created' as const, enrolledAt: at.toISOString() };
      },
    },
    policies: {
      all: async () => [...seedPolicies, ...added],
      async add(policy) {
        if (added.some((p) => p.id === policy.id && p.effectiveFrom === policy.effectiveFrom)) return false;
        added.push(policy);
        return true;
      },
      addedBy: async () => undefined,
    },
    membership: {
      membershipOf: async (userId) => familyOf(userId),
      identityOf: async (userId) => identities.find((i) => i.userId === userId),
      boundUserIds: async (f) =>
        identities.filter((i) => f.members.some((m) => m.idHash === i.idHash)).map((i) => i.userId),
    },
    access: {
      async staffJurisdiction(caller) {
        if (!caller.district) throw forbidden();
        return { cityWide: false, districts: [caller.district] };
      },
    },
    users: {
      get: async (userId) => (userId === admin.id ? ({ userId, roles: ['admin'] } as never) : undefined),
    },
    auditor,
    notifier: {
      async notify(userId, message, { dedupeKey }) {
        const id = notificationIdFor(dedupeKey);
        if (!outbox.has(id)) outbox.set(id, { userId, message });
      },
    },
  });
  return { service, enrolments, audits, outbox, familyPageReads, enrolmentReads };
}

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'OK';
}

describe('我的待遇', () => {
  it('a bereaved mother aged 56 sees 特别扶助 eligible, her enrolment and payments, and no 育儿补贴', async () => {
    const { service } = setup();
    const mine = await service.myBenefits(family('u_mother56'), now);
    expect(mine.onDate).toBe('2026-06-01');
    expect(mine.basis).toBe('special_family');
    expect(mine.items.map((i) => i.policyId)).not.toContain('childcare-subsidy');
    expect(JSON.stringify(mine)).not.toMatch(/育儿|托育/);
    const special = mine.items.find((i) => i.policyId === 'special-assistance-bereaved');
    expect(special?.eligible).toBe(true);
    expect(special?.reasons).toContain('母亲已满49周岁（2019-05-10 满49周岁）');
    const consolation = mine.items.find((i) => i.policyId === 'one-time-consolation');
    expect(consolation?.payments).toEqual([
      { period: '2025', amountYuan: 5000, paidAt: '2025-03-01T00:00:00.000Z' },
    ]);
  });

  it('a bound user on no record is judged by her own facts and told what is not on record', async () => {
    const { service } = setup();
    const mine = await service.myBenefits(family('u_loner'), now);
    expect(mine.basis).toBe('identity');
    const childcare = mine.items.find((i) => i.policyId === 'childcare-subsidy');
    expect(childcare?.reasons).toEqual([
      '未登记子女出生日期，无法判断',
      expect.stringContaining('我的 · 育儿补贴'),
    ]);
    const rural = mine.items.find((i) => i.policyId === 'rural-family-reward');
    expect(rural?.reasons).toContain('未登记户籍，无法判断');
    expect(rural?.reasons.at(-1)).toMatch(/家庭情况尚未登记/);
    expect(JSON.stringify(mine)).not.toMatch(/现无存活子女|未生育子女/);
  });

  it('someone not bound is asked to 实名认证 first, with no amounts', async () => {
    const { service } = setup();
    const mine = await service.myBenefits(family('u_stranger'), now);
    expect(mine.basis).toBe('none');
    expect(mine.items).toHaveLength(seedPolicies.length);
    for (const item of mine.items) {
      expect(item).toMatchObject({ eligible: false, reasons: [bindFirstReason], enrolled: false });
      expect(item.amountYuanPerYear).toBeUndefined();
    }
  });
});

describe('免申即享 screening and bulk enrolment', () => {
  beforeAll(() => {
    // Screening pages carry signed cursors.
    process.env.CURSOR_SECRET ??= 'unit-test-cursor-secret-unit-test-cursor-secret';
  });

  it('is refused for another district', async () => {
    const { service } = setup();
    expect(await codeOf(service.screen(staff103, { district: '360102' }, now))).toBe('FORBIDDEN');
    expect(
      await codeOf(
        service.enrol(staff103, { district: '360102', items: [{ familyId: 'fam_56', policyId: 'x' }] }, now),
      ),
    ).toBe('FORBIDDEN');
  });

  it('lists the families that never applied and audits each listed family', async () => {
    const { service, audits, familyPageReads, enrolmentReads } = setup();
    const result = await service.screen(staff102, { district: '360102' }, now);
    expect(result).toMatchObject({
      district: '360102',
      onDate: '2026-06-01',
      familiesScreened: 2,
      alreadyEnrolled: 0,
      nextCursor: null,
    });
    expect(result.id).toMatch(/^scr_/);
    expect(result.items.map((i) => `${i.familyId}:${i.policyId}`)).toEqual([
      'fam_56:special-assistance-bereaved',
      'fam_56:one-time-consolation',
      'fam_56:free-health-check',
      'fam_36:one-time-consolation',
      'fam_36:free-health-check',
    ]);
    expect(audits).toEqual([
      { familyIds: ['fam_56', 'fam_56', 'fam_56', 'fam_36', 'fam_36'], action: 'screening' },
    ]);
    // The contract's default page, and one enrolment read for the page's families.
    expect(familyPageReads).toEqual([200]);
    expect(enrolmentReads).toEqual([2]);
  });

  it('pages a district: one family a page lists the same pairs under one run id', async () => {
    const { service, audits, enrolmentReads } = setup();
    const first = await service.screen(staff102, { district: '360102', limit: 1 }, now);
    expect(first.familiesScreened).toBe(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await service.screen(
      staff102,
      { district: '360102', limit: 1, cursor: first.nextCursor as string },
      now,
    );
    expect(second).toMatchObject({ id: first.id, familiesScreened: 1, nextCursor: null });
    expect([...first.items, ...second.items].map((i) => `${i.familyId}:${i.policyId}`)).toEqual([
      'fam_56:special-assistance-bereaved',
      'fam_56:one-time-consolation',
      'fam_56:free-health-check',
      'fam_36:one-time-consolation',
      'fam_36:free-health-check',
    ]);
    expect(audits.map((a) => a.familyIds)).toEqual([
      ['fam_56', 'fam_56', 'fam_56'],
      ['fam_36', 'fam_36'],
    ]);
    expect(enrolmentReads).toEqual([1, 1]);
  });

  it('refuses a forged cursor, and one from another district, as a bad request', async () => {
    const { service, audits } = setup();
    const page = await service.screen(staff102, { district: '360102', limit: 1 }, now);
    const cursor = page.nextCursor as string;
    const [payload, signature] = cursor.split('.') as [string, string];
    const edited = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace('"c":"1"', '"c":"0"'),
    ).toString('base64url');
    expect(edited).not.toBe(payload);
    const forged = `${edited}.${signature}`;
    expect(await codeOf(service.screen(staff102, { district: '360102', cursor: forged }, now))).toBe(
      'VALIDATION_FAILED',
    );
    expect(await codeOf(service.screen(staff103, { district: '360103', cursor }, now))).toBe(
      'VALIDATION_FAILED',
    );
    expect(audits).toHaveLength(1);
  });

  it('enrols, tells both bound parents once, and re-running adds nothing twice', async () => {
    const { service, outbox, enrolments, audits } = setup();
    const screened = await service.screen(staff102, { district: '360102' }, now);
    const items = screened.items.map(({ familyId, policyId }) => ({ familyId, policyId }));
    const first = await service.enrol(staff102, { district: '360102', items }, now);
    expect(first).toEqual({ enrolled: 5, alreadyEnrolled: 0, refused: [], notified: 6 });
    expect(enrolments).toHaveLength(5);
    const messages = [...outbox.values()];
    expect(messages.map((m) => m.userId).sort()).toEqual([
      'u_father56',
      'u_father56',
      'u_father56',
      'u_mother56',
      'u_mother56',
      'u_mother56',
    ]);
    for (const { message } of messages) {
      expect(message).toMatchObject({
        kind: 'benefit_enrolled',
        link: '/packages/family/pages/special-assistance/benefits',
      });
      expect(`${message.title}${message.body}`).not.toMatch(/[!！]/);
    }
    expect(audits.at(-1)).toEqual({ familyIds: ['fam_56', 'fam_36'], action: 'enrol' });

    const again = await service.enrol(staff102, { district: '360102', items }, now);
    expect(again).toEqual({ enrolled: 0, alreadyEnrolled: 5, refused: [], notified: 0 });
    expect(enrolments).toHaveLength(5);
    expect(outbox.size).toBe(6);

    const rescreen = await service.screen(staff102, { district: '360102' }, now);
    expect(rescreen.items).toEqual([]);
    expect(rescreen.alreadyEnrolled).toBe(5);
  });

  it('refuses, with the reason, a pair not eligible today or outside the district', async () => {
    const { service, enrolments } = setup();
    const result = await service.enrol(
      staff102,
      {
        district: '360102',
        items: [
          { familyId: 'fam_36', policyId: 'special-assistance-bereaved' },
          { familyId: 'fam_103', policyId: 'one-time-consolation' },
          { familyId: 'fam_missing', policyId: 'one-time-consolation' },
        ],
      },
      now,
    );
    expect(result.enrolled).toBe(0);
    expect(result.refused.map((r) => r.familyId)).toEqual(['fam_36', 'fam_103', 'fam_missing']);
    expect(result.refused[0]?.reason).toContain('还差 12 年 9 个月');
    expect(result.refused[1]?.reason).toBe(result.refused[2]?.reason);
    expect(enrolments).toEqual([]);
  });
});

describe('policy corrections', () => {
  const correction = {
    effectiveFrom: '2026-06-01',
    amountYuan: 800,
    amountConfirmed: true,
    sourceNote: '赣卫发〔2026〕8 号',
  };

  it('only an admin may add a version', async () => {
    const { service } = setup();
    expect(
      await codeOf(service.addPolicyVersion(staff102, 'special-assistance-bereaved', correction, now)),
    ).toBe('FORBIDDEN');
  });

  it('applies from its date: the old amount the day before, the new one from the day', async () => {
    const { service } = setup();
    const version = await service.addPolicyVersion(admin, 'special-assistance-bereaved', correction, now);
    expect(version).toMatchObject({ amountYuan: 800, effectiveFrom: '2026-06-01', effectiveTo: null });
    const amountOn = async (at: Date) =>
      (await service.myBenefits(family('u_mother56'), at)).items.find(
        (i) => i.policyId === 'special-assistance-bereaved',
      )?.amountYuanPerYear;
    expect(await amountOn(now)).toBe(800 * 12);
    expect(await amountOn(new Date('2026-05-31T15:59:59.000Z'))).toBe(720 * 12);
    expect(
      (await service.listPolicies(now)).items.filter((p) => p.id === 'special-assistance-bereaved'),
    ).toHaveLength(2);
    expect(
      await codeOf(service.addPolicyVersion(admin, 'special-assistance-bereaved', correction, now)),
    ).toBe('CONFLICT');
  });
});
