import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateEntity } from '../../functions/src/certificates/entity';
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

/** 生育登记 (SPEC C2): who may file, 秒办, review reasons, duplicates, disclosure, idempotency, masking. */
let runtime: LocalRuntime;
let close: () => Promise<void>;
/** A family account bound by real name to the mother (default) or father of couple n. */
let parent: ReturnType<typeof parents>;
let staff: string;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  parent = parents(runtime, 'reg');
  staff = (await signIn(runtime, 'staff-360102')).token;
});
afterAll(async () => close?.());

const created = (answer: { json?: Record<string, unknown> }) => answer.json as unknown as Created;
const neutral = [{ code: 'NEEDS_STAFF_CHECK', message: '该登记需要工作人员进一步核对' }];

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

/** A man bound by real name who files couple n's mother with himself as the father. */
async function otherFather(n: number, openid: string) {
  const token = (await signIn(runtime, openid)).token;
  const father = { ...registrationBody(n).father, name: '孙伟', idNumber: idNumber('M', n + 6000) };
  await bindAs(runtime, token, father.name, father.idNumber);
  return { token, father };
}

const myRegistrations = async (token: string) =>
  ((await call(runtime, '/v1/me/registrations?limit=50', { token })).json as { items: { id: string }[] })
    .items;

describe('who may file: a parent named in the filing, by real name', () => {
  it('refuses a family without 实名认证 (403 IDENTITY_REQUIRED)', async () => {
    const unbound = (await signIn(runtime, 'reg-unbound')).token;
    const error = expectEnvelope(
      await submit(runtime, unbound, registrationBody(91)),
      403,
      'IDENTITY_REQUIRED',
    );
    expect(error.message).toContain('实名认证');
    expect(await myRegistrations(unbound)).toEqual([]);
  });

  it('refuses a filer who is neither parent (403 NOT_A_PARENT) and writes nothing', async () => {
    const stranger = (await signIn(runtime, 'reg-stranger-filer')).token;
    await bindAs(runtime, stranger, '赵丽', idNumber('F', 9092));
    const error = expectEnvelope(await submit(runtime, stranger, registrationBody(92)), 403, 'NOT_A_PARENT');
    expect(error.message).toContain('母亲或父亲本人');
    expect(await myRegistrations(stranger)).toEqual([]);
    // Nothing was claimed in her name: the real mother is approved at once.
    const own = created(await submit(runtime, await parent(92), registrationBody(92)));
    expect(own.status).toBe('approved');
  });

  it('accepts the father named in the filing', async () => {
    const answer = await submit(runtime, await parent(93, 'father'), registrationBody(93));
    expect(answer.status, answer.text).toBe(201);
    expect(created(answer)).toMatchObject({ status: 'approved', certificateId: expect.any(String) });
  });
});

describe('automated checks (秒办)', () => {
  it('approves a clean first child and issues a certificate in the same request', async () => {
    const answer = await submit(runtime, await parent(101), registrationBody(101));
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
    const mother = await parent(102);
    const first = created(
      await submit(runtime, mother, registrationBody(102, { expectedDueDate: daysFromToday(-700) })),
    );
    expect(first.status).toBe('approved');
    const second = await submit(
      runtime,
      mother,
      registrationBody(102, {
        parity: 2,
        existingChildren: [{ name: '李一一', birthDate: daysFromToday(-700), sex: 'F' }],
      }),
    );
    expect(created(second)).toMatchObject({ status: 'approved' });
  });

  it('sends a parity that disagrees with the declared children to review with the reason', async () => {
    const answer = created(await submit(runtime, await parent(103), registrationBody(103, { parity: 2 })));
    expect(answer.status).toBe('pending_review');
    expect(answer.reasons?.map((r) => r.code)).toEqual(['PARITY_MISMATCH']);
  });

  it('sends a parity already on record to review, naming the record to its own mother', async () => {
    const mother = await parent(104);
    const first = created(
      await submit(runtime, mother, registrationBody(104, { expectedDueDate: daysFromToday(-800) })),
    );
    const again = created(await submit(runtime, mother, registrationBody(104)));
    expect(again.status).toBe('pending_review');
    expect(again.reasons).toContainEqual(
      expect.objectContaining({ code: 'PARITY_RECORD_CONFLICT', relatedRegistrationId: first.id }),
    );
  });

  it('never approves one pregnancy twice, even when both filings race', async () => {
    const mother = await parent(107);
    const answers = await Promise.all([0, 1, 2, 3].map(() => submit(runtime, mother, registrationBody(107))));
    const statuses = answers.map((answer) => created(answer).status);
    expect(statuses.filter((status) => status === 'approved')).toHaveLength(1);
  });

  it('sends a re-approval application to review', async () => {
    const answer = created(
      await submit(runtime, await parent(108), registrationBody(108, { kind: 'reapproval', reason: '再婚' })),
    );
    expect(answer.reasons?.map((r) => r.code)).toContain('REAPPROVAL_NEEDS_REVIEW');
  });
});

