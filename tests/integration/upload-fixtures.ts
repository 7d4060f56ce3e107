import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call } from './harness';
import { key } from './registration-fixtures';

/** Attachments as the mini-program sends them: declare (with the SHA-256), then PUT the bytes. */
export interface Ticket {
  uploadId: string;
  url: string;
  headers: Record<string, string>;
  expiresAt: string;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

/** A file that starts like a PDF (`%PDF-`), `size` bytes, the rest `fill`. */
export function pdfBytes(size: number, fill = 0x20): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size).fill(fill);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n').subarray(0, size));
  return bytes;
}

export const pngBytes = (size: number) => {
  const bytes = new Uint8Array(size).fill(7);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
};

export function requestTicket(
  runtime: LocalRuntime,
  token: string,
  body: unknown,
  idempotencyKey = key('upl'),
) {
  return call(runtime, '/v1/uploads', { token, body, headers: { 'idempotency-key': idempotencyKey } });
}

/** The PUT with the ticket's headers (fetch sets Content-Length itself), and `override`s. */
export function put(ticket: Ticket, bytes: Uint8Array<ArrayBuffer>, override: Record<string, string> = {}) {
  const headers = Object.fromEntries(
    Object.entries({ ...ticket.headers, ...override }).filter(
      ([name]) => name.toLowerCase() !== 'content-length',
    ),
  );
  return fetch(ticket.url, { method: 'PUT', headers, body: bytes });
}

/** Declares `bytes` as `fileName`, uploads them, and returns the upload id. */
export async function uploaded(
  runtime: LocalRuntime,
  token: string,
  bytes: Uint8Array<ArrayBuffer> = pdfBytes(2048),
  fileName = '结婚证.pdf',
  contentType = 'application/pdf',
): Promise<string> {
  const answer = await requestTicket(runtime, token, {
    fileName,
    contentType,
    size: bytes.length,
    sha256: sha256Of(bytes),
  });
  expect(answer.status, answer.text).toBe(201);
  const ticket = answer.json as unknown as Ticket;
  expect((await put(ticket, bytes)).status).toBe(200);
  return ticket.uploadId;
}
