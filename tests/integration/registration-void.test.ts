import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAuditEntity, createAuditTrail } from '@hongjia/functions/commons/audit';
import type { AuditTableName } from '@hongjia/functions/commons/dynamo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { injectFaults, pkStartsWith } from './faults';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import {
  bindAs,
  type Created,
  daysFromToday,
  idNumber,
  key,
  parents,
  registrationBody,
  submit,
} from './registration-fixtures';

/**
 * Staff undo a wrong approval (作废): a man files a pregnancy naming another
 * man's wife as the mother (a mistyped number) and is approved at once,
 * holding her pregnancy; her own filing goes to review, where staff see both
 * cases side by side, void the wrong one (its certificate stops verifying,
 * its filer is told) and approve hers.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
let parent: ReturnType<typeof parents>;
let east: string;
let eastUserId: string;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  parent = parents(runtime, 'void');
  const staff = await signIn(runtime, 'staff-360102');
  east = staff.token;
  eastUserId = staff.user.id;
});
afterAll(async () => {
  client?.destroy();
  await close?.();
});

const created = (answer: { json?: Record<string, unknown> }) => answer.json as unknown as Created;
const voidOf = (token: string, id: string, body: unknown, idempotencyKey = key('void')) =>
  call(runtime, `/v1/staff/registrations/${id}/void`, {
    token,
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
const review = (token: string, id: string, body: unknown) =>
  call(runtime, `/v1/staff/registrations/${id}/review`, { token, body });
const audits = () =>
  createAuditTrail(createAuditEntity(client, process.env.AUDIT_TABLE_NAME as AuditTableName));

/** Couple n's mother filed by a man of another couple who typed her number: approved at once in his name. */
async function wrongApproval(n: number) {
  const token = (await signIn(runtime, `void-wrong-father-${n}`)).token;
  const father = { ...registrationBody(n).father, name: '孙伟', idNumber: idNumber('M', n + 6000) };
  await bindAs(runtime, token, father.name, father.idNumber);
  const wrong = created(await submit(runtime, token, registrationBody(n, { father })));
  expect(wrong.status).toBe('approved');
  return { token, wrong };
}

async function verifyCodeOf(token: string, certificateId: string) {
  const answer = await call(runtime, `/v1/me/certificates/${certificateId}`, { token });
  return (answer.json as { verifyCode: string }).verifyCode;
}