describe('duplicates: the detail for staff and the case’s own parents, a neutral reason for anyone else', () => {
  it('tells a man who names an approved mother only that a reviewer will check; staff see both cases', async () => {
    const first = created(await submit(runtime, await parent(105), registrationBody(105)));
    expect(first.status).toBe('approved');
    const other = await otherFather(105, 'reg-other-father-105');
    const answer = await submit(
      runtime,
      other.token,
      registrationBody(105, { father: other.father, expectedDueDate: daysFromToday(200) }),
    );
    const dup = created(answer);
    expect(dup.status).toBe('pending_review');
    expect(dup.reasons).toEqual(neutral);
    const detail = await call(runtime, `/v1/registrations/${dup.id}`, { token: other.token });
    expect(detail.json).toMatchObject({ reasons: neutral });
    expect(detail.json).not.toHaveProperty('relatedCases');
    for (const text of [answer.text, detail.text]) {
      expect(text).not.toContain(first.id);
      expect(text).not.toContain(first.receiptNo);
      expect(text).not.toMatch(/孩的登记|疑似|SUSPECTED_DUPLICATE/);
    }
    const forStaff = await call(runtime, `/v1/registrations/${dup.id}`, { token: staff });
    expect(forStaff.json).toMatchObject({
      reasons: [expect.objectContaining({ code: 'SUSPECTED_DUPLICATE', relatedRegistrationId: first.id })],
      relatedCases: [
        {
          id: first.id,
          receiptNo: first.receiptNo,
          kind: 'registration',
          parity: 1,
          status: 'approved',
          jurisdiction: '360102',
          mother: { nameMasked: '王**', idNumberMasked: expect.stringMatching(/^3601\*{10}\d{3}[\dX]$/) },
          father: { nameMasked: '李**', idNumberMasked: expect.stringMatching(/^3601\*{10}/) },
          expectedDueDate: daysFromToday(120),
          submittedAt: expect.any(String),
        },
      ],
    });
  });

  it('names the first filing to the father named in it', async () => {
    const first = created(await submit(runtime, await parent(109), registrationBody(109)));
    const again = created(
      await submit(
        runtime,
        await parent(109, 'father'),
        registrationBody(109, { expectedDueDate: daysFromToday(150) }),
      ),
    );
    expect(again.status).toBe('pending_review');
    expect(again.reasons).toContainEqual(
      expect.objectContaining({ code: 'SUSPECTED_DUPLICATE', relatedRegistrationId: first.id }),
    );
  });

  it('flags near-identical names and birth dates under other ID numbers, naming the match to staff only', async () => {
    const first = created(await submit(runtime, await parent(106), registrationBody(106)));
    const shifted = registrationBody(106);
    // Same birth dates, another sequence number: a different person on paper, the same couple in fact.
    const mother = { ...shifted.mother, name: '王晓红', idNumber: idNumber('F', 106 + 3000) };
    const father = { ...shifted.father, idNumber: idNumber('M', 106 + 3000) };
    const filer = (await signIn(runtime, 'reg-near-106')).token;
    await bindAs(runtime, filer, mother.name, mother.idNumber);
    const answer = await submit(runtime, filer, { ...shifted, mother, father });
    const dup = created(answer);
    expect(dup.status).toBe('pending_review');
    expect(dup.reasons).toEqual(neutral);
    expect(answer.text).not.toContain(first.id);
    expect(answer.text).not.toContain(first.receiptNo);
    const forStaff = await call(runtime, `/v1/registrations/${dup.id}`, { token: staff });
    expect(forStaff.json).toMatchObject({
      reasons: [expect.objectContaining({ code: 'SUSPECTED_DUPLICATE', relatedRegistrationId: first.id })],
      relatedCases: [expect.objectContaining({ id: first.id, receiptNo: first.receiptNo })],
    });
  });

  it('shows staff of another district the reason but not the case they do not cover', async () => {
    const first = created(await submit(runtime, await parent(112), registrationBody(112)));
    const other = await otherFather(112, 'reg-other-father-112');
    const moved = { ...registrationBody(112).mother, hukouDistrict: '360103' };
    const dup = created(
      await submit(runtime, other.token, registrationBody(112, { mother: moved, father: other.father })),
    );
    const west = (await signIn(runtime, 'staff-360103')).token;
    const forWest = await call(runtime, `/v1/registrations/${dup.id}`, { token: west });
    expect(forWest.json).toMatchObject({
      reasons: [expect.objectContaining({ code: 'SUSPECTED_DUPLICATE', relatedRegistrationId: first.id })],
    });
    expect(forWest.json).not.toHaveProperty('relatedCases');
  });
});

