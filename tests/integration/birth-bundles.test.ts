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
import { bindIdentity, idempotencyKey, validIdNumber } from './special-family-fixtures';
import { itemKeyStartsWith } from './store-keys';

let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
let outbox: OutboxEntity;
let submissions: AgencySubmissionEntity;
let family: Awaited<ReturnType<typeof signIn>>;
let serial = 0;
/** Imported after the runtime set the environment: the functions' logger reads its level on import. */
let drainBundleOutbox: typeof import('@hongjia/functions/workers/bundle-outbox').drainBundleOutbox;
/** The 育儿补贴 item's adapter over the real application (as the scheduled worker wires it). */
let fileSubsidy: import('@hongjia/functions/workers/bundle-outbox').SubsidyFiler;
let subsidyRecords: import('@hongjia/functions/subsidies/records').SubsidyRecords;

/** A bundle without the guardian's 育儿补贴 consent: the other eight items, in agency order. */
const kinds = [
  'household_registration',
  'medical_insurance',
  'social_security_card',
  'vaccination_record',
  'birth_certificate',
  'vaccination_certificate',
  'maternity_allowance',
  'maternity_medical',
];
interface View {
  id: string;
  createdAt: string;
  notice?: string;
  childNameMasked: string;
  items: {
    kind: string;
    status: string;
    attempts: number;
    agencyReference?: string;
    lastError?: string;
    updatedAt: string;
  }[];
}

beforeAll(async () => {
  // These tests file dozens of bundles as one family to exercise the outbox and the conflicts;
  // the daily cap of 10 (decision 0018) is applied by the router like every route limit, which
  // abuse-limits.test.ts proves on four routes and rate-limit.test.ts in its arithmetic.
  process.env.RATE_LIMIT_BIRTH_BUNDLES = '1000';
  ({ runtime, close } = await startTestRuntime());
  ({ drainBundleOutbox } = await import('@hongjia/functions/workers/bundle-outbox'));
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  const table = process.env.TABLE_NAME as string;
  const { createRoot } = await import('@hongjia/functions/root');
  const { createSubsidyServices } = await import('@hongjia/functions/subsidies/services');
  const { subsidyFilerOver } = await import('@hongjia/functions/workers/subsidy-filer');
  const subsidies = createSubsidyServices(
    createRoot({ client, table, notifier: { notify: async () => {} } }),
  );
  subsidyRecords = subsidies.records;
  fileSubsidy = subsidyFilerOver(subsidies.application);
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
    fileSubsidy,
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

  it('makes one bundle per birth: the same certificate again from the same family resumes it', async () => {
    const body = request();
    const first = (await submit(body)).json as unknown as View;
    const again = await submit(body);
    expect(again.status).toBe(201);
    expect((again.json as unknown as View).id).toBe(first.id);
    expect((await outbox.query.byBundle({ bundleId: first.id }).go()).data).toHaveLength(kinds.length);
  });

  it('delivers all eight items after a drain, once each', async () => {
    const { id } = (await submit(request())).json as unknown as View;
    await worker()(new Date(Date.now() + 1000));
    const after = await view(id);
    for (const kind of kinds) {
      expect(statusOf(after, kind)).toMatchObject({ status: 'accepted', attempts: 1 });
      expect(statusOf(after, kind)?.agencyReference).toBeTruthy();
    }
    const records = await submissionsOf(id);
    expect(records).toHaveLength(kinds.length);
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
    expect(records).toHaveLength(kinds.length);
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
    expect(records).toHaveLength(kinds.length);
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
      expect(records).toHaveLength(kinds.length);
      expect(records.every((record) => record.repeats === 0)).toBe(true);
    }
  });
});

