import { createHmac, timingSafeEqual } from 'node:crypto';
import { validationFailed } from './errors';
import { readCursorSecret } from './secrets';

/**
 * Opaque list cursors: the store's last evaluated key, base64url JSON, with an
 * HMAC so a client cannot edit it to read past its own partition. A cursor
 * that does not verify is a 400, never a 500 or someone else's page. The key
 * is the cursors' own (decision 0017), held only by the groups that page.
 */
async function cursorKey(): Promise<Buffer> {
  return createHmac('sha256', await readCursorSecret())
    .update('hongjia-cursor-v1')
    .digest();
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest().subarray(0, 16);
}

export async function encodeCursor(value: unknown): Promise<string | null> {
  if (value === null || value === undefined) return null;
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${mac(await cursorKey(), payload).toString('base64url')}`;
}

/** `path` names the cursor in the error details (a POST body carries it as `body.cursor`). */
export async function decodeCursor<T = unknown>(
  cursor: string | undefined,
  path = 'query.cursor',
): Promise<T | undefined> {
  if (cursor === undefined) return undefined;
  const invalid = validationFailed('分页游标无效，请从第一页重新加载', [
    { path, message: '游标已损坏或被修改' },
  ]);
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) throw invalid;
  const expected = mac(await cursorKey(), payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as T;
  } catch {
    throw invalid;
  }
}
