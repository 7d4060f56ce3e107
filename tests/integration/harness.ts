import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorEnvelope } from '@hongjia/shared';
import { expect } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../local/runtime';
import { observe } from './disclosure';

/**
 * Starts the real local runtime (dynalite, s3rver, the API Gateway adapter and
 * the deployed handlers) on free ports with a fresh seeded data dir.
 */
/** `monitoringBirthsPerDistrict`: seed a monitoring year (none by default: tests import their own). */
export async function startTestRuntime(
  options: { monitoringBirthsPerDistrict?: number } = {},
): Promise<{ runtime: LocalRuntime; close: () => Promise<void> }> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const dataDir = mkdtempSync(join(tmpdir(), 'hongjia-it-'));
  const runtime = await startLocalRuntime({
    dataDir,
    port: 0,
    monitoringBirthsPerDistrict: options.monitoringBirthsPerDistrict ?? 0,
  });
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
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
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
