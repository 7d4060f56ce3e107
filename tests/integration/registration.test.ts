import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateEntity } from '../../functions/src/certificates/entity';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import {
  type Created,
  daysFromToday,
  idNumber,
  key,
  registrationBody,
  submit,
} from './registration-fixtures';

/** 生育登记 (SPEC C2): 秒办, review reasons, duplicates, idempotency, masking. */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let family: string;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  family = (await signIn(runtime, 'reg-family-a')).token;
});
afterAll(async () => close?.());

const created = (answer: { json?: Record<string, unknown> }) => answer.json as unknown as Created;

function certificates() {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: runtime.dynamoEndpoint,
      region: 'cn-northwest-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  return createCertificateEntity(client, process.env.TABLE_NAME ?? '');
}

describe('automated checks (秒办)', () => {
  it('approves a clean first child and issues a certificate in the same request', async () => {
    const answer = await submit(runtime, family, registrationBody(101));
    expect(answer.status, answer.text).toBe(201);
    const body = created(answer);
    expect(body).toMatchObject({ status: 'approved', version: 1 });
    expect(body.receiptNo).toMatch(/^SY\d{8}360102\d{6}$/);
    expect(body.reasons).toBeUndefined();
    const certificate = (
      await certificates()
        .get({ certificateId: body.certificateId ?? '' })
        .go()
    ).data;
    expect(certificate).toMatchObject({
      registrationId: body.id,
      title: '生育登记服务证',
      holderMasked: '王**、李**',
      parity: 1,
      jurisdiction: '360102',
      receiptNo: body.receiptNo,
    });
    expect(certificate?.verifyCode).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
  });

  it('approves a second child whose first is on record and declared', async () => {
    const first = created(
      await submit(runtime, family, registrationBody(102, { expectedDueDate: daysFromToday(-700) })),
    );
    expect(first.status).toBe('approved');
    const second = await submit(
      runtime,
      family,
      registrationBody(102, {
        parity: 2,
        existingChildren: [{ name: '李一一', birthDate: daysFromToday(-700), sex: 'F' }],
      }),
    );
    expect(created(second)).toMatchObject({ status: 'approved' });
  });

  it('sends a parity that disagrees with the declared children to review with the reason', async () => {
    const answer = created(await submit(runtime, family, registrationBody(103, { parity: 2 })));
    expect(answer.status).toBe('pending_review');
    expect(answer.reasons?.map((r) => r.code)).toEqual(['PARITY_MISMATCH']);
  });

  it('sends a parity already on record to review naming the record', async () => {
    const first = created(
      await submit(runtime, family, registrationBody(104, { expectedDueDate: daysFromToday(-800) })),
    );
    const again = created(await submit(runtime, family, registrationBody(104)));
    expect(again.status).toBe('pending_review');
    expect(again.reasons).toContainEqual(
      expect.objectContaining({ code: 'PARITY_RECORD_CONFLICT', relatedRegistrationId: first.id }),
    );
  });

  it('sends a second filing for the same pregnancy to review naming the first', async () => {
    const first = created(await submit(runtime, family, registrationBody(105)));
    expect(first.status).toBe('approved');
    const other = (await signIn(runtime, 'reg-family-b')).token;
    const dup = created(
      await submit(runtime, other, registrationBody(105, { expectedDueDate: daysFromToday(200), parity: 1 })),
    );
    expect(dup.status).toBe('pending_review');
    expect(dup.reasons).toContainEqual(
      expect.objectContaining({ code: 'SUSPECTED_DUPLICATE', relatedRegistrationId: first.id }),
    );
  });

  it('flags near-identical names and birth dates under another ID number', async () => {
    const first = created(await submit(runtime, family, registrationBody(106)));
    const shifted = registrationBody(106);
    // Same birth dates, another sequence number: a different person on paper, the same couple in fact.
    const mother = { ...shifted.mother, name: '王晓红', idNumber: idNumber('F', 106 + 3000) };
    const father = { ...shifted.father, idNumber: idNumber('M', 106 + 3000) };
    const dup = created(await submit(runtime, family, { ...shifted, mother, father }));
    expect(dup.status).toBe('pending_review');
    expect(dup.reasons).toContainEqual(
      expect.objectContaining({ code: 'SUSPECTED_DUPLICATE', relatedRegistrationId: first.id }),
    );
  });

  it('never approves one pregnancy twice, even when both filings race', async () => {
    const answers = await Promise.all([0, 1, 2, 3].map(() => submit(runtime, family, registrationBody(107))));
    const statuses = answers.map((answer) => created(answer).status);
    expect(statuses.filter((status) => status === 'approved')).toHaveLength(1);
  });

  it('sends a re-approval application to review', async () => {
    const answer = created(
      await submit(runtime, family, registrationBody(108, { kind: 'reapproval', reason: '再婚' })),
    );
    expect(answer.reasons?.map((r) => r.code)).toContain('REAPPROVAL_NEEDS_REVIEW');
  });
});

