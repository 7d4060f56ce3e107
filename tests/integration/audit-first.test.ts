import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditTableName } from '@hongjia/functions/commons/dynamo';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { fileInstitution, filingBody } from './childcare-filing-fixtures';
import { type FaultRule, injectFaults } from './faults';
import { call, signIn, startTestRuntime } from './harness';
import { parents, registrationBody, submit } from './registration-fixtures';
import { bindIdentity, validIdNumber } from './special-family-fixtures';

/**
 * Audit as evidence (decision 0019): an entry is written before the change it
 * describes, and before a staff read's answer leaves. So when the audit write
 * fails — before it reached the store, or after it landed — the change did not
 * happen and no data left; the caller gets a 500 and may retry.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
let east: string;
let faults: Awaited<ReturnType<typeof injectFaults>> | undefined;

/** A write to the audit table: the commons trail (`auditEntry`) or a family's record audit (`recordAudit`). */
const auditWrite = (input: Record<string, unknown>) => {
  const item = (input.Item ?? input.Key) as { sk?: string | { S?: string } } | undefined;
  const sk = typeof item?.sk === 'string' ? item.sk : item?.sk?.S;
  return (sk?.startsWith('$auditentry_') || sk?.startsWith('$recordaudit_')) ?? false;
};
const failAuditOnce = async (when: FaultRule['when']) => {
  faults = await injectFaults([{ command: 'PutItemCommand', when, times: 1, matches: auditWrite }]);
  return faults;
};

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  east = (await signIn(runtime, 'staff-360102')).token;
  // Start-up of the runtime takes minutes on a loaded machine.
}, 300_000);
afterEach(() => {
  faults?.remove();
  faults = undefined;
});
afterAll(async () => {
  client?.destroy();
  await close?.();
});

const trailOf = async (subjectType: string, subjectId: string) => {
  const { createAuditEntity, createAuditTrail } = await import('@hongjia/functions/commons/audit');
  return createAuditTrail(
    createAuditEntity(client, process.env.AUDIT_TABLE_NAME as AuditTableName),
  ).ofSubject(subjectType, subjectId);
};

describe('a change whose audit entry fails does not happen', () => {
  it('registration review', async () => {
    const parent = parents(runtime, 'audit-first');
    const filed = await submit(runtime, await parent(951), registrationBody(951, { parity: 2 }));
    expect(filed.status, filed.text).toBe(201);
    const { id } = filed.json as { id: string };
    const review = () =>
      call(runtime, `/v1/staff/registrations/${id}/review`, {
        token: east,
        body: { decision: 'approve', expectedVersion: 1 },
      });
    const injected = await failAuditOnce('after');
    expect((await review()).status).toBe(500);
    expect(injected.failed()).toBe(1);
    const after = await call(runtime, `/v1/registrations/${id}`, { token: await parent(951) });
    expect(after.json).toMatchObject({ status: 'pending_review', version: 1 });
    // The retry lands, with its own entry beside the failed attempt's.
    expect((await review()).status).toBe(200);
    const entries = (await trailOf('registration', id)).filter((e) => e.action === 'review');
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ actorUserId: expect.any(String), sourceIp: expect.any(String) });
    expect(entries[1]?.requestId).toBeTruthy();
  });

  it('help-request event', async () => {
    const queue = await call(runtime, '/v1/staff/assistance/requests?limit=5', { token: east });
    expect(queue.status, queue.text).toBe(200);
    const first = (queue.json as { items: { id: string; version: number }[] }).items[0];
    if (!first) throw new Error('the seed has help requests in 东湖区');
    const record = () =>
      call(runtime, `/v1/staff/assistance/requests/${first.id}/events`, {
        token: east,
        body: { kind: 'call', note: '电话联系了家属', expectedVersion: first.version },
      });
    await failAuditOnce('before');
    expect((await record()).status).toBe(500);
    const again = await call(runtime, '/v1/staff/assistance/requests?limit=5', { token: east });
    const same = (again.json as { items: { id: string; version: number }[] }).items.find(
      (r) => r.id === first.id,
    );
    expect(same?.version).toBe(first.version);
    expect((await record()).status).toBe(200);
    expect((await trailOf('assistanceRequest', first.id)).map((e) => e.action)).toContain('event_call');
  });

  it('special-family update', async () => {
    const list = await call(runtime, '/v1/staff/special-families?limit=1', { token: east });
    const family = (list.json as { items: { id: string }[] }).items[0];
    if (!family) throw new Error('the seed has special families in 东湖区');
    const detail = async () =>
      (await call(runtime, `/v1/staff/special-families/${family.id}`, { token: east })).json as {
        version: number;
        hukouType: string;
      };
    const before = await detail();
    const hukouType = before.hukouType === 'urban' ? 'rural' : 'urban';
    await failAuditOnce('after');
    const failed = await call(runtime, `/v1/staff/special-families/${family.id}`, {
      method: 'PATCH',
      token: east,
      body: { hukouType, expectedVersion: before.version },
    });
    expect(failed.status).toBe(500);
    expect(await detail()).toMatchObject({ version: before.version, hukouType: before.hukouType });
  });

  it('childcare-subsidy review', async () => {
    const applicant = (await signIn(runtime, 'audit-first-subsidy')).token;
    expect(
      (await bindIdentity(runtime, applicant, '王秀英', validIdNumber('360102', '1994-03-03', 'F', 5)))
        .status,
    ).toBe(200);
    const born = new Date(Date.now() + 8 * 3600_000 - 90 * 86_400_000).toISOString().slice(0, 10);
    const applied = await call(runtime, '/v1/childcare-subsidies', {
      token: applicant,
      body: {
        childName: '李小宝',
        childIdNumber: validIdNumber('360102', born, 'M', 51),
        childBirthDate: born,
        hukouDistrict: '360102',
        guardianConsent: true,
      },
      headers: { 'idempotency-key': `audit-first-subsidy-${Date.now()}` },
    });
    expect(applied.status, applied.text).toBe(201);
    const { id } = applied.json as { id: string };
    await failAuditOnce('before');
    const review = await call(runtime, `/v1/staff/childcare-subsidies/${id}/review`, {
      token: east,
      body: { decision: 'approve', expectedVersion: 1 },
    });
    expect(review.status).toBe(500);
    const mine = await call(runtime, '/v1/me/childcare-subsidies', { token: applicant });
    expect((mine.json as { items: { id: string; status: string; version: number }[] }).items).toContainEqual(
      expect.objectContaining({ id, status: 'pending_review', version: 1 }),
    );
  });

  it('filing decision', async () => {
    const provider = (await signIn(runtime, 'provider-3')).token;
    const institutionId = await fileInstitution(runtime, provider, filingBody());
    await failAuditOnce('after');
    const decided = await call(runtime, `/v1/staff/childcare/filings/${institutionId}/decision`, {
      token: east,
      body: { decision: 'approve' },
    });
    expect(decided.status).toBe(500);
    const mine = await call(runtime, '/v1/provider/institutions', { token: provider });
    expect((mine.json as { items: { id: string; status: string }[] }).items).toContainEqual(
      expect.objectContaining({ id: institutionId, status: 'pending_review' }),
    );
  });
});

