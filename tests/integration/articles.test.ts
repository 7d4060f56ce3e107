import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAuditEntity } from '@hongjia/functions/commons/audit';
import type { AuditTableName } from '@hongjia/functions/commons/dynamo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';

/**
 * 科学育儿 through the guidance group (decision 0036): anyone lists and reads; only city-wide
 * staff publish and retire (district staff 403, families 403, anonymous 401); a retired article
 * leaves the list and its page, audited, idempotent; publishing brings it back.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let city: string;
let district: string;
let family: string;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  city = (await signIn(runtime, 'staff-city')).token;
  district = (await signIn(runtime, 'staff-360102')).token;
  family = (await signIn(runtime, 'family-3')).token;
});
afterAll(async () => close?.());

const ids = (answer: Awaited<ReturnType<typeof call>>) =>
  ((answer.json?.items ?? []) as { id: string }[]).map((item) => item.id);

/** The article's audit trail, oldest first (read from the Audit table in this test only). */
async function auditActions(id: string): Promise<string[]> {
  const client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  try {
    const audit = createAuditEntity(client, process.env.AUDIT_TABLE_NAME as AuditTableName);
    const { data } = await audit.query
      .bySubject({ subjectType: 'article', subjectId: id })
      .go({ pages: 'all' });
    return data.map((entry) => entry.action);
  } finally {
    client.destroy();
  }
}

const setState = (token: string, id: string, state: string, key: string) =>
  call(runtime, `/v1/staff/articles/${id}/state`, {
    token,
    body: { state, reason: '来源更新，待修订' },
    headers: { 'idempotency-key': key },
  });

describe('科学育儿 articles', () => {
  it('lists by age in months and topic, and searches, for anyone', async () => {
    const five = ids(await call(runtime, '/v1/articles?ageMonths=5'));
    expect(five).toContain('breastfeeding-0-6');
    expect(five).not.toContain('complementary-food-6-12');
    const six = ids(await call(runtime, '/v1/articles?ageMonths=6&topic=feeding'));
    expect(six).toContain('complementary-food-6-12');
    expect(six).not.toContain('breastfeeding-0-6');
    expect(ids(await call(runtime, `/v1/articles?q=${encodeURIComponent('疫苗')}`))[0]).toMatch(
      /immunisation|vaccin|nip/,
    );
    expectEnvelope(await call(runtime, '/v1/articles?ageMonths=36'), 400, 'VALIDATION_FAILED');
    const article = await call(runtime, '/v1/articles/immunisation-schedule');
    expect(article.status).toBe(200);
    expect(article.json).toMatchObject({
      topic: 'immunisation',
      source: expect.stringContaining('国家卫生健康委'),
    });
  });

  it('lets only city-wide staff publish and retire', async () => {
    expectEnvelope(await setState(district, 'sleep-0-12', 'retired', 'art-district'), 403, 'FORBIDDEN');
    expectEnvelope(await setState(family, 'sleep-0-12', 'retired', 'art-family'), 403, 'FORBIDDEN');
    expectEnvelope(
      await call(runtime, '/v1/staff/articles/sleep-0-12/state', {
        body: { state: 'retired' },
        headers: { 'idempotency-key': 'art-anon' },
      }),
      401,
      'UNAUTHENTICATED',
    );
    expectEnvelope(await call(runtime, '/v1/staff/articles', { token: district }), 403, 'FORBIDDEN');
    expectEnvelope(await setState(city, 'no-such-article', 'retired', 'art-none'), 404, 'NOT_FOUND');
    expect(ids(await call(runtime, '/v1/articles?ageMonths=3'))).toContain('sleep-0-12');
  });

  it('takes a retired article out of the list and its page, once per key, and back when published', async () => {
    const retired = await setState(city, 'sleep-0-12', 'retired', 'art-retire-1');
    expect(retired.status, retired.text).toBe(200);
    expect(retired.json).toMatchObject({ id: 'sleep-0-12', state: 'retired' });
    const replay = await setState(city, 'sleep-0-12', 'retired', 'art-retire-1');
    expect(replay.json).toEqual(retired.json);
    expect(await auditActions('sleep-0-12')).toEqual(['retire_article']);

    expect(ids(await call(runtime, '/v1/articles?ageMonths=3'))).not.toContain('sleep-0-12');
    expectEnvelope(await call(runtime, '/v1/articles/sleep-0-12'), 404, 'NOT_FOUND');
    const staffList = await call(runtime, '/v1/staff/articles', { token: city });
    expect(
      ((staffList.json?.items ?? []) as { id: string; state: string }[]).find((a) => a.id === 'sleep-0-12'),
    ).toMatchObject({
      state: 'retired',
    });

    const published = await setState(city, 'sleep-0-12', 'published', 'art-publish-1');
    expect(published.json).toMatchObject({ state: 'published' });
    expect(ids(await call(runtime, '/v1/articles?ageMonths=3'))).toContain('sleep-0-12');
    expect((await call(runtime, '/v1/articles/sleep-0-12')).status).toBe(200);
    expect(await auditActions('sleep-0-12')).toEqual(['retire_article', 'publish_article']);
  });
});