describe('malformed identities are 400 with field paths', () => {
  const detailsOf = async (body: unknown) => {
    const error = expectEnvelope(await submit(runtime, family, body), 400, 'VALIDATION_FAILED');
    return error.details.map((d) => d.path);
  };

  it('names a wrong check character', async () => {
    const body = registrationBody(110);
    const wrong = body.mother.idNumber.slice(0, 17) + (body.mother.idNumber.endsWith('0') ? '1' : '0');
    expect(await detailsOf({ ...body, mother: { ...body.mother, idNumber: wrong } })).toContain(
      'body.mother.idNumber',
    );
  });

  it('names a mother whose number says male and a father under marriage age', async () => {
    const body = registrationBody(111);
    const paths = await detailsOf({
      ...body,
      mother: { ...body.mother, idNumber: idNumber('M', 111) },
      marriageDate: '2012-01-01',
    });
    expect(paths).toEqual(expect.arrayContaining(['body.mother.idNumber', 'body.marriageDate']));
  });
});

describe('idempotency', () => {
  it('replays the first answer for the same key and body, 422 for another body', async () => {
    const idempotencyKey = key('replay');
    const first = await submit(runtime, family, registrationBody(120), idempotencyKey);
    const again = await submit(runtime, family, registrationBody(120), idempotencyKey);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expectEnvelope(
      await submit(runtime, family, registrationBody(121), idempotencyKey),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    );
  });
});

describe('views, isolation and masking', () => {
  let id: string;
  beforeAll(async () => {
    id = created(await submit(runtime, family, registrationBody(130, { parity: 3 }))).id;
  });

  it('shows the family its registration masked, with history', async () => {
    const answer = await call(runtime, `/v1/registrations/${id}`, { token: family });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      status: 'pending_review',
      mother: {
        name: '王小红',
        idNumberMasked: expect.stringMatching(/^3601\*{10}\d{3}[\dX]$/),
        phoneMasked: '138****5678',
      },
      father: { phoneMasked: '139****4321' },
      history: [expect.objectContaining({ status: 'pending_review', by: 'system' })],
    });
    expect(answer.text).not.toContain(registrationBody(130).mother.idNumber);
    expect(answer.text).not.toContain('13812345678');
  });

  it('is 404 for another family and for another district’s staff, readable by the district', async () => {
    const stranger = (await signIn(runtime, 'reg-stranger')).token;
    expectEnvelope(await call(runtime, `/v1/registrations/${id}`, { token: stranger }), 404, 'NOT_FOUND');
    const west = (await signIn(runtime, 'staff-360103')).token;
    expectEnvelope(await call(runtime, `/v1/registrations/${id}`, { token: west }), 404, 'NOT_FOUND');
    const east = (await signIn(runtime, 'staff-360102')).token;
    expect((await call(runtime, `/v1/registrations/${id}`, { token: east })).status).toBe(200);
  });

  it('lists only the caller’s own, names masked, nothing whole', async () => {
    const mine = await call(runtime, '/v1/me/registrations?limit=50', { token: family });
    const items = (mine.json as { items: { id: string; motherNameMasked: string; certificateId?: string }[] })
      .items;
    expect(items.map((i) => i.id)).toContain(id);
    expect(items.every((i) => i.motherNameMasked === '王**')).toBe(true);
    // Random hex ids can hold an 11-digit run that looks like a phone: look at everything else.
    const withoutIds = JSON.stringify(items.map(({ id: _id, certificateId: _c, ...rest }) => rest));
    expect(withoutIds).not.toMatch(
      /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])|(?<!\d)1[3-9]\d{9}(?!\d)|王小红/,
    );
    const stranger = (await signIn(runtime, 'reg-stranger')).token;
    const theirs = await call(runtime, '/v1/me/registrations', { token: stranger });
    expect((theirs.json as { items: unknown[] }).items).toEqual([]);
  });
});