describe('出生一件事 naming a certificate another family holds goes to a person', () => {
  interface Conflict {
    id: string;
    kind: string;
    district: string;
    status: string;
    subject: string;
    sides: {
      recordId: string;
      applicantNameMasked: string;
      status: string;
      facts: { label: string; value: string }[];
      evidence: string[];
    }[];
    version: number;
  }
  let staff: string;
  let otherStaff: string;
  let holder: View;
  let later: View;
  let later2: { token: string };
  let conflictId: string;
  const certificate = 'T260201001';
  const queue = async (token: string, query = '') => {
    const answer = await call(runtime, `/v1/staff/conflicts/birth-bundles${query}`, { token });
    expect(answer.status, answer.text).toBe(200);
    return (answer.json as { items: Conflict[] }).items;
  };
  const resolve = (token: string, id: string, body: Record<string, unknown>) =>
    call(runtime, `/v1/staff/conflicts/birth-bundles/${id}/resolve`, { token, body });
  const viewAs = async (token: string, id: string) =>
    (await call(runtime, `/v1/birth-bundles/${id}`, { token })).json as unknown as View;
  /** The answer without what differs by nature between two bundles: ids and times. */
  const shape = (view: View) => ({
    ...view,
    id: 'x',
    createdAt: 't',
    items: view.items.map((item) => ({ ...item, updatedAt: 't' })),
  });

  beforeAll(async () => {
    staff = (await signIn(runtime, 'staff-360102')).token;
    otherStaff = (await signIn(runtime, 'staff-360103')).token;
    later2 = await signIn(runtime, 'bundle-mother-2');
    // The later family registered this pregnancy: the evidence the reviewer sees.
    const motherId = validIdNumber('360102', '1995-04-04', 'F', 3);
    expect((await bindIdentity(runtime, later2.token, '刘芳', motherId)).status).toBe(200);
    const registration = await call(runtime, '/v1/registrations', {
      token: later2.token,
      body: {
        kind: 'registration',
        parity: 1,
        mother: { name: '刘芳', idNumber: motherId, phone: '13812345670', hukouDistrict: '360102' },
        father: {
          name: '陈强',
          idNumber: validIdNumber('360102', '1993-08-08', 'M', 3),
          phone: '13987654320',
          hukouDistrict: '360102',
        },
        marriageDate: '2021-05-20',
        existingChildren: [],
        expectedDueDate: '2026-02-06',
      },
      headers: { 'idempotency-key': idempotencyKey('reg') },
    });
    expect(registration.status, registration.text).toBe(201);
  });

  it('the later family is answered as for a certificate nobody named, and its bundle waits', async () => {
    const first = await submit(request(certificate));
    expect(first.status, first.text).toBe(201);
    holder = first.json as unknown as View;
    const exists = await submit(request(certificate), later2.token);
    const fresh = await submit(request('T260201002'), later2.token);
    expect([exists.status, fresh.status]).toEqual([201, 201]);
    later = exists.json as unknown as View;
    expect(later.id).not.toBe(holder.id);
    // Identical apart from ids and times: nothing says another family named the certificate.
    expect(shape(later)).toEqual(shape(fresh.json as unknown as View));
    expect(shape(await viewAs(later2.token, later.id))).toEqual(shape(fresh.json as unknown as View));
    // Held: nothing of it goes to an agency until a person decides.
    expect((await outbox.query.byBundle({ bundleId: later.id }).go()).data).toEqual([]);
  });

  it("is in the holder's district queue with both sides masked and the evidence", async () => {
    const found = (await queue(staff)).filter((c) => c.sides[1]?.recordId === later.id);
    expect(found).toHaveLength(1);
    const conflict = found[0] as Conflict;
    conflictId = conflict.id;
    expect(conflict).toMatchObject({
      kind: 'birth_bundle',
      district: '360102',
      status: 'open',
      subject: 'T*****1001',
    });
    const [first, second] = conflict.sides;
    expect(first).toMatchObject({
      recordId: holder.id,
      applicantNameMasked: '未实名认证用户',
      status: 'handing_off',
    });
    expect(second).toMatchObject({ recordId: later.id, applicantNameMasked: '刘*', status: 'on_hold' });
    expect(second?.facts).toEqual(
      expect.arrayContaining([
        { label: '孩子', value: '王**' },
        { label: '出生日期', value: '2026-02-01' },
        { label: '出生医院', value: '江西省妇幼保健院' },
      ]),
    );
    expect(first?.evidence).toEqual([]);
    expect(second?.evidence).toEqual([
      expect.stringMatching(/^生育登记 SY\d+（.+）登记该申请人为母亲，预产期 2026-02-06 与孩子出生日期相符$/),
    ]);
    expect(JSON.stringify(conflict)).not.toContain(certificate);
    expect((await queue(otherStaff)).map((c) => c.id)).not.toContain(conflictId);
    expectEnvelope(
      await resolve(otherStaff, conflictId, { standing: 'second', comment: '核对', expectedVersion: 1 }),
      404,
      'NOT_FOUND',
    );
  });

  it('resolved for the later family: the holder is voided and stopped, the later bundle goes to the agencies', async () => {
    const answer = await resolve(staff, conflictId, {
      standing: 'second',
      comment: '出生医学证明原件由刘*出示',
      expectedVersion: 1,
    });
    expect(answer.status, answer.text).toBe(200);
    expect((answer.json as unknown as Conflict).sides.map((s) => s.status)).toEqual([
      'voided',
      'handing_off',
    ]);
    expectEnvelope(
      await resolve(staff, conflictId, { standing: 'first', comment: '改判', expectedVersion: 2 }),
      409,
      'CONFLICT',
    );
    // The holder's undelivered items stopped; the family reads staff's neutral notice.
    const voided = await viewAs(family.token, holder.id);
    expect(voided.notice).toBe(
      '经工作人员核对，本次出生一件事未予办理。如有疑问，请携出生医学证明咨询户籍所在地县区卫生健康委员会。',
    );
    expect(voided.items.map((item) => [item.status, item.lastError])).toEqual(
      kinds.map(() => ['failed', '经工作人员核对，已停止办理']),
    );
    // The later bundle now has its items and they are delivered.
    expect((await outbox.query.byBundle({ bundleId: later.id }).go()).data).toHaveLength(kinds.length);
    await worker()(new Date(Date.now() + 1000));
    expect((await viewAs(later2.token, later.id)).items.every((item) => item.status === 'accepted')).toBe(
      true,
    );
    expect(await submissionsOf(holder.id)).toEqual([]);
    // Both told, neither about the other.
    for (const token of [family.token, later2.token]) {
      const inbox = (await call(runtime, '/v1/me/notifications?limit=50', { token })).json as {
        items: { kind: string; body: string }[];
      };
      const checked = inbox.items.filter((n) => n.kind === 'case_checked');
      expect(checked).toHaveLength(1);
      expect(checked[0]?.body).toMatch(/^经工作人员核对，王\*\*的出生一件事/);
      expect(checked[0]?.body).not.toMatch(/刘|另一|他人/);
    }
    // The certificate is the later family's now: the first family naming it again is the conflict.
    const retry = await submit(request(certificate));
    expect(retry.status).toBe(201);
    const again = (await queue(staff)).filter(
      (c) => c.sides[1]?.recordId === (retry.json as { id: string }).id,
    );
    expect(again[0]?.sides[0]?.recordId).toBe(later.id);
  });

  it('a retry after a failure past the bundle write finishes that bundle: one bundle, all its items', async () => {
    const { injectFaults } = await import('./faults');
    const key = idempotencyKey('bundle');
    const body = request();
    // The first outbox item lands, then the caller sees a failure.
    const faults = await injectFaults([
      {
        command: 'PutItemCommand',
        matches: itemKeyStartsWith('$hongjia#bundleid_', '$bundleoutbox'),
        when: 'after',
        times: 1,
      },
    ]);
    try {
      expect((await submit(body, family.token, key)).status).toBe(500);
      expect(faults.failed()).toBe(1);
    } finally {
      faults.remove();
    }
    const retry = await submit(body, family.token, key);
    expect(retry.status, retry.text).toBe(201);
    const id = (retry.json as unknown as View).id;
    const table = process.env.TABLE_NAME as string;
    const mine = await createBundleEntity(client, table)
      .query.byUser({ userId: family.user.id })
      .go({ pages: 'all' });
    expect((await outbox.query.byBundle({ bundleId: id }).go()).data).toHaveLength(kinds.length);
    const sameChild = mine.data.filter(
      (bundle) => bundle.certificateMasked === `R*****${body.medicalCertificateNo.slice(-4)}`,
    );
    expect(sameChild.map((bundle) => bundle.bundleId)).toEqual([id]);
  });
});

