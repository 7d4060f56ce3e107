import { DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { injectFaults, pkStartsWith } from './faults';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { bindAs, type Created, registrationBody, submit } from './registration-fixtures';
import { pdfBytes, pngBytes, put, requestTicket, sha256Of, type Ticket, uploaded } from './upload-fixtures';

/**
 * Documents are kept and cannot change (issue 9): a claimed upload is copied to
 * `attachments/<registration>/<upload>`, out of reach of its presigned PUT and of the
 * `pending/` expiry; the filing family and the jurisdiction's staff read it by a
 * 5-minute link, and every staff read is in the audit trail before the link leaves.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let family: string;
let east: { token: string; user: { id: string } };
/** Only a parent may file (decision 0011): every filing here names the family's father, bound by real name. */
const father = registrationBody(401).father;
const filing = (n: number, overrides: Record<string, unknown>) =>
  registrationBody(n, { father, ...overrides });

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  family = (await signIn(runtime, 'attachment-family')).token;
  await bindAs(runtime, family, father.name, father.idNumber);
  east = await signIn(runtime, 'staff-360102');
});
afterAll(async () => close?.());

const link = (token: string, registrationId: string, uploadId: string) =>
  call(runtime, `/v1/registrations/${registrationId}/attachments/${uploadId}`, { token });

async function download(url: string) {
  const answer = await fetch(url);
  expect(answer.status).toBe(200);
  const bytes = new Uint8Array(await answer.arrayBuffer());
  return { bytes, sha256: sha256Of(bytes), contentType: answer.headers.get('content-type') };
}

/** The object under `key` as the store holds it (s3rver answers unsigned requests). */
const stored = (key: string, init?: RequestInit) =>
  fetch(`${runtime.s3Endpoint}/${runtime.uploadBucket}/${key}`, init);