describe('malformed identities are 400 with field paths', () => {
  // Checked before whether the caller is a parent: the family fixes what it typed first.
  const detailsOf = async (n: number, body: unknown) => {
    const error = expectEnvelope(await submit(runtime, await parent(n), body), 400, 'VALIDATION_FAILED');
    return error.details.map((d) => d.path);
  };

  it('names a wrong check character', async () => {
    const body = registrationBody(110);
    const wrong = body.mother.idNumber.slice(0, 17) + (body.mother.idNumber.endsWith('0') ? '1' : '0');
    expect(await detailsOf(110, { ...body, mother: { ...body.mother, idNumber: wrong } })).toContain(
      'body.mother.idNumber',
    );
  });

  it('names a mother whose number says male and a father under marriage age', async () => {
    const body = registrationBody(111);
    const paths = await detailsOf(111, {
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
    const family = await parent(120);
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
  let family: string;
  beforeAll(async () => {
    family = await parent(130);
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

describe('exactly once under retries', () => {
  const notificationsOf = async (token: string, id: string) =>
    (
      (await call(runtime, '/v1/me/notifications?limit=50', { token })).json as { items: { link?: string }[] }
    ).items.filter((n) => n.link?.includes(id));

  it('finishes a filing whose last write failed after it landed, on the retry with the same key', async () => {
    const mother = await parent(140);
    const idempotencyKey = key('retry');
    // The notification is the last write of a clean filing: it lands, then the request fails.
    const faults = await injectFaults([
      {
        command: 'PutItemCommand',
        matches: pkStartsWith('$hongjia#notificationid_'),
        when: 'after',
        times: 1,
      },
    ]);
    try {
      expect((await submit(runtime, mother, registrationBody(140), idempotencyKey)).status).toBe(500);
    } finally {
      faults.remove();
    }
    expect(faults.failed()).toBe(1);
    const retried = await submit(runtime, mother, registrationBody(140), idempotencyKey);
    expect(retried.status, retried.text).toBe(201);
    const body = created(retried);
    expect(body).toMatchObject({ status: 'approved', certificateId: expect.any(String) });
    expect((await myRegistrations(mother)).map((r) => r.id)).toEqual([body.id]);
    expect(await notificationsOf(mother, body.id)).toHaveLength(1);
  });

  it('finishes a filing whose registration write failed after it landed: approved once, with its certificate', async () => {
    const mother = await parent(141);
    const idempotencyKey = key('retry');
    const faults = await injectFaults([
      {
        command: 'PutItemCommand',
        matches: pkStartsWith('$hongjia#registrationid_'),
        when: 'after',
        times: 1,
      },
    ]);
    try {
      expect((await submit(runtime, mother, registrationBody(141), idempotencyKey)).status).toBe(500);
    } finally {
      faults.remove();
    }
    expect(faults.failed()).toBe(1);
    const retried = created(await submit(runtime, mother, registrationBody(141), idempotencyKey));
    expect(retried.status).toBe('approved');
    expect((await myRegistrations(mother)).map((r) => r.id)).toEqual([retried.id]);
    const certificate = (
      await certificates()
        .get({ certificateId: retried.certificateId ?? '' })
        .go()
    ).data;
    expect(certificate).toMatchObject({ registrationId: retried.id });
    expect(await notificationsOf(mother, retried.id)).toHaveLength(1);
  });
});
