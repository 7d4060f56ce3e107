import { DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { injectFaults, pkStartsWith } from './faults';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { bindAs, type Created, key, registrationBody, submit } from './registration-fixtures';
import { pdfBytes, pngBytes, put, requestTicket, sha256Of, type Ticket, uploaded } from './upload-fixtures';

/**
 * Attachments: a presigned PUT straight to object storage (s3rver here), signed with the declared
 * type, size and SHA-256; checked again from the stored bytes when a registration claims them.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let family: string;
let familyId: string;
/** Only a parent may file: every filing here names the uploading family's father (bound by real name). */
const father = registrationBody(301).father;
const filing = (n: number, overrides: Record<string, unknown>) =>
  registrationBody(n, { father, ...overrides });

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  const session = await signIn(runtime, 'upload-family');
  family = session.token;
  familyId = session.user.id;
  await bindAs(runtime, family, father.name, father.idNumber);
});
afterAll(async () => close?.());

const ticket = (body: unknown, token = family, idempotencyKey = key('upl')) =>
  requestTicket(runtime, token, body, idempotencyKey);
const declare = (bytes: Uint8Array, fileName = 'b.pdf', contentType = 'application/pdf') => ({
  fileName,
  contentType,
  size: bytes.length,
  sha256: sha256Of(bytes),
});

