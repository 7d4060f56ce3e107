import {
  type CoverageResponse,
  type MyBenefits,
  type PolicyList,
  type ScreeningResult,
  seedPolicies,
  todayInChina,
} from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call, signIn, startTestRuntime } from './harness';
import { bindIdentity, createFamily, familyBody, validIdNumber } from './special-family-fixtures';

/**
 * Issue 15 (decision 0033): the work plan's named policies found by 免申即享
 * once staff record the facts they need; the 重大疾病综合商业保险 cover seen by
 * the family and by staff of its district; the public policy list.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
const tokens: Record<string, string> = {};
const ids = { rural: '', insured: '' };
const today = todayInChina();
const motherId = validIdNumber('360102', '1972-03-15', 'F', 611);

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  for (const [who, openid] of Object.entries({
    staff: 'staff-360102',
    staff103: 'staff-360103',
    mother: 'named-policies-mother',
    other: 'named-policies-other',
  })) {
    tokens[who] = (await signIn(runtime, openid)).token;
  }
  // A rural 伤残 family whose daughter is at university (facts not yet recorded).
  const rural = familyBody(611, {
    kind: 'disabled',
    hukouType: 'rural',
    childEventDate: '2012-05-05',
    members: [
      { role: 'mother', name: '刘桂兰', idNumber: motherId, phone: '13807911001' },
      {
        role: 'father',
        name: '陈长根',
        idNumber: validIdNumber('360102', '1966-03-15', 'M', 611),
        phone: '13807911002',
      },
    ],
    children: [{ birthDate: '2007-09-01', sex: 'F', alive: true }],
  });
  const created = await createFamily(runtime, tokens.staff as string, rural);
  expect(created.status).toBe(201);
  ids.rural = (created.json as { id: string }).id;
  expect((await bindIdentity(runtime, tokens.mother as string, '刘桂兰', motherId)).status).toBe(200);
  // A bereaved family recorded with its cover and its 城乡居民医保 enrolment from the start.
  const insured = familyBody(612, {
    medicalInsuranceEnrolledOn: '2020-01-01',
    criticalIllnessCover: {
      insurer: '中国人寿南昌分公司',
      policyNumber: 'pzjg2099000612',
      from: '2020-01-01',
      to: '2099-12-31',
    },
  });
  const second = await createFamily(runtime, tokens.staff as string, insured);
  expect(second.status).toBe(201);
  ids.insured = (second.json as { id: string }).id;
});
afterAll(async () => {
  await close?.();
});

const screenFor = async (familyId: string) => {
  const answer = await call(runtime, '/v1/staff/benefit-screenings', {
    token: tokens.staff,
    body: { district: '360102', limit: 500 },
  });
  expect(answer.status).toBe(200);
  const result = answer.json as unknown as ScreeningResult;
  return result.items
    .filter((i) => i.familyId === familyId)
    .map((i) => i.policyId)
    .sort();
};

describe('免申即享 finds families newly eligible under the named policies', () => {
  it('once staff record the school stage, the admission and the pension enrolment', async () => {
    const named = ['outstanding-girl-award', 'rural-pension-top-up', 'sunshine-schooling-aid'];
    const before = await screenFor(ids.rural);
    expect(before).toContain('free-health-check');
    expect(before.filter((id) => named.includes(id))).toEqual([]);
    const detail = await call(runtime, `/v1/staff/special-families/${ids.rural}`, { token: tokens.staff });
    const patched = await call(runtime, `/v1/staff/special-families/${ids.rural}`, {
      method: 'PATCH',
      token: tokens.staff,
      body: {
        expectedVersion: (detail.json as { version: number }).version,
        children: [
          {
            birthDate: '2007-09-01',
            sex: 'F',
            alive: true,
            schoolStage: 'university',
            universityAdmittedOn: today,
          },
        ],
        ruralPensionEnrolledOn: today,
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      ruralPensionEnrolledOn: today,
      children: [{ schoolStage: 'university', universityAdmittedOn: today }],
    });
    expect(await screenFor(ids.rural)).toEqual(expect.arrayContaining(named));
    // The family reads the same reasons on its own page.
    const mine = (await call(runtime, '/v1/me/benefits', { token: tokens.mother }))
      .json as unknown as MyBenefits;
    const girl = mine.items.find((i) => i.policyId === 'outstanding-girl-award');
    expect(girl).toMatchObject({ eligible: true, amountConfirmed: false });
    expect(girl?.reasons).toContain(`女儿已考入大学（${today} 录取），录取一年内可享受`);
    expect(girl?.reasons).toContain('发放金额待核实，工作人员将另行告知');
  });

  it('a family recorded as insured is screened for 医疗保险补助', async () => {
    expect(await screenFor(ids.insured)).toContain('medical-insurance-aid');
  });
});

describe('重大疾病综合商业保险 cover', () => {
  it('the family sees its own cover on its benefits page, the policy number masked', async () => {
    const number = validIdNumber('360102', '1968-03-15', 'F', 612);
    expect((await bindIdentity(runtime, tokens.other as string, '王秀英', number)).status).toBe(200);
    const mine = (await call(runtime, '/v1/me/benefits', { token: tokens.other }))
      .json as unknown as MyBenefits;
    expect(mine.criticalIllnessCover).toEqual({
      insurer: '中国人寿南昌分公司',
      policyNumberMasked: 'PZ********0612',
      from: '2020-01-01',
      to: '2099-12-31',
      current: true,
    });
    expect(JSON.stringify(mine)).not.toContain('PZJG2099000612');
    // Another family (no cover recorded) sees none.
    const theirs = (await call(runtime, '/v1/me/benefits', { token: tokens.mother }))
      .json as unknown as MyBenefits;
    expect(theirs.criticalIllnessCover).toBeUndefined();
  });

  it('staff see who in their district is not covered, with the count; other districts are refused', async () => {
    const answer = await call(runtime, '/v1/staff/special-families/coverage?district=360102', {
      token: tokens.staff,
    });
    expect(answer.status).toBe(200);
    const coverage = answer.json as unknown as CoverageResponse;
    const uncovered = coverage.lacking.criticalIllnessCover.map((f) => f.id);
    expect(uncovered).toContain(ids.rural);
    expect(uncovered).not.toContain(ids.insured);
    expect(coverage.families - coverage.withCriticalIllnessCover).toBe(uncovered.length);
    expect(
      uncovered.every(
        (id) => coverage.lacking.criticalIllnessCover.find((f) => f.id === id)?.district === '360102',
      ),
    ).toBe(true);
    const detail = await call(runtime, `/v1/staff/special-families/${ids.insured}`, { token: tokens.staff });
    expect((detail.json as { criticalIllnessCover: unknown }).criticalIllnessCover).toMatchObject({
      policyNumberMasked: 'PZ********0612',
      current: true,
    });
    const foreign = await call(runtime, '/v1/staff/special-families/coverage?district=360102', {
      token: tokens.staff103,
    });
    expect(foreign.status).toBe(403);
    const foreignDetail = await call(runtime, `/v1/staff/special-families/${ids.insured}`, {
      token: tokens.staff103,
    });
    expect(foreignDetail.status).toBe(404);
  });
});

describe('GET /v1/policies', () => {
  it('lists every policy to anyone, with who it is for, amounts, dates, confirmation and source; cacheable', async () => {
    const answer = await call(runtime, '/v1/policies');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=300');
    const list = answer.json as unknown as PolicyList;
    expect(new Set(list.items.map((p) => p.id))).toEqual(new Set(seedPolicies.map((p) => p.id)));
    const girl = list.items.find((p) => p.id === 'outstanding-girl-award');
    expect(girl).toMatchObject({
      name: '计划生育家庭优秀女孩成才奖',
      kind: 'one_time',
      amountYuan: null,
      amountConfirmed: false,
      effectiveFrom: '2021-01-01',
      effectiveTo: null,
      inForce: true,
    });
    expect(girl?.audience).toContain('考入大学');
    expect(list.items.find((p) => p.id === 'childcare-subsidy')).toMatchObject({
      amountYuan: 3600,
      amountConfirmed: true,
    });
    for (const p of list.items) expect(p.sourceNote.length).toBeGreaterThan(10);
    expect(JSON.stringify(list)).not.toContain('condition');
  });
});
