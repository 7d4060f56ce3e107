import { DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { isValidCreditCode, parseIdNumber } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call, signIn, startTestRuntime } from './harness';
import { createFamily, familyBody } from './special-family-fixtures';

/**
 * SPEC §4: phones and ID numbers are encrypted at rest. The seed books places
 * for 50 families through the booking service; no stored string may look like
 * a mobile number or an ID number. (A scan, in this test only.)
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
});
afterAll(async () => close?.());

/** An ID number passes GB 11643; institutions' credit codes (public data) are 18 characters too. */
function looksPersonal(text: string): boolean {
  // Whole tokens only: hex ids such as slt_8f…139109157… are not phones.
  if (/(^|[^0-9A-Za-z])1[3-9]\d{9}([^0-9A-Za-z]|$)/.test(text)) return true;
  return (text.match(/(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/g) ?? []).some(
    (candidate) => parseIdNumber(candidate, '2100-01-01').ok && !isValidCreditCode(candidate),
  );
}

function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value) || value instanceof Set) for (const item of value) yield* strings(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* strings(item);
}

describe('personal data at rest', () => {
  it('stores no phone or ID number in clear text', async () => {
    const client = new DynamoDBClient({
      endpoint: runtime.dynamoEndpoint,
      region: 'cn-northwest-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    let bookings = 0;
    let specialFamilies = 0;
    const leaks: string[] = [];
    let users = 0;
    // The domain table and the tables of user records and audit trails (decision 0016).
    const tables = [process.env.TABLE_NAME, process.env.ACCESS_TABLE_NAME, process.env.AUDIT_TABLE_NAME];
    for (const TableName of tables) {
      for await (const page of paginateScan({ client }, { TableName })) {
        for (const raw of page.Items ?? []) {
          const item = unmarshall(raw);
          if (item.__edb_e__ === 'booking') bookings++;
          if (item.__edb_e__ === 'specialFamily') specialFamilies++;
          if (item.__edb_e__ === 'user') users++;
          for (const text of strings(item)) {
            if (looksPersonal(text)) leaks.push(text);
          }
        }
      }
    }
    client.destroy();
    expect(bookings).toBeGreaterThan(0);
    expect(specialFamilies).toBeGreaterThan(0);
    expect(users).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });

  it('keeps a replayable response with a special family’s data sealed in the idempotency table', async () => {
    const staff = (await signIn(runtime, 'staff-360102')).token;
    const body = familyBody(9_301);
    const first = await createFamily(runtime, staff, body, 'pii-at-rest-family-1');
    expect(first.status).toBe(201);
    const replay = await createFamily(runtime, staff, body, 'pii-at-rest-family-1');
    expect(replay.status).toBe(201);
    expect(replay.json).toEqual(first.json);
    // The response carries the members' names and phones whole (staff call them)…
    expect(JSON.stringify(first.json)).toContain('13807910001');

    const client = new DynamoDBClient({
      endpoint: runtime.dynamoEndpoint,
      region: 'cn-northwest-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const stored: string[] = [];
    for await (const page of paginateScan({ client }, { TableName: process.env.IDEMPOTENCY_TABLE_NAME })) {
      for (const raw of page.Items ?? []) stored.push(...strings(unmarshall(raw)));
    }
    client.destroy();
    // …but the record kept for replays holds none of it in clear.
    expect(stored.some((text) => text.includes('pii2.'))).toBe(true);
    expect(stored.filter(looksPersonal)).toEqual([]);
    expect(stored.filter((text) => text.includes('王秀英') || text.includes('李建国'))).toEqual([]);
  });

  it('shows a family its booking with the phone masked', async () => {
    const session = await signIn(runtime, 'family-1');
    const answer = await call(runtime, '/v1/me/bookings', { token: session.token });
    expect(answer.status).toBe(200);
    const items = (answer.json as { items: { guardianPhoneMasked: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.guardianPhoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });
});