describe('voiding a wrong approval frees the pregnancy for the rightful filing', () => {
  let wrong: Created;
  let wrongFiler: string;
  let rightful: Created;
  let mother: string;

  beforeAll(async () => {
    ({ wrong, token: wrongFiler } = await wrongApproval(501));
    mother = await parent(501);
    rightful = created(
      await submit(runtime, mother, registrationBody(501, { expectedDueDate: daysFromToday(130) })),
    );
  });

  it('sends the rightful mother to review, naming the filing made in her name (she is its mother)', async () => {
    expect(rightful.status).toBe('pending_review');
    expect(rightful.reasons).toEqual([
      expect.objectContaining({ code: 'SUSPECTED_DUPLICATE', relatedRegistrationId: wrong.id }),
    ]);
  });

  it('shows staff the wrong approval side by side and refuses a second approval', async () => {
    const answer = await call(runtime, `/v1/registrations/${rightful.id}`, { token: east });
    expect(answer.json).toMatchObject({
      reasons: [expect.objectContaining({ code: 'SUSPECTED_DUPLICATE', relatedRegistrationId: wrong.id })],
      relatedCases: [
        expect.objectContaining({
          id: wrong.id,
          receiptNo: wrong.receiptNo,
          status: 'approved',
          father: expect.objectContaining({ nameMasked: '孙*' }),
        }),
      ],
    });
    expectEnvelope(
      await review(east, rightful.id, { decision: 'approve', expectedVersion: rightful.version }),
      409,
      'CONFLICT',
    );
  });

  it('is refused to a family, to staff of another district, without a reason and on a stale version', async () => {
    expectEnvelope(
      await voidOf(mother, wrong.id, { reason: '身份证号填错', expectedVersion: 1 }),
      403,
      'FORBIDDEN',
    );
    const west = (await signIn(runtime, 'staff-360103')).token;
    expectEnvelope(
      await voidOf(west, wrong.id, { reason: '身份证号填错', expectedVersion: 1 }),
      404,
      'NOT_FOUND',
    );
    expectEnvelope(await voidOf(east, wrong.id, { expectedVersion: 1 }), 400, 'VALIDATION_FAILED');
    expectEnvelope(
      await voidOf(east, wrong.id, { reason: '身份证号填错', expectedVersion: 7 }),
      409,
      'CONFLICT',
    );
    expectEnvelope(
      await voidOf(east, rightful.id, { reason: '不是已通过的登记', expectedVersion: rightful.version }),
      409,
      'CONFLICT',
    );
  });

  it('writes the audit entry before the move: no audit, no void', async () => {
    const faults = await injectFaults([
      { command: 'PutItemCommand', matches: pkStartsWith('$hongjia#subjecttype_'), when: 'before', times: 1 },
    ]);
    try {
      const answer = await voidOf(east, wrong.id, { reason: '母亲身份证号填错', expectedVersion: 1 });
      expect(answer.status).toBe(500);
    } finally {
      faults.remove();
    }
    expect(faults.failed()).toBe(1);
    const still = await call(runtime, `/v1/registrations/${wrong.id}`, { token: east });
    expect(still.json).toMatchObject({ status: 'approved', version: 1 });
  });

  it('voids it: history by the office with the reason, audited, certificate revoked, the filer told', async () => {
    const verifyCode = await verifyCodeOf(wrongFiler, wrong.certificateId ?? '');
    const idempotencyKey = key('void');
    const body = { reason: '母亲身份证号填错，实为他人', expectedVersion: 1 };
    const answer = await voidOf(east, wrong.id, body, idempotencyKey);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toMatchObject({
      status: 'voided',
      version: 2,
      history: [
        expect.objectContaining({ status: 'approved', by: 'system' }),
        {
          status: 'voided',
          at: expect.any(String),
          by: 'staff',
          byName: '东湖区卫生健康委员会',
          comment: body.reason,
        },
      ],
    });
    expect((await voidOf(east, wrong.id, body, idempotencyKey)).json).toEqual(answer.json);

    const trail = await audits().ofSubject('registration', wrong.id);
    expect(trail.filter((entry) => entry.action === 'void')).toContainEqual(
      expect.objectContaining({ actorUserId: eastUserId, district: '360102', objectId: wrong.certificateId }),
    );
    const verified = await call(runtime, `/v1/certificates/verify/${verifyCode}`);
    expect(verified.json).toMatchObject({ valid: false });
    const told = await call(runtime, '/v1/me/notifications?limit=50', { token: wrongFiler });
    expect(
      (told.json as { items: { title: string; link?: string }[] }).items.filter((n) =>
        n.link?.includes(wrong.id),
      ),
    ).toContainEqual(expect.objectContaining({ title: '生育登记已作废' }));
    const mine = await call(runtime, `/v1/registrations/${wrong.id}`, { token: wrongFiler });
    expect(mine.json).toMatchObject({ status: 'voided' });
    const voidedQueue = await call(runtime, '/v1/staff/registrations?status=voided&limit=50', {
      token: east,
    });
    expect((voidedQueue.json as { items: { id: string }[] }).items.map((i) => i.id)).toContain(wrong.id);
    expectEnvelope(await voidOf(east, wrong.id, { ...body, expectedVersion: 2 }), 409, 'CONFLICT');
  });

  it('lets staff approve the rightful filing, with a certificate', async () => {
    const answer = await review(east, rightful.id, {
      decision: 'approve',
      expectedVersion: rightful.version,
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toMatchObject({ status: 'approved', certificateId: expect.stringMatching(/^crt_/) });
    const detail = await call(runtime, `/v1/registrations/${rightful.id}`, { token: mother });
    expect(detail.json).toMatchObject({ status: 'approved' });
  });
});

describe('a void interrupted after the move', () => {
  it('is finished by the retry with the same key: certificate revoked, pregnancy freed', async () => {
    const { wrong } = await wrongApproval(502);
    const idempotencyKey = key('void');
    const body = { reason: '母亲身份证号填错', expectedVersion: 1 };
    const faults = await injectFaults([
      {
        command: 'UpdateItemCommand',
        matches: pkStartsWith('$hongjia#certificateid_'),
        when: 'after',
        times: 1,
      },
    ]);
    try {
      expect((await voidOf(east, wrong.id, body, idempotencyKey)).status).toBe(500);
    } finally {
      faults.remove();
    }
    expect(faults.failed()).toBe(1);
    const retried = await voidOf(east, wrong.id, body, idempotencyKey);
    expect(retried.status, retried.text).toBe(200);
    expect(retried.json).toMatchObject({ status: 'voided', version: 2 });
    const rightful = created(await submit(runtime, await parent(502), registrationBody(502)));
    expect(rightful.status).toBe('approved');
  });
});
