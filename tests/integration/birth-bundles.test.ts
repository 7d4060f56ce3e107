import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type AgencySubmissionEntity,
  createAgencySubmissionEntity,
  createLocalAgencies,
} from '@hongjia/functions/birth-bundles/agencies/local';
import {
  createBundleEntity,
  createOutboxEntity,
  type OutboxEntity,
} from '@hongjia/functions/birth-bundles/entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';

let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
let outbox: OutboxEntity;
let submissions: AgencySubmissionEntity;
let family: { token: string };
let serial = 0;
/** Imported after the runtime set the environment: the functions' logger reads its level on import. */
let drainBundleOutbox: typeof import('@hongjia/functions/workers/bundle-outbox').drainBundleOutbox;

const kinds = ['household_registration', 'medical_insurance', 'social_security_card', 'vaccination_record'];
interface View {
  id: string;
  childNameMasked: string;
  items: { kind: string; status: string; attempts: number; agencyReference?: string; lastError?: string }[];
}

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  ({ drainBundleOutbox } = await import('@hongjia/functions/workers/bundle-outbox'));
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  const table = process.env.TABLE_NAME as string;
  outbox = createOutboxEntity(client, table);
  submissions = createAgencySubmissionEntity(client, table);
  family = await signIn(runtime, 'bundle-family-1');
});
afterAll(async () => {
  client?.destroy();
  await close?.();
});

function request(certificateNo = `R${String(360_000_000 + ++serial)}`) {
  return {
    medicalCertificateNo: certificateNo,
    child: {
      name: '王小明',
      sex: 'M',
      birthDate: '2026-02-01',
      birthWeightG: 3300,
      hospital: '江西省妇幼保健院',
    },
    householdDistrict: '360102',
  };
}

async function submit(
  body: unknown,
  token = family.token,
  key = `bundle-${Math.random().toString(36).slice(2)}`,
) {
  return call(runtime, '/v1/birth-bundles', { token, body, headers: { 'idempotency-key': key } });
}

const view = async (id: string) =>
  (await call(runtime, `/v1/birth-bundles/${id}`, { token: family.token })).json as unknown as View;
const statusOf = (v: View, kind: string) => v.items.find((item) => item.kind === kind);

function worker(options: Parameters<typeof createLocalAgencies>[1] = {}) {
  const table = process.env.TABLE_NAME as string;
  const deps = {
    bundles: createBundleEntity(client, table),
    outbox,
    agencies: createLocalAgencies(submissions, options),
    random: () => 0.5,
  };
  return (now: Date) => drainBundleOutbox(deps, now);
}

async function submissionsOf(bundleId: string) {
  const found = await Promise.all(
    kinds.map(async (kind) => (await submissions.get({ idempotencyKey: `${bundleId}:${kind}` }).go()).data),
  );
  return found.filter((item) => item !== null);
}

