import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccessTableName } from '@hongjia/functions/commons/dynamo';
import { addDays, creditCodeCheckCharacter, todayInChina } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import {
  approve,
  creditCode,
  fileInstitution,
  filingBody,
  futureDate,
  key,
} from './childcare-filing-fixtures';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';

/**
 * Childcare supervision (issue 15, decision 0034): a 普惠 approval changes search and 普惠率,
 * the fee cap holds on later fee changes and slots, inspections are seen by each side as far
 * as it may, overdue rectifications per district, 示范机构 badge and filter, 登记备案率.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let provider: string;
let otherProvider: string;
let east: string;
let west: string;
let city: string;

/** A quiet corner of 进贤县 (no seeded institution within 300 m), a different spot per test. */
let spot = 0;
const quietPoint = () => ({ lat: 28.3717 + ++spot * 0.01, lng: 116.5123 });

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  provider = (await signIn(runtime, 'provider-1')).token;
  otherProvider = (await signIn(runtime, 'provider-2')).token;
  east = (await signIn(runtime, 'staff-360102')).token;
  west = (await signIn(runtime, 'staff-360103')).token;
  city = (await signIn(runtime, 'staff-city')).token;
});
afterAll(async () => close?.());

const post = (path: string, token: string, body: unknown = {}) =>
  call(runtime, path, { token, body, headers: { 'idempotency-key': key('prog') } });
const get = (path: string, token?: string) => call(runtime, path, token ? { token } : {});

/** A published institution of provider-1 (staff of its district approve the filing). */
async function published(overrides: Record<string, unknown> = {}) {
  const body = filingBody({ affordable: false, monthlyFeeYuan: 1800, ...overrides });
  const id = await fileInstitution(runtime, provider, body);
  await approve(runtime, body.district === '360102' ? east : city, id);
  return { id, body };
}

type Figures = {
  district: string;
  places: number;
  affordablePlaces: number;
  affordableShare: number;
  knownOperators: number;
  filedOperators: number;
  filingRate: number;
};
const figuresOf = async (district: string) => {
  const answer = await get(`/v1/staff/childcare/stats`, city);
  expect(answer.status, answer.text).toBe(200);
  return (answer.json as { items: Figures[] }).items.find((item) => item.district === district) as Figures;
};

/** The caller's notifications of one kind, newest first (decision 0040). */
const notices = async (token: string, kind: string) => {
  const answer = await get('/v1/me/notifications?limit=50', token);
  expect(answer.status, answer.text).toBe(200);
  return (answer.json as { items: { kind: string; title: string; body: string }[] }).items.filter(
    (n) => n.kind === kind,
  );
};

const nearbyIds = async (point: { lat: number; lng: number }, extra = '') => {
  const answer = await get(`/v1/childcare/nearby?lat=${point.lat}&lng=${point.lng}&radiusM=300${extra}`);
  expect(answer.status, answer.text).toBe(200);
  return (answer.json as { items: { institution: { id: string; model?: unknown } }[] }).items.map(
    (item) => item.institution.id,
  );
};

const application = { feeCapYuan: 1500, places: [{ ageClass: 'toddler', places: 10 }], attachmentIds: [] };

