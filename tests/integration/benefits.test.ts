import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type MyBenefits, type ScreeningResult, todayInChina } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import {
  bindIdentity,
  createFamily,
  familyBody,
  idempotencyKey,
  validIdNumber,
} from './special-family-fixtures';

let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
const tokens: Record<string, string> = {};
const users: Record<string, string> = {};
const familyIds: Record<'aged56' | 'aged36', string> = { aged56: '', aged36: '' };

/** Today in Nanchang, and a birth date `years` years and 30 days before it. */
const today = todayInChina();
function bornYearsAgo(years: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() - 30);
  return date.toISOString().slice(0, 10);
}

function motherFamily(serial: number, motherBirthDate: string) {
  const body = familyBody(serial);
  const [mother, father] = body.members;
  return {
    body: {
      ...body,
      members: [{ ...mother, idNumber: validIdNumber('360102', motherBirthDate, 'F', serial) }, father],
    },
    motherIdNumber: validIdNumber('360102', motherBirthDate, 'F', serial),
  };
}

const post = (path: string, token: string, body: unknown) =>
  call(runtime, path, { token, body, headers: { 'idempotency-key': idempotencyKey('benefits') } });
const benefitsOf = async (who: string) => {
  const answer = await call(runtime, '/v1/me/benefits', { token: tokens[who] });
  expect(answer.status).toBe(200);
  return answer.json as unknown as MyBenefits;
};
const item = (mine: MyBenefits, policyId: string) => mine.items.find((i) => i.policyId === policyId);
/** A screening page: a read, so no Idempotency-Key. */
const screenPage = (body: { district: string; cursor?: string; limit?: number }, who = 'staff') =>
  call(runtime, '/v1/staff/benefit-screenings', { token: tokens[who], body });
/** The whole district in one page (it holds far fewer than the default 200 families). */
const screen = async (district = '360102', who = 'staff') => {
  const answer = await screenPage({ district }, who);
  expect(answer.status).toBe(200);
  const result = answer.json as unknown as ScreeningResult;
  expect(result.nextCursor).toBeNull();
  return result;
};
const pairs = (result: ScreeningResult) => result.items.map((i) => `${i.familyId}:${i.policyId}`);
const mine = (result: ScreeningResult) =>
  result.items
    .filter((i) => Object.values(familyIds).includes(i.familyId))
    .map((i) => `${i.familyId === familyIds.aged56 ? 'aged56' : 'aged36'}:${i.policyId}`)
    .sort();

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  for (const [who, openid] of Object.entries({
    staff: 'staff-360102',
    staff103: 'staff-360103',
    city: 'staff-city',
    admin: 'admin',
    mother56: 'benefits-mother-56',
    mother36: 'benefits-mother-36',
    loner: 'benefits-loner',
    stranger: 'benefits-stranger',
  })) {
    const session = await signIn(runtime, openid);
    tokens[who] = session.token;
    users[who] = session.user.id;
  }
  for (const [key, serial, years] of [
    ['aged56', 501, 56],
    ['aged36', 502, 36],
  ] as const) {
    const { body, motherIdNumber } = motherFamily(serial, bornYearsAgo(years));
    const created = await createFamily(runtime, tokens.staff as string, body);
    expect(created.status).toBe(201);
    familyIds[key] = (created.json as { id: string }).id;
    const who = key === 'aged56' ? 'mother56' : 'mother36';
    expect((await bindIdentity(runtime, tokens[who] as string, '王秀英', motherIdNumber)).status).toBe(200);
  }
  const lonerId = validIdNumber('360102', '1993-05-05', 'F', 503);
  expect((await bindIdentity(runtime, tokens.loner as string, '张小红', lonerId)).status).toBe(200);
});
afterAll(async () => {
  client?.destroy();
  await close?.();
});

