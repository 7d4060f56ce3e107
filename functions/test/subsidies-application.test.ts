import { randomBytes } from 'node:crypto';
import {
  idNumberCheckCharacter,
  type PolicyDefinition,
  type SessionUser,
  seedPolicies,
} from '@hongjia/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PolicyStore } from '../src/benefits/policy-store';
import { AppError, conflict } from '../src/commons/errors';
import type { Guard, Guards } from '../src/commons/guards';
import { createPiiCipher, localDataKeys } from '../src/commons/pii/index';
import type { ConflictItem } from '../src/conflicts/entity';
import type { IdentityEntity } from '../src/families/entities';
import { createSubsidyApplication } from '../src/subsidies/application';
import type { SubsidyItem } from '../src/subsidies/entity';
import type { SubsidyRecords } from '../src/subsidies/records';

const cipher = createPiiCipher(localDataKeys(randomBytes(32)), randomBytes(32));
const now = new Date('2026-11-30T02:00:00Z'); // Monday 10:00 in Nanchang
const parent = (id: string): SessionUser => ({ id, roles: ['family'] }) as SessionUser;

function childId(birthDate: string, seq = 1): string {
  const first17 = `360102${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

const body = (birthDate: string, overrides: Record<string, string> = {}) => ({
  childName: '王小宝',
  childIdNumber: childId(birthDate),
  childBirthDate: birthDate,
  hukouDistrict: '360102' as const,
  guardianConsent: true as const,
  ...overrides,
});

/** The store as single-item conditional writes behave: create-if-absent, delete-if-checking, move-if-version. */
function memoryRecords() {
  const items = new Map<string, SubsidyItem>();
  const records = {
    items,
    async get(id: string) {
      const item = items.get(id);
      return item && structuredClone(item);
    },
    async create(item: SubsidyItem) {
      if (items.has(item.subsidyId)) throw new Error('exists');
      items.set(item.subsidyId, structuredClone(item));
    },
    async discard(id: string) {
      if (items.get(id)?.status === 'checking') items.delete(id);
    },
    async move(item: SubsidyItem, changes: Partial<SubsidyItem>, at: Date) {
      const stored = items.get(item.subsidyId);
      if (!stored || stored.version !== item.version || stored.status !== item.status)
        throw conflict('stale');
      const next = { ...item, ...changes, version: item.version + 1, updatedAt: at.toISOString() };
      items.set(item.subsidyId, structuredClone(next));
      return next;
    },
  };
  return records;
}

function memoryGuards() {
  const held = new Map<string, Guard>();
  const guards: Pick<Guards, 'claim' | 'release' | 'holder'> = {
    async claim(scope, key, claim) {
      const k = `${scope}#${key}`;
      const holder = held.get(k);
      if (holder) return { claimed: false, holder };
      held.set(k, claim);
      return { claimed: true };
    },
    async holder(scope, key) {
      return held.get(`${scope}#${key}`);
    },
    async release(scope, key, targetId) {
      if (held.get(`${scope}#${key}`)?.targetId === targetId) held.delete(`${scope}#${key}`);
    },
  };
  return { held, guards };
}

const identities = (bound: string[]) =>
  ({
    get: ({ userId }: { userId: string }) => ({
      go: async () => ({ data: bound.includes(userId) ? { userId, nameMasked: '王*' } : null }),
    }),
  }) as unknown as IdentityEntity;

const policyStore = (policy: PolicyDefinition | undefined) =>
  ({
    inForce: async () => policy,
    programmeStart: async () => policy?.effectiveFrom,
  }) as unknown as PolicyStore;
const seed = seedPolicies.find((p) => p.id === 'childcare-subsidy') as PolicyDefinition;

let records: ReturnType<typeof memoryRecords>;
let guardStore: ReturnType<typeof memoryGuards>;
let service: ReturnType<typeof createSubsidyApplication>;
/** The conflicts recorded: [holder, later] application ids. */
let recorded: Array<[string, string]>;