describe('普惠托育 applications', () => {
  it('an approval makes the places affordable in search and moves the district’s 普惠率', async () => {
    const point = quietPoint();
    const { id } = await published({
      district: '360124',
      ...point,
      monthlyFeeYuan: 1400,
      creditCode: creditCode('360124'),
    });
    const before = await figuresOf('360124');
    expect(await nearbyIds(point, '&affordableOnly=true')).not.toContain(id);

    const applied = await post(
      `/v1/provider/institutions/${id}/affordable-applications`,
      provider,
      application,
    );
    expect(applied.status, applied.text).toBe(201);
    const applicationId = (applied.json as { id: string }).id;
    // A second application while one is open: 409.
    const again = await post(
      `/v1/provider/institutions/${id}/affordable-applications`,
      provider,
      application,
    );
    expectEnvelope(again, 409, 'CONFLICT');
    // Staff of another district do not see it; the institution's district (here: the city) decides.
    expectEnvelope(
      await post(`/v1/staff/childcare/affordable-applications/${applicationId}/decision`, west, {
        decision: 'approve',
      }),
      404,
      'NOT_FOUND',
    );
    const listed = await get('/v1/staff/childcare/affordable-applications?district=360124', city);
    expect((listed.json as { items: { id: string }[] }).items.map((item) => item.id)).toContain(
      applicationId,
    );

    const decided = await post(
      `/v1/staff/childcare/affordable-applications/${applicationId}/decision`,
      city,
      {
        decision: 'approve',
      },
    );
    expect(decided.status, decided.text).toBe(200);
    expect(decided.json).toMatchObject({ status: 'approved' });
    // The provider hears of the decision (decision 0040), once.
    expect(
      (await notices(provider, 'affordable_decided')).filter((n) => n.body.includes('普惠限价每月 1500 元')),
    ).toEqual([expect.objectContaining({ title: '普惠申报已通过' })]);
    // One approval: a second decision, with another key, is 409.
    const twice = await post(`/v1/staff/childcare/affordable-applications/${applicationId}/decision`, city, {
      decision: 'reject',
      reason: '重复',
    });
    expectEnvelope(twice, 409, 'CONFLICT');

    expect(await nearbyIds(point, '&affordableOnly=true')).toContain(id);
    const detail = (await get(`/v1/childcare/institutions/${id}`)).json as Record<string, unknown>;
    expect(detail).toMatchObject({ affordable: true, affordablePlaces: 10, affordableFeeCapYuan: 1500 });
    const after = await figuresOf('360124');
    expect(after.affordablePlaces - before.affordablePlaces).toBe(10);
    expect(after.places).toBe(before.places);
    expect(after.affordableShare).toBeCloseTo(
      Math.round((after.affordablePlaces / after.places) * 10_000) / 10_000,
    );
    expect(after.affordableShare).toBeGreaterThan(before.affordableShare);
  });

  it('holds the fee cap on later fee changes and slots, with a Chinese 400', async () => {
    const { id } = await published({ monthlyFeeYuan: 1600 });
    // The cap must cover today's fee.
    const tooLow = await post(
      `/v1/provider/institutions/${id}/affordable-applications`,
      provider,
      application,
    );
    expectEnvelope(tooLow, 400, 'VALIDATION_FAILED');
    expect(
      await post(`/v1/provider/institutions/${id}/fee`, provider, { monthlyFeeYuan: 1450 }),
    ).toMatchObject({
      status: 200,
    });
    const applied = await post(
      `/v1/provider/institutions/${id}/affordable-applications`,
      provider,
      application,
    );
    expect(applied.status, applied.text).toBe(201);
    const applicationId = (applied.json as { id: string }).id;
    await post(`/v1/staff/childcare/affordable-applications/${applicationId}/decision`, east, {
      decision: 'approve',
    });

    const over = await post(`/v1/provider/institutions/${id}/fee`, provider, { monthlyFeeYuan: 1501 });
    expectEnvelope(over, 400, 'VALIDATION_FAILED');
    expect(over.text).toContain('普惠限价 1500 元');
    expect(
      (await post(`/v1/provider/institutions/${id}/fee`, provider, { monthlyFeeYuan: 1500 })).status,
    ).toBe(200);
    const slot = { ageClass: 'toddler', date: futureDate(), session: 'full_day', capacity: 5 };
    const overSlot = await post(`/v1/provider/institutions/${id}/slots`, provider, {
      ...slot,
      monthlyFeeYuan: 2000,
    });
    expectEnvelope(overSlot, 400, 'VALIDATION_FAILED');
    const okSlot = await post(`/v1/provider/institutions/${id}/slots`, provider, {
      ...slot,
      monthlyFeeYuan: 1500,
    });
    expect(okSlot.status, okSlot.text).toBe(201);
    // Another provider's institution: 404, as if it did not exist.
    expectEnvelope(
      await post(`/v1/provider/institutions/${id}/fee`, otherProvider, { monthlyFeeYuan: 1 }),
      404,
      'NOT_FOUND',
    );
  });

  it('a provider who is also staff cannot review its own application', async () => {
    const client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
    const { createUserEntity, userIdForOpenid } = await import('@hongjia/functions/commons/users');
    const users = createUserEntity(client, process.env.ACCESS_TABLE_NAME as AccessTableName);
    const openid = 'programme-provider-staff';
    await users
      .create({
        userId: userIdForOpenid(openid),
        openid,
        roles: ['provider', 'staff'],
        district: '360102',
        createdAt: new Date().toISOString(),
      })
      .go();
    const both = (await signIn(runtime, openid)).token;
    const body = filingBody({ affordable: false, monthlyFeeYuan: 1000 });
    const id = await fileInstitution(runtime, both, body);
    await approve(runtime, east, id);
    const applied = await post(`/v1/provider/institutions/${id}/affordable-applications`, both, application);
    const applicationId = (applied.json as { id: string }).id;
    const own = await post(`/v1/staff/childcare/affordable-applications/${applicationId}/decision`, both, {
      decision: 'approve',
    });
    expectEnvelope(own, 403, 'OWN_CASE');
  });
});