describe('出生一件事', () => {
  it('answers with every item queued, written before the answer; only the family sees it', async () => {
    const answer = await submit(request());
    expect(answer.status, answer.text).toBe(201);
    const created = answer.json as unknown as View;
    expect(created.childNameMasked).toBe('王**');
    expect(created.items.map((item) => [item.kind, item.status, item.attempts])).toEqual(
      kinds.map((kind) => [kind, 'queued', 0]),
    );
    expect(await view(created.id)).toEqual(created);
    const other = await signIn(runtime, 'bundle-family-2');
    expectEnvelope(
      await call(runtime, `/v1/birth-bundles/${created.id}`, { token: other.token }),
      404,
      'NOT_FOUND',
    );
  });

  it('makes one bundle per birth: the same certificate again resumes it, another family gets 409', async () => {
    const body = request();
    const first = (await submit(body)).json as unknown as View;
    const again = await submit(body);
    expect(again.status).toBe(201);
    expect((again.json as unknown as View).id).toBe(first.id);
    expect((await outbox.query.byBundle({ bundleId: first.id }).go()).data).toHaveLength(4);
    const other = await signIn(runtime, 'bundle-family-3');
    expectEnvelope(await submit(body, other.token), 409, 'CONFLICT');
  });

  it('delivers all four items after a drain, once each', async () => {
    const { id } = (await submit(request())).json as unknown as View;
    await worker()(new Date(Date.now() + 1000));
    const after = await view(id);
    for (const kind of kinds) {
      expect(statusOf(after, kind)).toMatchObject({ status: 'accepted', attempts: 1 });
      expect(statusOf(after, kind)?.agencyReference).toBeTruthy();
    }
    const records = await submissionsOf(id);
    expect(records).toHaveLength(4);
    expect(records.every((record) => record.repeats === 0)).toBe(true);
    // Nothing is due any more: another pass sends nothing.
    await worker()(new Date(Date.now() + 3600_000));
    expect((await submissionsOf(id)).every((record) => record.repeats === 0)).toBe(true);
  });

  it('retries an agency through its outage with backoff, then delivers exactly once', async () => {
    const { id } = (await submit(request())).json as unknown as View;
    const down = worker({ outage: new Set(['medical_insurance']) });
    const t0 = Date.now() + 1000;
    await down(new Date(t0));
    let now = await view(id);
    expect(statusOf(now, 'medical_insurance')).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(statusOf(now, 'medical_insurance')?.lastError).toMatch(/[\u4e00-\u9fa5]/);
    for (const kind of kinds.filter((k) => k !== 'medical_insurance')) {
      expect(statusOf(now, kind)?.status).toBe('accepted');
    }
    // Not due before its backoff (30 s after the first failure).
    await down(new Date(t0 + 29_000));
    expect(statusOf(await view(id), 'medical_insurance')?.attempts).toBe(1);
    await down(new Date(t0 + 31_000));
    now = await view(id);
    expect(statusOf(now, 'medical_insurance')).toMatchObject({ status: 'retrying', attempts: 2 });
    // Second backoff is 60 s; the outage ends.
    await worker()(new Date(t0 + 31_000 + 61_000));
    now = await view(id);
    expect(statusOf(now, 'medical_insurance')).toMatchObject({ status: 'accepted', attempts: 3 });
    const records = await submissionsOf(id);
    expect(records).toHaveLength(4);
    expect(records.every((record) => record.repeats === 0)).toBe(true);
  });

  it('takes over an item whose worker died while sending, without a second submission at the agency', async () => {
    const { id } = (await submit(request())).json as unknown as View;
    const t0 = Date.now() + 1000;
    // A worker claimed vaccination_record, the agency accepted it, and the worker died before recording that.
    const agencies = createLocalAgencies(submissions);
    const { reference } = await agencies.submit('vaccination_record', {}, `${id}:vaccination_record`);
    await outbox
      .patch({ bundleId: id, kind: 'vaccination_record' })
      .set({
        status: 'sending',
        leaseId: 'dead-worker',
        attempts: 1,
        dueAt: new Date(t0 + 60_000).toISOString(),
      })
      .composite({
        shard: (await outbox.get({ bundleId: id, kind: 'vaccination_record' }).go()).data?.shard ?? 's0',
      })
      .go();
    const drain = worker();
    await drain(new Date(t0));
    expect(statusOf(await view(id), 'vaccination_record')).toMatchObject({ status: 'sending', attempts: 1 });
    await drain(new Date(t0 + 61_000));
    const after = statusOf(await view(id), 'vaccination_record');
    expect(after).toMatchObject({ status: 'accepted', attempts: 2, agencyReference: reference });
    const record = (await submissions.get({ idempotencyKey: `${id}:vaccination_record` }).go()).data;
    // One record at the agency; the re-send was recognised as a repeat of it.
    expect(record).toMatchObject({ reference, repeats: 1 });
  });

  it('lets racing workers claim each item once', async () => {
    const { id } = (await submit(request())).json as unknown as View;
    const at = new Date(Date.now() + 1000);
    await Promise.all([worker()(at), worker()(at), worker()(at)]);
    const records = await submissionsOf(id);
    expect(records).toHaveLength(4);
    expect(records.every((record) => record.repeats === 0)).toBe(true);
    expect((await view(id)).items.every((item) => item.status === 'accepted' && item.attempts === 1)).toBe(
      true,
    );
  });

  it('loses nothing under random agency failures', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(((await submit(request())).json as unknown as View).id);
    const flaky = worker({ failureRate: 0.5, seed: 7 });
    let t = Date.now() + 1000;
    for (let pass = 0; pass < 12; pass++, t += 3600_000) await flaky(new Date(t));
    for (const id of ids) {
      expect((await view(id)).items.every((item) => item.status === 'accepted')).toBe(true);
      const records = await submissionsOf(id);
      expect(records).toHaveLength(4);
      expect(records.every((record) => record.repeats === 0)).toBe(true);
    }
  });
});