describe('我的待遇', () => {
  it('a bereaved mother aged 56 sees 特别扶助 eligible with the reason', async () => {
    const benefits = await benefitsOf('mother56');
    expect(benefits).toMatchObject({ onDate: today, basis: 'special_family' });
    const special = item(benefits, 'special-assistance-bereaved');
    expect(special?.eligible).toBe(true);
    expect(special?.reasons).toContain('家庭类别：失独家庭（独生子女死亡）');
    expect(special?.reasons.some((r) => r.startsWith('母亲已满49周岁'))).toBe(true);
    expect(special?.amountYuanPerYear).toBe(720 * 12);
  });

  it('a bereaved mother aged 36 sees why not yet: the wait is named', async () => {
    const special = item(await benefitsOf('mother36'), 'special-assistance-bereaved');
    expect(special?.eligible).toBe(false);
    expect(special?.reasons.join('')).toMatch(
      /母亲年满49周岁后可享受（还差 12 年( 1[01] 个月)?，\d{4}-\d{2}-\d{2} 满49周岁）/,
    );
  });

  it('special-family members never see 育儿补贴; others do', async () => {
    for (const who of ['mother56', 'mother36']) {
      const benefits = await benefitsOf(who);
      expect(item(benefits, 'childcare-subsidy')).toBeUndefined();
      expect(JSON.stringify(benefits)).not.toMatch(/育儿|托育/);
    }
    const loner = await benefitsOf('loner');
    expect(loner.basis).toBe('identity');
    expect(item(loner, 'childcare-subsidy')?.reasons[0]).toBe('未登记子女出生日期，无法判断');
    const stranger = await benefitsOf('stranger');
    expect(stranger.basis).toBe('none');
    expect(stranger.items.every((i) => !i.eligible && i.reasons[0]?.includes('实名认证'))).toBe(true);
  });
});