describe('safety inspections', () => {
  const today = todayInChina();

  it('the public sees the last date and result only; the provider its own findings; staff their jurisdiction', async () => {
    const { id } = await published();
    const findings = '消防通道堆放杂物';
    const recorded = await post(`/v1/staff/childcare/institutions/${id}/inspections`, east, {
      date: addDays(today, -2),
      inspector: '王检查',
      result: 'rectify',
      findings,
      rectifyBy: addDays(today, 10),
    });
    expect(recorded.status, recorded.text).toBe(201);
    const inspectionId = (recorded.json as { id: string }).id;
    // An older inspection recorded later leaves the public line alone.
    await post(`/v1/staff/childcare/institutions/${id}/inspections`, east, {
      date: addDays(today, -30),
      inspector: '王检查',
      result: 'pass',
    });

    const publicDetail = await get(`/v1/childcare/institutions/${id}`);
    expect((publicDetail.json as { lastInspection: unknown }).lastInspection).toEqual({
      date: addDays(today, -2),
      result: 'rectify',
    });
    expect(publicDetail.text).not.toContain(findings);

    const own = await get(`/v1/provider/institutions/${id}/inspections`, provider);
    expect(own.status).toBe(200);
    expect((own.json as { items: { findings: string }[] }).items.map((item) => item.findings)).toContain(
      findings,
    );
    expectEnvelope(await get(`/v1/provider/institutions/${id}/inspections`, otherProvider), 404, 'NOT_FOUND');
    expectEnvelope(await get(`/v1/staff/childcare/institutions/${id}/inspections`, west), 404, 'NOT_FOUND');
    expectEnvelope(
      await post(`/v1/staff/childcare/institutions/${id}/inspections`, west, {
        date: today,
        inspector: '李检查',
        result: 'pass',
      }),
      404,
      'NOT_FOUND',
    );
    expect((await get(`/v1/staff/childcare/institutions/${id}/inspections`, city)).status).toBe(200);
    // Findings to rectify reach the provider at once (decision 0040); a pass tells nobody.
    const told = (await notices(provider, 'inspection_findings')).filter((n) =>
      n.body.includes(`${addDays(today, -2)} 的安全检查`),
    );
    expect(told, inspectionId).toHaveLength(1);
    expect(told[0]?.body).toContain(`整改期限 ${addDays(today, 10)}`);
    expect(
      (await notices(provider, 'inspection_findings')).filter((n) => n.body.includes(addDays(today, -30))),
    ).toEqual([]);
  });

  it('lists rectifications past their deadline per district until the provider reports them', async () => {
    const { id } = await published();
    const recorded = await post(`/v1/staff/childcare/institutions/${id}/inspections`, east, {
      date: addDays(today, -10),
      inspector: '王检查',
      result: 'fail',
      findings: '保育人员不足',
      rectifyBy: addDays(today, -3),
    });
    const inspectionId = (recorded.json as { id: string }).id;
    const overdue = async (token: string, query = '?district=360102&limit=50') => {
      const answer = await get(`/v1/staff/childcare/inspections/overdue${query}`, token);
      expect(answer.status, answer.text).toBe(200);
      return (answer.json as { items: { id: string; daysOverdue: number; district: string }[] }).items;
    };
    const listed = (await overdue(east)).find((item) => item.id === inspectionId);
    expect(listed?.daysOverdue).toBe(3);
    expectEnvelope(
      await get('/v1/staff/childcare/inspections/overdue?district=360102', west),
      403,
      'FORBIDDEN',
    );
    expect((await overdue(west, '')).every((item) => item.district === '360103')).toBe(true);

    expectEnvelope(
      await post(`/v1/provider/inspections/${inspectionId}/rectification`, otherProvider, {
        note: '已增配保育人员',
      }),
      404,
      'NOT_FOUND',
    );
    const reported = await post(`/v1/provider/inspections/${inspectionId}/rectification`, provider, {
      note: '已增配两名保育人员',
    });
    expect(reported.status, reported.text).toBe(200);
    expect(reported.json).toMatchObject({
      state: 'rectified',
      rectification: { note: '已增配两名保育人员' },
    });
    expect((await overdue(east)).map((item) => item.id)).not.toContain(inspectionId);
  });
});