/** The upload items of one user, read raw from the table (in this test only). */
async function uploadItemsOf(userId: string) {
  const client = new DynamoDBClient({
    endpoint: runtime.dynamoEndpoint,
    region: 'cn-northwest-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client }, { TableName: process.env.TABLE_NAME })) {
    for (const raw of page.Items ?? []) {
      const item = unmarshall(raw);
      if (item.__edb_e__ === 'upload' && item.userId === userId) items.push(item);
    }
  }
  client.destroy();
  return items;
}

describe('upload tickets', () => {
  it('refuses other types and files over 10 MB', async () => {
    const sha256 = sha256Of(pdfBytes(10));
    const exe = await ticket({
      fileName: 'a.exe',
      contentType: 'application/octet-stream',
      size: 10,
      sha256,
    });
    expectEnvelope(exe, 400, 'VALIDATION_FAILED');
    const big = await ticket({
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: 10 * 1024 * 1024 + 1,
      sha256,
    });
    expect(expectEnvelope(big, 400, 'VALIDATION_FAILED').details[0]?.path).toBe('body.size');
  });

  it('requires the file’s SHA-256, in base64 as S3 writes checksums', async () => {
    const { sha256, ...undeclared } = declare(pdfBytes(100));
    const missing = expectEnvelope(await ticket(undeclared), 400, 'VALIDATION_FAILED');
    expect(missing.details[0]?.path).toBe('body.sha256');
    const hex = Buffer.from(sha256, 'base64').toString('hex');
    const wrong = expectEnvelope(await ticket({ ...undeclared, sha256: hex }), 400, 'VALIDATION_FAILED');
    expect(wrong.details[0]?.path).toBe('body.sha256');
  });

  it('gives a presigned PUT signed with the declared type, size and SHA-256', async () => {
    const bytes = pdfBytes(1000);
    const answer = await ticket(declare(bytes));
    expect(answer.status, answer.text).toBe(201);
    const t = answer.json as unknown as Ticket;
    expect(t.headers).toEqual({
      'Content-Type': 'application/pdf',
      'Content-Length': '1000',
      'x-amz-checksum-sha256': sha256Of(bytes),
    });
    // S3 refuses a PUT whose signed headers differ, and a body whose SHA-256 is not the signed
    // one; s3rver checks neither, so the claim below recomputes the digest from the stored bytes.
    const url = new URL(t.url);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe(
      'content-length;content-type;host;x-amz-checksum-sha256',
    );
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    // In the query instead of a signed header, S3 would ignore it.
    expect([...url.searchParams.keys()].filter((name) => /checksum/i.test(name))).toEqual([]);
    expect((await put(t, bytes)).status).toBe(200);
  });
});

describe('one upload per request under retries', () => {
  it('answers a retry after a failure that followed the write with a ticket for the same upload', async () => {
    const session = await signIn(runtime, 'upload-retry');
    const mother = registrationBody(320).mother;
    await bindAs(runtime, session.token, mother.name, mother.idNumber);
    const body = declare(pdfBytes(300));
    const idempotencyKey = key('upl-retry');
    const faults = await injectFaults([
      { command: 'PutItemCommand', matches: pkStartsWith('$hongjia#uploadid_'), when: 'after', times: 1 },
    ]);
    try {
      const failed = await ticket(body, session.token, idempotencyKey);
      expect(failed.status).toBe(500);
      expect(faults.failed()).toBe(1);
    } finally {
      faults.remove();
    }
    expect(await uploadItemsOf(session.user.id)).toHaveLength(1);

    const retried = await ticket(body, session.token, idempotencyKey);
    expect(retried.status, retried.text).toBe(201);
    const t = retried.json as unknown as Ticket;
    const items = await uploadItemsOf(session.user.id);
    expect(items.map((item) => item.uploadId)).toEqual([t.uploadId]);
    expect((await put(t, pdfBytes(300))).status).toBe(200);
    const filed = await submit(
      runtime,
      session.token,
      registrationBody(320, { attachmentIds: [t.uploadId] }),
    );
    expect(filed.status, filed.text).toBe(201);
  });

  it('creates nothing when the write itself failed, and the retry creates one', async () => {
    const session = await signIn(runtime, 'upload-retry-before');
    const body = declare(pdfBytes(301));
    const idempotencyKey = key('upl-retry');
    const faults = await injectFaults([
      { command: 'PutItemCommand', matches: pkStartsWith('$hongjia#uploadid_'), when: 'before', times: 1 },
    ]);
    try {
      expect((await ticket(body, session.token, idempotencyKey)).status).toBe(500);
    } finally {
      faults.remove();
    }
    expect(await uploadItemsOf(session.user.id)).toHaveLength(0);
    expect((await ticket(body, session.token, idempotencyKey)).status).toBe(201);
    expect(await ticket(body, session.token, idempotencyKey)).toMatchObject({ status: 201 });
    expect(await uploadItemsOf(session.user.id)).toHaveLength(1);
  });
});

describe('attachments on a registration', () => {
  it('accepts the caller’s uploaded files and shows them on the registration', async () => {
    const ids = [await uploaded(runtime, family), await uploaded(runtime, family, pdfBytes(4096))];
    const answer = await submit(runtime, family, filing(301, { attachmentIds: ids }));
    expect(answer.status, answer.text).toBe(201);
    const { id } = answer.json as unknown as Created;
    const view = await call(runtime, `/v1/registrations/${id}`, { token: family });
    expect((view.json as { attachments: { id: string; size: number }[] }).attachments).toEqual([
      { id: ids[0], fileName: '结婚证.pdf', size: 2048, contentType: 'application/pdf' },
      { id: ids[1], fileName: '结婚证.pdf', size: 4096, contentType: 'application/pdf' },
    ]);
  });

  it('refuses unknown ids, another family’s upload, a file never uploaded, and a reused one', async () => {
    const mine = await uploaded(runtime, family);
    const other = (await signIn(runtime, 'upload-other')).token;
    const theirs = await uploaded(runtime, other, pngBytes(10), 'c.png', 'image/png');
    const never = (await ticket(declare(pdfBytes(10), 'd.pdf'))).json as unknown as Ticket;
    const refused = await submit(
      runtime,
      family,
      filing(302, { attachmentIds: [mine, 'upl_missing', theirs, never.uploadId] }),
    );
    const error = expectEnvelope(refused, 400, 'VALIDATION_FAILED');
    expect(error.details.map((d) => d.path)).toEqual([
      'body.attachmentIds.1',
      'body.attachmentIds.2',
      'body.attachmentIds.3',
    ]);
    const first = await submit(runtime, family, filing(303, { attachmentIds: [mine] }));
    expect(first.status).toBe(201);
    const reused = await submit(runtime, family, filing(304, { attachmentIds: [mine] }));
    expect(expectEnvelope(reused, 400, 'VALIDATION_FAILED').details[0]?.path).toBe('body.attachmentIds.0');
  });

  it('refuses a stored object of another size or type than declared', async () => {
    const bytes = pdfBytes(100);
    const shorter = (await ticket(declare(bytes, 'e.pdf'))).json as unknown as Ticket;
    await put(shorter, bytes.slice(0, 99));
    const retyped = (await ticket(declare(bytes, 'e.pdf'))).json as unknown as Ticket;
    await put(retyped, bytes, { 'Content-Type': 'image/png' });
    const answer = await submit(
      runtime,
      family,
      filing(305, { attachmentIds: [shorter.uploadId, retyped.uploadId] }),
    );
    const error = expectEnvelope(answer, 400, 'VALIDATION_FAILED');
    expect(error.details.map((d) => d.path)).toEqual(['body.attachmentIds.0', 'body.attachmentIds.1']);
  });

  it('refuses a stored body whose SHA-256 is not the declared one, and writes nothing', async () => {
    const declared = pdfBytes(512);
    const swapped = pdfBytes(512, 0x41); // same size, same type, other bytes
    const t = (await ticket(declare(declared, 'f.pdf'))).json as unknown as Ticket;
    // S3 would refuse this PUT (its body does not match the signed checksum); s3rver stores it.
    expect((await put(t, swapped)).status).toBe(200);
    const answer = await submit(runtime, family, filing(306, { attachmentIds: [t.uploadId] }));
    const error = expectEnvelope(answer, 400, 'VALIDATION_FAILED');
    expect(error.details).toEqual([
      { path: 'body.attachmentIds.0', message: expect.stringContaining('校验值') },
    ]);
    const [item] = (await uploadItemsOf(familyId)).filter((i) => i.uploadId === t.uploadId);
    expect(item).toMatchObject({ status: 'pending' });
    expect(item?.attachedTo).toBeUndefined();
  });

  it('refuses a file whose first bytes are not those of its declared type', async () => {
    const png = pngBytes(400);
    const asPdf = (await ticket(declare(png, 'g.pdf'))).json as unknown as Ticket;
    await put(asPdf, png);
    const text = new TextEncoder().encode('not really a jpeg, just text');
    const asJpeg = (await ticket(declare(text, 'h.jpg', 'image/jpeg'))).json as unknown as Ticket;
    await put(asJpeg, text);
    const answer = await submit(
      runtime,
      family,
      filing(307, { attachmentIds: [asPdf.uploadId, asJpeg.uploadId] }),
    );
    const error = expectEnvelope(answer, 400, 'VALIDATION_FAILED');
    expect(error.details).toEqual([
      { path: 'body.attachmentIds.0', message: expect.stringContaining('不是 PDF 文件') },
      { path: 'body.attachmentIds.1', message: expect.stringContaining('不是 JPG 图片') },
    ]);
    // A real png under its own type is fine.
    const real = await uploaded(runtime, family, pngBytes(400), 'i.png', 'image/png');
    expect((await submit(runtime, family, filing(308, { attachmentIds: [real] }))).status).toBe(201);
  });
});
