import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { privacyPolicyVersion } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';

/** The Idempotency-Key middleware, exercised through the privacy-consent route that uses it. */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
let token: string;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  token = (await signIn(runtime, 'consenting-parent')).token;
});
afterAll(async () => {
  client?.destroy();
  await close?.();
});

/**
 * Agreements to earlier versions of the guideline, as the store keeps them: the API records only
 * the version in force, so a user's history of several versions is written here directly.
 */
async function agreedEarlier(userId: string, versions: string[]) {
  const { createConsentEntity } = await import('@hongjia/functions/consents/consents');
  const consents = createConsentEntity(client, process.env.TABLE_NAME as string);
  for (const version of versions) {
    await consents
      .create({
        userId,
        kind: 'privacy_policy',
        version,
        consentId: `cns_${version}`,
        acceptedAt: `${version}T08:00:00.000Z`,
      })
      .go();
  }
}

const consent = (body: unknown, key?: string, as = token) =>
  call(runtime, '/v1/me/consents', {
    token: as,
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

describe('Idempotency-Key', () => {
  it('is required on routes that create something', async () => {
    const error = expectEnvelope(
      await consent({ kind: 'privacy_policy', version: '2026-11-01' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details[0]?.path).toBe('headers.idempotency-key');
  });

  it('returns the first response for the same key and body', async () => {
    const first = await consent({ kind: 'privacy_policy', version: '2026-11-01' }, 'key-same-body-1');
    const replay = await consent({ kind: 'privacy_policy', version: '2026-11-01' }, 'key-same-body-1');
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.json).toEqual(first.json);
  });

  it('refuses the same key with another body with 422', async () => {
    await consent({ kind: 'privacy_policy', version: '2026-11-02' }, 'key-other-body-1');
    expectEnvelope(
      await consent({ kind: 'privacy_policy', version: '2026-11-03' }, 'key-other-body-1'),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
  });

  it('keeps keys of different users apart', async () => {
    const other = (await signIn(runtime, 'other-parent')).token;
    const mine = await consent({ kind: 'privacy_policy', version: '2026-11-04' }, 'shared-key-0001');
    const theirs = await consent({ kind: 'privacy_policy', version: '2026-11-05' }, 'shared-key-0001', other);
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect((theirs.json as { id: string }).id).not.toBe((mine.json as { id: string }).id);
    // The version a client names is ignored: each agreed to the one in force.
    expect((theirs.json as { version: string }).version).toBe(privacyPolicyVersion);
  });

  it('records a consent once when the same request is retried concurrently', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        consent({ kind: 'privacy_policy', version: '2026-12-01' }, 'key-concurrent-1'),
      ),
    );
    const ok = answers.filter((a) => a.status === 201);
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((a) => (a.json as { id: string }).id)).size).toBe(1);
    for (const answer of answers.filter((a) => a.status !== 201)) expectEnvelope(answer, 409, 'CONFLICT');
  });

  it('does not store failed attempts: a corrected retry with the same key succeeds', async () => {
    const bad = await consent({ kind: 'terms_of_service' }, 'key-after-fix-1');
    expectEnvelope(bad, 400, 'VALIDATION_FAILED');
    const fixed = await consent({ kind: 'privacy_policy' }, 'key-after-fix-1');
    expect(fixed.status).toBe(201);
  });
});

describe('consents and lists', () => {
  it('lists only the caller’s consents, paged by an opaque cursor', async () => {
    const { token: parent, user } = await signIn(runtime, 'paging-parent');
    await agreedEarlier(user.id, ['2026-10-01', '2026-10-02']);
    const first = await call(runtime, '/v1/me/consents?limit=2', { token: parent });
    expect(first.status).toBe(200);
    const page1 = first.json as { items: { version: string }[]; nextCursor: string };
    expect(page1.items).toHaveLength(2);
    const second = await call(
      runtime,
      `/v1/me/consents?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`,
      {
        token: parent,
      },
    );
    const page2 = second.json as { items: { version: string }[] };
    expect([...page1.items, ...page2.items].map((c) => c.version)).toEqual([
      '2026-10-01',
      '2026-10-02',
      privacyPolicyVersion,
    ]);
  });

  it('answers a tampered cursor with 400', async () => {
    const { token: parent, user } = await signIn(runtime, 'tampering-parent');
    await agreedEarlier(user.id, ['2026-09-01']);
    const first = await call(runtime, '/v1/me/consents?limit=1', { token: parent });
    const cursor = (first.json as { nextCursor: string }).nextCursor;
    const [payload, mac] = cursor.split('.');
    // Point the cursor at another user's partition, keeping the signature: the attack the MAC stops.
    const storeCursor = JSON.parse(Buffer.from(payload as string, 'base64url').toString()) as string;
    const lastKey = Buffer.from(storeCursor, 'base64').toString();
    const otherUser = (await signIn(runtime, 'paging-parent')).user.id;
    const forgedKey = lastKey.replace(/u_[0-9a-f]{24}/, otherUser);
    expect(forgedKey).not.toBe(lastKey);
    const edited = Buffer.from(JSON.stringify(Buffer.from(forgedKey).toString('base64'))).toString(
      'base64url',
    );
    const error = expectEnvelope(
      await call(runtime, `/v1/me/consents?cursor=${encodeURIComponent(`${edited}.${mac}`)}`, {
        token: parent,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details[0]?.path).toBe('query.cursor');
  });

  it('answers limit above 50 with 400 naming query.limit', async () => {
    const error = expectEnvelope(
      await call(runtime, '/v1/me/consents?limit=51', { token }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details[0]?.path).toBe('query.limit');
  });
});