describe('免申即享 screening and bulk enrolment', () => {
  it('district staff cannot screen or enrol another district', async () => {
    expectEnvelope(await screenPage({ district: '360102' }, 'staff103'), 403, 'FORBIDDEN');
    const enrol = await post('/v1/staff/benefit-enrolments', tokens.staff103 as string, {
      district: '360102',
      items: [{ familyId: familyIds.aged56, policyId: 'one-time-consolation' }],
    });
    expectEnvelope(enrol, 403, 'FORBIDDEN');
    expectEnvelope(await screenPage({ district: '360102' }, 'mother56'), 403, 'FORBIDDEN');
  });

  it('pages a district: two families a page list the same pairs as one page, none twice, under one run id', async () => {
    const whole = await screen();
    expect(whole.familiesScreened).toBeGreaterThan(4);
    // The seed enrolled some of 东湖区's families: each page must find its own families' enrolments.
    expect(whole.alreadyEnrolled).toBeGreaterThan(0);
    const pages: ScreeningResult[] = [];
    let cursor: string | undefined;
    do {
      const answer = await screenPage({ district: '360102', limit: 2, ...(cursor ? { cursor } : {}) });
      expect(answer.status).toBe(200);
      const page = answer.json as unknown as ScreeningResult;
      expect(page.familiesScreened).toBeLessThanOrEqual(2);
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages.length < 50);
    expect(cursor).toBeUndefined();
    expect(new Set(pages.map((p) => p.id)).size).toBe(1);
    const paged = pages.flatMap(pairs);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toEqual(pairs(whole));
    expect(pages.reduce((n, p) => n + p.familiesScreened, 0)).toBe(whole.familiesScreened);
    expect(pages.reduce((n, p) => n + p.alreadyEnrolled, 0)).toBe(whole.alreadyEnrolled);
  });

  it("refuses a forged cursor, another district's cursor and a page over 500 families", async () => {
    const first = (await screenPage({ district: '360102', limit: 1 })).json as unknown as ScreeningResult;
    const cursor = first.nextCursor as string;
    const [payload, signature] = cursor.split('.') as [string, string];
    const position = Buffer.from(payload, 'base64url').toString('utf8');
    expect(position).toContain('"d":"360102"');
    // The same position moved to 西湖区 under the old signature: refused, never someone else's page.
    const moved = Buffer.from(position.replace('"d":"360102"', '"d":"360103"')).toString('base64url');
    const forged = await screenPage({ district: '360103', cursor: `${moved}.${signature}` }, 'city');
    expectEnvelope(forged, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(forged.json)).toContain('body.cursor');
    expectEnvelope(await screenPage({ district: '360103', cursor }, 'city'), 400, 'VALIDATION_FAILED');
    expectEnvelope(await screenPage({ district: '360102', limit: 501 }), 400, 'VALIDATION_FAILED');
  });

  it('finds eligible families that never applied, masked, with reasons; enrols and notifies; re-running adds nothing twice', async () => {
    const first = await screen();
    expect(mine(first)).toEqual([
      'aged36:free-health-check',
      'aged36:one-time-consolation',
      'aged56:free-health-check',
      'aged56:one-time-consolation',
      'aged56:special-assistance-bereaved',
    ]);
    const listed = first.items.filter((i) => Object.values(familyIds).includes(i.familyId));
    for (const entry of listed) {
      expect(entry.familyLabel).toMatch(/^失独家庭 王\*+、李\*+$/);
      expect(entry.reasons.length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(first)).not.toMatch(/王秀英|李建国|childcare-subsidy/);
    expect(mine(await screen())).toEqual(mine(first));

    const items = listed.map(({ familyId, policyId }) => ({ familyId, policyId }));
    const enrol = await post('/v1/staff/benefit-enrolments', tokens.staff as string, {
      district: '360102',
      items,
    });
    expect(enrol.status).toBe(200);
    expect(enrol.json).toEqual({ enrolled: 5, alreadyEnrolled: 0, refused: [], notified: 5 });

    const again = await post('/v1/staff/benefit-enrolments', tokens.staff as string, {
      district: '360102',
      items,
    });
    expect(again.json).toEqual({ enrolled: 0, alreadyEnrolled: 5, refused: [], notified: 0 });
    const rerun = await screen();
    expect(mine(rerun)).toEqual([]);
    expect(rerun.alreadyEnrolled).toBeGreaterThanOrEqual(5);

    const notices = await call(runtime, '/v1/me/notifications', { token: tokens.mother56 });
    const enrolled = (
      notices.json as { items: { kind: string; title: string; body: string; link?: string }[] }
    ).items.filter((n) => n.kind === 'benefit_enrolled');
    expect(enrolled).toHaveLength(3);
    for (const notice of enrolled) {
      expect(notice.link).toBe('/packages/family/pages/special-assistance/benefits');
      expect(`${notice.title}${notice.body}`).not.toMatch(/[!！]/);
    }
    const benefits = await benefitsOf('mother56');
    expect(item(benefits, 'special-assistance-bereaved')).toMatchObject({ enrolled: true });
  });

  it('refuses, with the reason, a pair not eligible today', async () => {
    const answer = await post('/v1/staff/benefit-enrolments', tokens.staff as string, {
      district: '360102',
      items: [{ familyId: familyIds.aged36, policyId: 'special-assistance-bereaved' }],
    });
    const result = answer.json as { enrolled: number; refused: { reason: string }[] };
    expect(result.enrolled).toBe(0);
    expect(result.refused[0]?.reason).toMatch(/^目前不符合条件：.*还差 12 年/);
  });

  it('the family sees the screening and the enrolment in who viewed its record', async () => {
    const views = await call(runtime, '/v1/me/special-family/views', { token: tokens.mother56 });
    const actions = (views.json as { items: { action: string; viewer: string }[] }).items;
    expect(actions.filter((a) => a.action === 'screening').length).toBeGreaterThanOrEqual(1);
    expect(actions.some((a) => a.action === 'enrol' && a.viewer.includes('东湖区'))).toBe(true);
  });
});

describe('policy corrections', () => {
  const correction = {
    effectiveFrom: today,
    amountYuan: 800,
    amountConfirmed: true,
    sourceNote: '赣卫人口发〔2026〕8 号',
  };
  const versionsPath = '/v1/admin/policies/special-assistance-bereaved/versions';

  it('only admins, only known policies', async () => {
    expectEnvelope(await post(versionsPath, tokens.staff as string, correction), 403, 'FORBIDDEN');
    expectEnvelope(
      await post('/v1/admin/policies/no-such-policy/versions', tokens.admin as string, correction),
      404,
      'NOT_FOUND',
    );
  });

  it('a version from today shows the new amount today and the old one before; versions only move forward', async () => {
    const added = await post(versionsPath, tokens.admin as string, correction);
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({
      id: 'special-assistance-bereaved',
      amountYuan: 800,
      effectiveFrom: today,
    });
    expect(item(await benefitsOf('mother56'), 'special-assistance-bereaved')?.amountYuanPerYear).toBe(
      800 * 12,
    );

    const policies = await call(runtime, '/v1/policies', { token: tokens.mother56 });
    const versions = (policies.json as { items: { id: string; effectiveFrom: string }[] }).items.filter(
      (p) => p.id === 'special-assistance-bereaved',
    );
    expect(versions.map((v) => v.effectiveFrom)).toEqual(['2007-01-01', today]);

    const { createBenefitsServices } = await import('@hongjia/functions/benefits/services');
    const { createRoot } = await import('@hongjia/functions/root');
    const service = createBenefitsServices(
      createRoot({ client, table: process.env.TABLE_NAME as string, notifier: { notify: async () => {} } }),
    );
    const yesterday = new Date(Date.now() - 86_400_000);
    const before = await service.myBenefits({ id: users.mother56 as string, roles: ['family'] }, yesterday);
    expect(item(before, 'special-assistance-bereaved')?.amountYuanPerYear).toBe(720 * 12);

    expectEnvelope(await post(versionsPath, tokens.admin as string, correction), 409, 'CONFLICT');
  });
});
