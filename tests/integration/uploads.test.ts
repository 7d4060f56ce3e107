import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { bindAs, type Created, key, registrationBody, submit } from './registration-fixtures';

/** Attachments: presigned PUT straight to object storage (s3rver here), checked when a registration takes them. */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let family: string;
/** Only a parent may file: every filing here names the uploading family's father (bound by real name). */
const father = registrationBody(301).father;
const filing = (n: number, overrides: Record<string, unknown>) =>
  registrationBody(n, { father, ...overrides });

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  family = (await signIn(runtime, 'upload-family')).token;
  await bindAs(runtime, family, father.name, father.idNumber);
});

afterAll(async () => close?.());

interface Ticket {
  uploadId: string;
  url: string;
  headers: Record<string, string>;
  expiresAt: string;
}

const ticket = async (body: unknown, token = family) => {
  const answer = await call(runtime, '/v1/uploads', {
    token,
    body,
    headers: { 'idempotency-key': key('upl') },
  });
  return answer;
};
const pdf = (size: number) => new Uint8Array(size).fill(0x25);
const put = (t: Ticket, bytes: Uint8Array<ArrayBuffer>, contentType = t.headers['Content-Type'] ?? '') =>
  fetch(t.url, { method: 'PUT', headers: { 'Content-Type': contentType }, body: bytes });

async function uploaded(size = 2048): Promise<string> {
  const answer = await ticket({ fileName: '结婚证.pdf', contentType: 'application/pdf', size });
  expect(answer.status, answer.text).toBe(201);
  const t = answer.json as unknown as Ticket;
  const stored = await put(t, pdf(size));
  expect(stored.status).toBe(200);
  return t.uploadId;
}

describe('upload tickets', () => {
  it('refuses other types and files over 10 MB', async () => {
    const exe = await ticket({ fileName: 'a.exe', contentType: 'application/octet-stream', size: 10 });
    expectEnvelope(exe, 400, 'VALIDATION_FAILED');
    const big = await ticket({
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: 10 * 1024 * 1024 + 1,
    });
    expect(expectEnvelope(big, 400, 'VALIDATION_FAILED').details[0]?.path).toBe('body.size');
  });

  it('gives a presigned PUT signed with the declared type and size', async () => {
    const answer = await ticket({ fileName: 'b.pdf', contentType: 'application/pdf', size: 1000 });
    const t = answer.json as unknown as Ticket;
    expect(t.headers).toEqual({ 'Content-Type': 'application/pdf', 'Content-Length': '1000' });
    // S3 refuses a PUT whose signed headers differ (s3rver does not check SigV4, so that part is S3's).
    const url = new URL(t.url);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.has('x-amz-checksum-crc32')).toBe(false);
    expect((await put(t, pdf(1000))).status).toBe(200);
  });
});

describe('attachments on a registration', () => {
  it('accepts the caller’s uploaded files and shows them on the registration', async () => {
    const ids = [await uploaded(), await uploaded(4096)];
    const answer = await submit(runtime, family, filing(301, { attachmentIds: ids }));
    expect(answer.status, answer.text).toBe(201);
    const { id } = answer.json as unknown as Created;
    const view = await call(runtime, `/v1/registrations/${id}`, { token: family });
    expect((view.json as { attachments: { id: string; size: number }[] }).attachments).toEqual([
      expect.objectContaining({ id: ids[0], size: 2048, contentType: 'application/pdf' }),
      expect.objectContaining({ id: ids[1], size: 4096 }),
    ]);
  });

  it('refuses unknown ids, another family’s upload, a file never uploaded, and a reused one', async () => {
    const mine = await uploaded();
    const other = (await signIn(runtime, 'upload-other')).token;
    const theirs = (await ticket({ fileName: 'c.png', contentType: 'image/png', size: 10 }, other))
      .json as unknown as Ticket;
    await put(theirs, new Uint8Array(10));
    const never = (await ticket({ fileName: 'd.jpg', contentType: 'image/jpeg', size: 10 }))
      .json as unknown as Ticket;
    const refused = await submit(
      runtime,
      family,
      filing(302, { attachmentIds: [mine, 'upl_missing', theirs.uploadId, never.uploadId] }),
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
    const declared = { fileName: 'e.pdf', contentType: 'application/pdf', size: 100 };
    const shorter = (await ticket(declared)).json as unknown as Ticket;
    await put(shorter, pdf(99));
    const retyped = (await ticket(declared)).json as unknown as Ticket;
    await put(retyped, pdf(100), 'image/png');
    const answer = await submit(
      runtime,
      family,
      filing(305, { attachmentIds: [shorter.uploadId, retyped.uploadId] }),
    );
    const error = expectEnvelope(answer, 400, 'VALIDATION_FAILED');
    expect(error.details.map((d) => d.path)).toEqual(['body.attachmentIds.0', 'body.attachmentIds.1']);
  });
});