describe('出生一件事: nine items, 育儿补贴 filed from the bundle (decision 0035)', () => {
  let parent: Awaited<ReturnType<typeof signIn>>;
  const nine = [...kinds, 'childcare_subsidy'];

  beforeAll(async () => {
    parent = await signIn(runtime, 'bundle-nine-parent');
    const id = validIdNumber('360102', '1994-05-06', 'F', 4401);
    expect((await bindIdentity(runtime, parent.token, '陈丽', id)).status).toBe(200);
  });

  const viewOf = async (id: string) =>
    (await call(runtime, `/v1/birth-bundles/${id}`, { token: parent.token })).json as unknown as View;
  const subsidiesOf = async () =>
    (await call(runtime, '/v1/me/childcare-subsidies', { token: parent.token })).json as unknown as {
      items: { id: string; childIdNumberMasked: string; childBirthDate: string; status: string }[];
    };

  it('asks for 育儿补贴 only with the guardian’s consent', async () => {
    const refused = await submit({ ...request(), items: ['childcare_subsidy'] }, parent.token);
    expectEnvelope(refused, 400, 'VALIDATION_FAILED');
  });

  it('delivers all nine; the subsidy waits for the household registration’s ID number, then is filed once', async () => {
    const body = { ...request(), childcareSubsidyConsent: true };
    const answer = await submit(body, parent.token);
    expect(answer.status, answer.text).toBe(201);
    const { id } = answer.json as unknown as View;
    expect((await viewOf(id)).items.map((item) => item.kind)).toEqual(nine);
    const t0 = Date.now() + 1000;
    // The household registration is down: the other seven land, 育儿补贴 waits without counting attempts.
    await worker({ outage: new Set(['household_registration']) })(new Date(t0));
    let now = await viewOf(id);
    expect(statusOf(now, 'childcare_subsidy')).toMatchObject({ status: 'waiting', attempts: 0 });
    expect(statusOf(now, 'household_registration')).toMatchObject({ status: 'retrying', attempts: 1 });
    expect((await subsidiesOf()).items).toEqual([]);
    // The registration lands and returns the ID number; the next pass files 育儿补贴.
    const drain = worker();
    await drain(new Date(t0 + 31_000));
    await drain(new Date(t0 + 32_000));
    now = await viewOf(id);
    expect(now.items.filter((item) => item.status !== 'accepted')).toEqual([]);
    const filed = (await subsidiesOf()).items;
    expect(filed).toHaveLength(1);
    expect(filed[0]).toMatchObject({ childBirthDate: body.child.birthDate, status: 'pending_review' });
    expect(statusOf(now, 'childcare_subsidy')?.agencyReference).toBe(filed[0]?.id);
    // The consent the bundle recorded is the application's.
    const stored = await subsidyRecords.get(filed[0]?.id ?? '');
    expect(stored?.guardianConsentAt).toBe(now.createdAt);
  });

  it('files 育儿补贴 once when its delivery is re-sent after a lost lease', async () => {
    // Another birth date: the simulated ID numbers of two children cannot then coincide.
    const base = request();
    const body = {
      ...base,
      child: { ...base.child, birthDate: '2026-03-02' },
      childcareSubsidyConsent: true,
    };
    const { id } = (await submit(body, parent.token)).json as unknown as View;
    const before = (await subsidiesOf()).items.length;
    const t0 = Date.now() + 1000;
    await worker()(new Date(t0));
    await worker()(new Date(t0 + 1000));
    expect(statusOf(await viewOf(id), 'childcare_subsidy')?.status).toBe('accepted');
    // A worker that filed and died before recording it: the item is due again and re-sent.
    const item = (await outbox.get({ bundleId: id, kind: 'childcare_subsidy' }).go()).data;
    await outbox
      .patch({ bundleId: id, kind: 'childcare_subsidy' })
      .set({ status: 'sending', leaseId: 'dead-worker', dueAt: new Date(t0 + 2000).toISOString() })
      .composite({ shard: item?.shard ?? 's0' })
      .go();
    await worker()(new Date(t0 + 3000));
    const after = statusOf(await viewOf(id), 'childcare_subsidy');
    expect(after).toMatchObject({ status: 'accepted', agencyReference: item?.agencyReference });
    expect((await subsidiesOf()).items).toHaveLength(before + 1);
  });
});
