import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorEnvelope } from '@hongjia/shared';
import { expect } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../local/runtime';
import { freshSeededDataDir } from '../seeded-city/fresh-data-dir';
import { observe } from './disclosure';

/**
 * Starts the real local runtime (dynalite, s3rver, the API Gateway adapter and
 * the deployed handlers) on free ports with a fresh copy of this run's seeded city
 * (its monitoring year is the seed's default). `monitoringBirthsPerDistrict` seeds a
 * city of its own instead, with that many births a district (0: none), which takes
 * the full seeding time.
 */
export async function startTestRuntime(
  options: { monitoringBirthsPerDistrict?: number } = {},
): Promise<{ runtime: LocalRuntime; close: () => Promise<void> }> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const births = options.monitoringBirthsPerDistrict;
  const dataDir =
    births === undefined ? freshSeededDataDir('hongjia-it-') : mkdtempSync(join(tmpdir(), 'hongjia-it-'));
  const runtime = await startLocalRuntime({ dataDir, port: 0, monitoringBirthsPerDistrict: births });
  return {
    runtime,
    close: async () => {
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface CallOptions {
  method?: string;
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function call(runtime: LocalRuntime, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${runtime.apiUrl}${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  // A file answer (a report's HTML or PDF) is no JSON: `text` carries it.
  const isJson = /json/.test(response.headers.get('content-type') ?? 'application/json');
  const json = text && isJson ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  // Every answer a family gets is checked for other families' record ids (disclosure.ts, setup.ts).
  observe({
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    path: path.split('?')[0] ?? path,
    token: options.token,
    requestBody: options.body,
    status: response.status,
    text,
    json,
  });
  return { status: response.status, headers: response.headers, json, text };
}

/**
 * A GET or JSON POST sent from another loopback address (127.0.0.2, …): the
 * local adapter reports the socket's address as API Gateway reports the
 * client's, so tests can be several clients without a forgeable header.
 */
export function callFrom(
  runtime: LocalRuntime,
  localAddress: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json?: Record<string, unknown>;
}> {
  const url = new URL(`${runtime.apiUrl}${path}`);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: body === undefined ? 'GET' : 'POST',
        localAddress,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            ...(text ? { json: JSON.parse(text) as Record<string, unknown> } : {}),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface SignInOptions {
  /**
   * A family agrees to the 隐私保护指引 on sign-in, as the mini-program's gate does, so the
   * personal-data routes let it through; `false` signs in without (to test the refusal).
   */
  consent?: boolean;
}

export async function signIn(runtime: LocalRuntime, openid: string, options: SignInOptions = {}) {
  const answer = await call(runtime, '/v1/auth/wechat', { body: { code: `dev:${openid}` } });
  expect(answer.status).toBe(200);
  const session = answer.json as {
    token: string;
    expiresAt: string;
    user: { id: string; roles: string[]; district?: string };
  };
  if (options.consent !== false && session.user.roles.includes('family')) {
    const agreed = await call(runtime, '/v1/me/consents', {
      token: session.token,
      body: { kind: 'privacy_policy' },
      // A key per sign-in: sign-ins of one user may race (one consent is stored either way).
      headers: { 'idempotency-key': `privacy-${randomUUID()}` },
    });
    expect(agreed.status, agreed.text).toBe(201);
  }
  return session;
}

/** Asserts the SPEC §3 envelope with the given code and a request id that matches the header. */
export function expectEnvelope(answer: Awaited<ReturnType<typeof call>>, status: number, code: string) {
  expect(answer.status).toBe(status);
  const envelope = ErrorEnvelope.parse(answer.json);
  expect(envelope.error.code).toBe(code);
  expect(envelope.error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(envelope.error.requestId).toBe(answer.headers.get('x-request-id'));
  return envelope.error;
}