/** Items of one entity, read raw from the table (in this test only). */
async function itemsOf(entity: string, where: (item: Record<string, unknown>) => boolean) {
  const client = new DynamoDBClient({
    endpoint: runtime.dynamoEndpoint,
    region: 'cn-northwest-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const items: Record<string, unknown>[] = [];
  // Audit rows live in their own append-only table (decision 0016); everything else in the main one.
  const table = entity === 'auditEntry' ? process.env.AUDIT_TABLE_NAME : process.env.TABLE_NAME;
  for await (const page of paginateScan({ client }, { TableName: table })) {
    for (const raw of page.Items ?? []) {
      const item = unmarshall(raw);
      if (item.__edb_e__ === entity && where(item)) items.push(item);
    }
  }
  client.destroy();
  return items;
}

/** A second child with no first on record: it waits for a reviewer of 东湖区. */
async function fileForReview(n: number, attachmentIds: string[]): Promise<string> {
  const answer = await submit(runtime, family, filing(n, { parity: 2, attachmentIds }));
  expect(answer.status, answer.text).toBe(201);
  expect(answer.json).toMatchObject({ status: 'pending_review' });
  return (answer.json as unknown as Created).id;
}

describe('a claimed attachment is kept', () => {
  it('is copied to attachments/<registration>/<upload>, with its SHA-256 on the upload and the registration', async () => {
    const bytes = pdfBytes(3000);
    const uploadId = await uploaded(runtime, family, bytes);
    const id = await fileForReview(401, [uploadId]);
    const permanentKey = `attachments/${id}/${uploadId}`;

    const [upload] = await itemsOf('upload', (item) => item.uploadId === uploadId);
    expect(upload).toMatchObject({
      status: 'attached',
      attachedTo: id,
      sha256: sha256Of(bytes),
      permanentKey,
      copiedAt: expect.any(String),
    });
    const [registration] = await itemsOf('registration', (item) => item.registrationId === id);
    expect(registration?.attachments).toEqual([
      {
        id: uploadId,
        fileName: '结婚证.pdf',
        contentType: 'application/pdf',
        size: 3000,
        sha256: sha256Of(bytes),
        key: permanentKey,
      },
    ]);
    const copy = await stored(permanentKey);
    expect(sha256Of(new Uint8Array(await copy.arrayBuffer()))).toBe(sha256Of(bytes));
  });

  it('does not change what the reviewer downloads when the old URL is PUT to after the claim', async () => {
    const bytes = pdfBytes(2500);
    const answer = await requestTicket(runtime, family, {
      fileName: '户口簿.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: sha256Of(bytes),
    });
    const ticket = answer.json as unknown as Ticket;
    expect((await put(ticket, bytes)).status).toBe(200);
    const id = await fileForReview(402, [ticket.uploadId]);

    // The URL still works for a few minutes; S3 would refuse another body, s3rver takes it.
    const other = pdfBytes(2500, 0x58);
    expect((await put(ticket, other)).status).toBe(200);
    expect(sha256Of(new Uint8Array(await (await stored(`pending/${ticket.uploadId}`)).arrayBuffer()))).toBe(
      sha256Of(other),
    );

    const forStaff = await link(east.token, id, ticket.uploadId);
    expect(forStaff.status, forStaff.text).toBe(200);
    const seen = await download((forStaff.json as { url: string }).url);
    expect(seen.sha256).toBe(sha256Of(bytes));
    expect(seen.contentType).toBe('application/pdf');
    const forFamily = await link(family, id, ticket.uploadId);
    expect((await download((forFamily.json as { url: string }).url)).sha256).toBe(sha256Of(bytes));
  });

  it('keeps a returned registration’s files when the pending object has expired, without copying them twice', async () => {
    const bytes = pngBytes(1800);
    const uploadId = await uploaded(runtime, family, bytes, '出生证.png', 'image/png');
    const id = await fileForReview(403, [uploadId]);
    const returned = await call(runtime, `/v1/staff/registrations/${id}/review`, {
      token: east.token,
      body: { decision: 'return', comment: '请补充第一个孩子的信息', expectedVersion: 1 },
    });
    expect(returned.status, returned.text).toBe(200);
    const [before] = await itemsOf('upload', (item) => item.uploadId === uploadId);

    // What the bucket's lifecycle rule does to pending/ after a day.
    expect((await stored(`pending/${uploadId}`, { method: 'DELETE' })).status).toBe(204);
    const again = await call(runtime, `/v1/registrations/${id}/resubmit`, {
      token: family,
      body: { ...filing(403, { parity: 2, attachmentIds: [uploadId] }), expectedVersion: 2 },
    });
    expect(again.status, again.text).toBe(200);

    const [after] = await itemsOf('upload', (item) => item.uploadId === uploadId);
    expect(after?.copiedAt).toBe(before?.copiedAt);
    const read = await link(east.token, id, uploadId);
    expect(read.status, read.text).toBe(200);
    expect((await download((read.json as { url: string }).url)).sha256).toBe(sha256Of(bytes));
  });
});

describe('who reads an attachment', () => {
  let id: string;
  let uploadId: string;
  let otherUploadId: string;

  beforeAll(async () => {
    uploadId = await uploaded(runtime, family, pdfBytes(1200));
    id = await fileForReview(410, [uploadId]);
    otherUploadId = await uploaded(runtime, family, pdfBytes(1300));
    await fileForReview(411, [otherUploadId]);
  });

  it('gives the filing family a link of at most 5 minutes with the file’s name, type and size', async () => {
    const before = Date.now();
    const answer = await link(family, id, uploadId);
    expect(answer.status, answer.text).toBe(200);
    const body = answer.json as { url: string; expiresAt: string };
    expect(body).toEqual({
      url: expect.any(String),
      expiresAt: expect.any(String),
      fileName: '结婚证.pdf',
      contentType: 'application/pdf',
      size: 1200,
    });
    expect(Date.parse(body.expiresAt) - before).toBeLessThanOrEqual(5 * 60_000 + 1000);
    expect(Number(new URL(body.url).searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(300);
    expect(new URL(body.url).pathname).toContain(`/attachments/${id}/${uploadId}`);
  });

  it('gives staff of the jurisdiction and of the city a link, and writes each read to the audit trail', async () => {
    const city = await signIn(runtime, 'staff-city');
    const east1 = await link(east.token, id, uploadId);
    const city1 = await link(city.token, id, uploadId);
    expect([east1.status, city1.status]).toEqual([200, 200]);
    await link(family, id, uploadId); // the family's own reads are not staff reads

    const trail = await itemsOf('auditEntry', (item) => item.subjectId === id);
    expect(trail.map((entry) => [entry.action, entry.actorUserId, entry.objectId])).toEqual(
      expect.arrayContaining([
        ['read_attachment', east.user.id, uploadId],
        ['read_attachment', city.user.id, uploadId],
      ]),
    );
    expect(trail).toHaveLength(2);
    const eastEntry = trail.find((entry) => entry.actorUserId === east.user.id);
    expect(eastEntry).toMatchObject({
      subjectType: 'registration',
      district: '360102',
      requestId: east1.headers.get('x-request-id'),
      sourceIp: expect.stringMatching(/127\.0\.0\.1/),
    });
  });

  it('is 404 for other districts’ staff, other families, another registration’s upload and unknown ids', async () => {
    const west = (await signIn(runtime, 'staff-360103')).token;
    const stranger = (await signIn(runtime, 'attachment-stranger')).token;
    const provider = (await signIn(runtime, 'provider-1')).token;
    for (const token of [west, stranger, provider]) {
      expectEnvelope(await link(token, id, uploadId), 404, 'NOT_FOUND');
    }
    // The other upload is the same family's, but not attached to this registration.
    expectEnvelope(await link(family, id, otherUploadId), 404, 'NOT_FOUND');
    expectEnvelope(await link(east.token, id, otherUploadId), 404, 'NOT_FOUND');
    expectEnvelope(await link(family, 'reg_missing', uploadId), 404, 'NOT_FOUND');
    expect(await itemsOf('auditEntry', (item) => item.objectId === otherUploadId)).toEqual([]);
  });

  it('gives staff no link when the audit entry cannot be written', async () => {
    const faults = await injectFaults([
      {
        command: 'PutItemCommand',
        matches: pkStartsWith('$hongjia#subjecttype_registration'),
        when: 'before',
        times: 1,
      },
    ]);
    try {
      const answer = await link(east.token, id, uploadId);
      expect(answer.status).toBe(500);
      expect(answer.text).not.toContain('X-Amz-Signature');
      expect(faults.failed()).toBe(1);
    } finally {
      faults.remove();
    }
  });
});
