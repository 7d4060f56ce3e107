import { randomUUID } from 'node:crypto';
import { type DistrictCode, type ImportView, idNumberCheckCharacter, sourceHeaders } from '@hongjia/shared';
import iconv from 'iconv-lite';
import { expect } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call } from './harness';
import { put, sha256Of, type Ticket } from './upload-fixtures';

/** Files as hospitals send them, uploaded as staff do, imported and followed to the end. */

export function idNumberOf(region: string, birthDate: string, serial: number, sex: 'M' | 'F'): string {
  const digit = sex === 'F' ? (serial * 2) % 10 : (serial * 2 + 1) % 10;
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(serial % 100)
    .padStart(3, '0')
    .slice(0, 2)}${digit}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

export interface DeliveryFixture {
  deliveryId: string;
  motherIdNumber: string;
  motherName: string;
  hospital?: string;
  district: DistrictCode | string;
  deliveryDate: string;
  childSex: 'M' | 'F' | string;
  birthWeightG: number | string;
  parity: number | string;
}

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A CSV of rows (objects by column), header first, `eol` between lines. */
export function csvOf(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  eol = '\n',
): string {
  return (
    [columns.join(','), ...rows.map((row) => columns.map((c) => quote(String(row[c] ?? ''))).join(','))].join(
      eol,
    ) + eol
  );
}

export const deliveriesCsv = (rows: readonly DeliveryFixture[], eol = '\n') =>
  csvOf(
    sourceHeaders.hospital_delivery,
    rows.map((row) => ({ hospital: '南昌市妇幼保健院', ...row })),
    eol,
  );

export const utf8 = (text: string, bom = false) =>
  new Uint8Array(
    Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]),
  );
export const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));

export async function uploadImportFile(
  runtime: LocalRuntime,
  token: string,
  bytes: Uint8Array,
  fileName = '分娩.csv',
  contentType = 'text/csv',
): Promise<string> {
  const body = new Uint8Array(bytes) as Uint8Array<ArrayBuffer>;
  const answer = await call(runtime, '/v1/uploads', {
    token,
    body: { fileName, contentType, size: body.length, sha256: sha256Of(body) },
    headers: { 'idempotency-key': randomUUID() },
  });
  expect(answer.status, answer.text).toBe(201);
  const ticket = answer.json as unknown as Ticket;
  const stored = await put(ticket, body);
  expect(stored.status).toBe(200);
  return ticket.uploadId;
}

export async function startImport(
  runtime: LocalRuntime,
  token: string,
  body: { source: string; uploadId: string; dryRun?: boolean },
  idempotencyKey: string = randomUUID(),
) {
  return call(runtime, '/v1/staff/monitoring/imports', {
    token,
    body,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

/** Follows an import until it is done or failed (the in-process queue runs it). */
export async function awaitImport(
  runtime: LocalRuntime,
  token: string,
  importId: string,
): Promise<ImportView> {
  for (let round = 0; round < 600; round++) {
    const answer = await call(runtime, `/v1/staff/monitoring/imports/${importId}`, { token });
    expect(answer.status, answer.text).toBe(200);
    const view = answer.json as unknown as ImportView;
    if (view.status === 'done' || view.status === 'failed') return view;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${importId} did not finish`);
}

export async function importFile(
  runtime: LocalRuntime,
  token: string,
  source: string,
  bytes: Uint8Array,
  options: { fileName?: string; contentType?: string; dryRun?: boolean } = {},
): Promise<ImportView> {
  const uploadId = await uploadImportFile(runtime, token, bytes, options.fileName, options.contentType);
  const started = await startImport(runtime, token, {
    source,
    uploadId,
    ...(options.dryRun ? { dryRun: true } : {}),
  });
  expect(started.status, started.text).toBe(202);
  const view = await awaitImport(runtime, token, (started.json as { id: string }).id);
  await runtime.queues.idle();
  return view;
}