describe('示范机构', () => {
  it('city staff designate and withdraw; search shows the badge and filters on it', async () => {
    const point = quietPoint();
    const { id } = await published({ district: '360124', ...point, creditCode: creditCode('360124') });
    const designation = { level: 'municipal', year: 2026 };
    // District staff are refused by role first, whatever the institution's district (the matrix's cell).
    expectEnvelope(
      await post(`/v1/staff/childcare/institutions/${id}/model`, west, designation),
      403,
      'FORBIDDEN',
    );
    const districtStaff = (await signIn(runtime, 'staff-360124')).token;
    expectEnvelope(
      await post(`/v1/staff/childcare/institutions/${id}/model`, districtStaff, designation),
      403,
      'FORBIDDEN',
    );
    expect((await post(`/v1/staff/childcare/institutions/${id}/model`, city, designation)).status).toBe(200);
    expect(await nearbyIds(point, '&modelOnly=true')).toEqual([id]);
    const detail = (await get(`/v1/childcare/institutions/${id}`)).json as { model?: unknown };
    expect(detail.model).toEqual({ level: 'municipal', year: 2026 });
    expect((await post(`/v1/staff/childcare/institutions/${id}/model/withdraw`, city)).status).toBe(200);
    expect(await nearbyIds(point, '&modelOnly=true')).toEqual([]);
    expect(await nearbyIds(point)).toContain(id);
  });
});

describe('登记备案率', () => {
  it('filed ÷ known per district: the list and the filings, matched by credit code', async () => {
    const { body } = await published({
      district: '360123',
      creditCode: creditCode('360123'),
      lat: 28.84,
      lng: 115.55,
    });
    const anyi = (await signIn(runtime, 'staff-360123')).token;
    const before = await figuresOf('360123');
    // A filed operator put on the list: known already (it filed), nothing moves.
    const filedOne = await post('/v1/staff/childcare/operators', anyi, {
      creditCode: body.creditCode,
      name: '已备案机构',
    });
    expect(filedOne.status, filedOne.text).toBe(201);
    expect(filedOne.json).toMatchObject({ filed: true, district: '360123' });
    const mid = await figuresOf('360123');
    expect([mid.knownOperators, mid.filedOperators]).toEqual([before.knownOperators, before.filedOperators]);

    const first17 = `52360123${String(Date.now()).slice(-9)}`;
    const unfiled = `${first17}${creditCodeCheckCharacter(first17)}`;
    const csv = `统一社会信用代码,机构名称,地址\n${unfiled},未备案的家庭托育点,安义县龙津镇\n123,坏行,\n${unfiled},重复行,\n`;
    const imported = await post('/v1/staff/childcare/operators/imports', anyi, { csv });
    expect(imported.status, imported.text).toBe(200);
    expect(imported.json).toMatchObject({ rows: 3, accepted: 1, duplicates: 1, rejected: 1 });
    expect((imported.json as { errors: { row: number }[] }).errors.map((error) => error.row)).toEqual([3]);
    const badHeader = await post('/v1/staff/childcare/operators/imports', anyi, { csv: '名称\nx\n' });
    expectEnvelope(badHeader, 400, 'VALIDATION_FAILED');

    const after = await figuresOf('360123');
    expect(after.knownOperators).toBe(before.knownOperators + 1);
    expect(after.filedOperators).toBe(before.filedOperators);
    expect(after.filingRate).toBeCloseTo(
      Math.round((after.filedOperators / after.knownOperators) * 10_000) / 10_000,
    );
    // Another district's staff neither list nor add to it.
    expectEnvelope(await get('/v1/staff/childcare/operators?district=360123', west), 403, 'FORBIDDEN');
    expectEnvelope(
      await post('/v1/staff/childcare/operators', west, {
        district: '360123',
        creditCode: unfiled,
        name: '越权',
      }),
      403,
      'FORBIDDEN',
    );
  });
});