describe('help-request events without transactions', () => {
  it('an event whose own item failed after the request moved is still shown, and written by the next', async () => {
    const queue = await call(runtime, '/v1/staff/assistance/requests?limit=5&status=awaiting_response', {
      token: east,
    });
    const target = (queue.json as { items: { id: string; version: number }[] }).items.at(-1);
    if (!target) throw new Error('the seed has help requests in 东湖区');
    const eventWrite = (input: Record<string, unknown>) => {
      const item = input.Item as { sk?: string } | undefined;
      return typeof item?.sk === 'string' && item.sk.startsWith('$assistanceevent_');
    };
    faults = await injectFaults([
      { command: 'PutItemCommand', when: 'before', times: 1, matches: eventWrite },
    ]);
    const first = await call(runtime, `/v1/staff/assistance/requests/${target.id}/events`, {
      token: east,
      body: { kind: 'note', note: '第一条', expectedVersion: target.version },
    });
    expect(first.status).toBe(500);
    expect(faults.failed()).toBe(1);
    const history = async () =>
      (
        (await call(runtime, `/v1/assistance/requests/${target.id}/events`, { token: east })).json as {
          items: { seq: number; note?: string }[];
        }
      ).items.map((e) => [e.seq, e.note]);
    expect(await history()).toEqual([[1, '第一条']]);
    const second = await call(runtime, `/v1/staff/assistance/requests/${target.id}/events`, {
      token: east,
      body: { kind: 'note', note: '第二条', expectedVersion: target.version + 1 },
    });
    expect(second.status, second.text).toBe(200);
    expect(await history()).toEqual([
      [1, '第一条'],
      [2, '第二条'],
    ]);
  });
});

describe('a staff read is audited before its answer leaves', () => {
  it('writes an entry per registration shown, with the client IP; answers nothing when it cannot', async () => {
    const parent = parents(runtime, 'audit-read');
    const filed = await submit(runtime, await parent(961), registrationBody(961, { parity: 2 }));
    const { id } = filed.json as { id: string };
    const listed = await call(runtime, '/v1/staff/registrations?limit=50', { token: east });
    expect(listed.status).toBe(200);
    expect((listed.json as { items: { id: string }[] }).items.map((r) => r.id)).toContain(id);
    const detail = await call(runtime, `/v1/registrations/${id}`, { token: east });
    expect(detail.status).toBe(200);
    const entries = await trailOf('registration', id);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['list', 'read']));
    for (const entry of entries) {
      expect(entry.sourceIp).toBeTruthy();
      expect(entry.requestId).toBeTruthy();
    }
    // The family reading its own registration is not a staff read.
    const before = entries.length;
    expect((await call(runtime, `/v1/registrations/${id}`, { token: await parent(961) })).status).toBe(200);
    expect(await trailOf('registration', id)).toHaveLength(before);

    await failAuditOnce('before');
    const refused = await call(runtime, `/v1/registrations/${id}`, { token: east });
    expect(refused.status).toBe(500);
    expect(refused.text).not.toContain('receiptNo');
  });
});