function build(policy: PolicyDefinition | 'none' = seed) {
  service = createSubsidyApplication({
    records: records as unknown as SubsidyRecords,
    guards: guardStore.guards as Guards,
    identities: identities(['u_mother', 'u_father', 'u_other']),
    policies: policyStore(policy === 'none' ? undefined : policy),
    cipher: async () => cipher,
    conflicts: {
      async record(holder, later) {
        recorded.push([holder.subsidyId, later.subsidyId]);
        return {} as ConflictItem;
      },
    },
  });
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeEach(() => {
  recorded = [];
  records = memoryRecords();
  guardStore = memoryGuards();
  build();
});

describe('applying for 育儿补贴', () => {
  it('a 2022-born child covers only the months until the third birthday', async () => {
    const created = await service.apply(parent('u_mother'), body('2022-10-20'), now);
    expect(created).toEqual({
      id: expect.stringMatching(/^sub_/),
      status: 'pending_review',
      months: 9,
      amountYuan: 2700,
      byYear: [{ year: 2025, months: 9, amountYuan: 2700 }],
      firstMonth: '2025-01',
      lastMonth: '2025-09',
      reviewDueBy: '2027-01-12',
    });
  });

  it('a 2025-born child gets 36 months', async () => {
    const created = await service.apply(parent('u_mother'), body('2025-03-15'), now);
    expect(created.months).toBe(36);
    expect(created.amountYuan).toBe(10800);
    expect(created.byYear).toEqual([
      { year: 2025, months: 10, amountYuan: 3000 },
      { year: 2026, months: 12, amountYuan: 3600 },
      { year: 2027, months: 12, amountYuan: 3600 },
      { year: 2028, months: 2, amountYuan: 600 },
    ]);
  });

  it('stores the child sealed, masked and hashed, never in clear', async () => {
    const created = await service.apply(parent('u_mother'), body('2025-03-15'), now);
    const item = records.items.get(created.id) as SubsidyItem;
    const text = JSON.stringify(item);
    expect(text).not.toContain('王小宝');
    expect(text).not.toContain(childId('2025-03-15'));
    expect(item.childNameMasked).toBe('王**');
    expect(await cipher.open(item.childIdSealed, 'subsidy.childIdNumber')).toBe(childId('2025-03-15'));
    expect(item.childIdHash).toBe(cipher.lookupHash(childId('2025-03-15'), 'id-number'));
    expect(item.applicantNameMasked).toBe('王*');
    expect(item.jurisdiction).toBe('360102');
  });

  it('takes the amount from the policy data, not from code', async () => {
    build({ ...seed, amountYuan: 4800 });
    const created = await service.apply(parent('u_mother'), body('2022-10-20'), now);
    expect(created.amountYuan).toBe(3600);
  });

  it('refuses a child already 3 before 2025 with the reason', async () => {
    const error = await refusal(service.apply(parent('u_mother'), body('2021-12-31'), now));
    expect(error.code).toBe('SUBSIDY_NOT_ELIGIBLE');
    expect(error.status).toBe(422);
    expect(error.message).toContain('2024-12-31');
    expect(records.items.size).toBe(0);
  });

  it('refuses when no policy version is in force', async () => {
    build('none');
    expect((await refusal(service.apply(parent('u_mother'), body('2025-03-15'), now))).code).toBe(
      'SUBSIDY_NOT_ELIGIBLE',
    );
  });

  it('needs a real-name binding', async () => {
    const error = await refusal(service.apply(parent('u_stranger'), body('2025-03-15'), now));
    expect(error.code).toBe('IDENTITY_REQUIRED');
    expect(error.message).toBe('请先完成实名认证');
  });

  it('refuses a malformed child ID number and a birth date that disagrees with it (400 with the path)', async () => {
    const bad = await refusal(
      service.apply(parent('u_mother'), body('2025-03-15', { childIdNumber: '360102202503150010' }), now),
    );
    expect(bad.details[0]?.path).toBe('body.childIdNumber');
    const mismatch = await refusal(
      service.apply(parent('u_mother'), body('2025-03-15', { childBirthDate: '2025-03-16' }), now),
    );
    expect(mismatch.code).toBe('VALIDATION_FAILED');
    expect(mismatch.details[0]?.path).toBe('body.childBirthDate');
  });

  it("another applicant's application for a claimed child waits for staff, answered like any other", async () => {
    const first = await service.apply(parent('u_mother'), body('2025-03-15'), now);
    const second = await service.apply(parent('u_father'), body('2025-03-15'), now);
    // The same answer as the first apart from the id: nothing says someone applied before.
    expect({ ...second, id: first.id }).toEqual(first);
    expect(records.items.get(second.id)?.status).toBe('conflict');
    expect(records.items.get(first.id)?.status).toBe('pending_review');
    expect(recorded).toEqual([[first.id, second.id]]);
    // The claim stays with the first until staff decide.
    const hash = records.items.get(first.id)?.childIdHash;
    expect(guardStore.held.get(`childcare-subsidy#${hash}`)?.targetId).toBe(first.id);
  });

  it("the applicant's own second application is 409 SUBSIDY_EXISTS and leaves nothing behind", async () => {
    await service.apply(parent('u_mother'), body('2025-03-15'), now);
    const error = await refusal(service.apply(parent('u_mother'), body('2025-03-15'), now));
    expect(error.code).toBe('SUBSIDY_EXISTS');
    expect(error.status).toBe(409);
    expect(error.message).toContain('您已为该孩子申请过');
    expect(records.items.size).toBe(1);
    expect(recorded).toEqual([]);
  });

  it('a retry of the same request after a failure past the write finishes the one application', async () => {
    const move = records.move;
    records.move = async () => {
      records.move = move;
      throw new Error('timeout after the claim');
    };
    await expect(service.apply(parent('u_mother'), body('2025-03-15'), now, 'op-1')).rejects.toThrow();
    expect([...records.items.values()].map((i) => i.status)).toEqual(['checking']);
    const retried = await service.apply(parent('u_mother'), body('2025-03-15'), now, 'op-1');
    expect(retried.status).toBe('pending_review');
    expect(records.items.size).toBe(1);
    expect(records.items.get(retried.id)?.status).toBe('pending_review');
    // Once more (the answer was lost): the same application, not a SUBSIDY_EXISTS.
    expect(await service.apply(parent('u_mother'), body('2025-03-15'), now, 'op-1')).toEqual(retried);
  });

  it("resumes after a crash: the applicant's own stuck attempt is taken over at once", async () => {
    const first = await service.apply(parent('u_mother'), body('2025-03-15'), now);
    // Simulate a crash after the claim, before the move: the item still `checking`.
    const stuck = records.items.get(first.id) as SubsidyItem;
    records.items.set(first.id, { ...stuck, status: 'checking', version: 0 });
    const retried = await service.apply(parent('u_mother'), body('2025-03-15'), now);
    expect(retried.id).not.toBe(first.id);
    expect(records.items.has(first.id)).toBe(false);
    expect(guardStore.held.get(`childcare-subsidy#${stuck.childIdHash}`)?.targetId).toBe(retried.id);
  });

  it("waits a minute before taking over another applicant's unfinished attempt", async () => {
    const first = await service.apply(parent('u_mother'), body('2025-03-15'), now);
    const stuck = records.items.get(first.id) as SubsidyItem;
    records.items.set(first.id, { ...stuck, status: 'checking', version: 0 });
    // Within the minute the attempt may still finish: the later application is a conflict with it.
    const soon = await service.apply(
      parent('u_father'),
      body('2025-03-15'),
      new Date(now.getTime() + 30_000),
    );
    expect(records.items.get(soon.id)?.status).toBe('conflict');
    expect(recorded).toEqual([[first.id, soon.id]]);
    const later = new Date(now.getTime() + 61_000);
    const taken = await service.apply(parent('u_other'), body('2025-03-15'), later);
    expect(taken.status).toBe('pending_review');
    expect(records.items.get(taken.id)?.status).toBe('pending_review');
    expect(records.items.has(first.id)).toBe(false);
  });

  it('a rejected application frees the child for a corrected one', async () => {
    const first = await service.apply(parent('u_mother'), body('2025-03-15'), now);
    const item = records.items.get(first.id) as SubsidyItem;
    records.items.set(first.id, { ...item, status: 'rejected', version: 2 });
    const again = await service.apply(parent('u_mother'), body('2025-03-15'), now);
    expect(again.id).not.toBe(first.id);
    expect(records.items.get(first.id)?.status).toBe('rejected');
  });

  it('racing applications for one child: exactly one goes to review, the others wait or are refused', async () => {
    const answers = await Promise.allSettled([
      service.apply(parent('u_mother'), body('2025-03-15'), now),
      service.apply(parent('u_father'), body('2025-03-15'), now),
      service.apply(parent('u_father'), body('2025-03-15'), now),
    ]);
    const statuses = [...records.items.values()].map((i) => i.status);
    expect(statuses.filter((status) => status === 'pending_review')).toHaveLength(1);
    expect(statuses.every((status) => status === 'pending_review' || status === 'conflict')).toBe(true);
    for (const answer of answers) {
      if (answer.status === 'rejected')
        expect((answer.reason as AppError).code).toMatch(/SUBSIDY_EXISTS|CONFLICT/);
    }
  });
});
