import { limits } from '@hongjia/functions/commons/limits';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { idNumber, key, registrationBody } from './registration-fixtures';
import { pdfBytes, requestTicket, sha256Of } from './upload-fixtures';

/**
 * Per-user limits (decision 0018, commons/limits.ts) over HTTP: the request
 * past the limit is 429 RATE_LIMITED in the envelope with a Retry-After that
 * says when the window ends; a request that did not validate costs nothing.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
});
afterAll(async () => close?.());

/** Real time: wait out the last seconds of a window so the counted requests all fall in one. */
async function insideOneWindow(windowSeconds: number, needSeconds: number) {
  const intoWindow = (Date.now() / 1000) % windowSeconds;
  if (windowSeconds - intoWindow < needSeconds) {
    await new Promise((resolve) => setTimeout(resolve, (windowSeconds - intoWindow + 0.5) * 1000));
  }
}

function expectRetryAfter(answer: Awaited<ReturnType<typeof call>>, windowSeconds: number) {
  expectEnvelope(answer, 429, 'RATE_LIMITED');
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

const signInCode = (openid: string) => call(runtime, '/v1/auth/wechat', { body: { code: `dev:${openid}` } });

describe('sign-in', () => {
  it('refuses the 31st sign-in of one openid in a minute with 429 and Retry-After; another openid signs in', async () => {
    await insideOneWindow(60, 20);
    for (let i = 0; i < limits.signIn.limit; i++) expect((await signInCode('eager-family')).status).toBe(200);
    expectRetryAfter(await signInCode('eager-family'), 60);
    expect((await signInCode('calm-family')).status).toBe(200);
  });
});

describe('registration submit', () => {
  it('refuses the 21st submit of an account in an hour, whatever became of the first twenty', async () => {
    const { token } = await signIn(runtime, 'busy-filer');
    await insideOneWindow(3600, 60);
    // Without a real-name binding each submit is refused by the service, after it was counted.
    for (let i = 0; i < limits.registrationSubmit.limit; i++) {
      const answer = await call(runtime, '/v1/registrations', {
        token,
        body: registrationBody(500 + i),
        headers: { 'idempotency-key': key('reg-limit') },
      });
      expect(answer.status, answer.text).toBe(403);
    }
    const refused = await call(runtime, '/v1/registrations', {
      token,
      body: registrationBody(600),
      headers: { 'idempotency-key': key('reg-limit') },
    });
    expectRetryAfter(refused, 3600);
    // Another family is not held back.
    const other = await signIn(runtime, 'calm-filer');
    const theirs = await call(runtime, '/v1/registrations', {
      token: other.token,
      body: registrationBody(601),
      headers: { 'idempotency-key': key('reg-limit') },
    });
    expect(theirs.status).toBe(403);
  });

  it('does not count a request that did not validate', async () => {
    const { token } = await signIn(runtime, 'sloppy-filer');
    await insideOneWindow(3600, 60);
    for (let i = 0; i < limits.registrationSubmit.limit + 5; i++) {
      const answer = await call(runtime, '/v1/registrations', {
        token,
        body: { kind: 'registration' },
        headers: { 'idempotency-key': key('reg-bad') },
      });
      expect(answer.status).toBe(400);
    }
    const valid = await call(runtime, '/v1/registrations', {
      token,
      body: registrationBody(700),
      headers: { 'idempotency-key': key('reg-bad') },
    });
    expect(valid.status).toBe(403);
  });
});

describe('a request the service failed', () => {
  it('gives its count back: an outage does not spend a family allowance (5xx is ours, not theirs)', async () => {
    const { token } = await signIn(runtime, 'unlucky-uploader');
    await insideOneWindow(3600, 60);
    const bytes = pdfBytes(2048);
    const body = {
      fileName: '出生证明.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: sha256Of(bytes),
    };
    // The upload item's write fails as a store outage would, for as many tries as the hour allows.
    const { injectFaults, pkStartsWith } = await import('./faults');
    const faults = await injectFaults([
      {
        command: 'PutItemCommand',
        matches: pkStartsWith('$hongjia#uploadid_'),
        when: 'before',
        times: limits.uploads.limit,
      },
    ]);
    try {
      for (let i = 0; i < limits.uploads.limit; i++) {
        expect((await requestTicket(runtime, token, body)).status).toBe(500);
      }
    } finally {
      faults.remove();
    }
    expect(faults.failed()).toBe(limits.uploads.limit);
    expect((await requestTicket(runtime, token, body)).status).toBe(201);
  });
});

describe('identity binding and uploads', () => {
  it('refuses the 6th identity binding of an account in a day', async () => {
    const { token } = await signIn(runtime, 'binding-family');
    await insideOneWindow(86_400, 60);
    for (let i = 0; i < limits.identityBinding.limit; i++) {
      const answer = await call(runtime, '/v1/me/identity', {
        token,
        body: { name: '张三丰', idNumber: idNumber('M', 800 + i) },
        headers: { 'idempotency-key': key('bind') },
      });
      expect(answer.status, answer.text).toBeLessThan(429);
    }
    const sixth = await call(runtime, '/v1/me/identity', {
      token,
      body: { name: '张三丰', idNumber: idNumber('M', 899) },
      headers: { 'idempotency-key': key('bind') },
    });
    expectRetryAfter(sixth, 86_400);
  });

  it('refuses the 51st upload ticket of an account in an hour', async () => {
    const { token } = await signIn(runtime, 'uploading-family');
    await insideOneWindow(3600, 60);
    const bytes = pdfBytes(1024);
    const body = {
      fileName: '结婚证.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: sha256Of(bytes),
    };
    for (let i = 0; i < limits.uploads.limit; i++) {
      expect((await requestTicket(runtime, token, body)).status).toBe(201);
    }
    expectRetryAfter(await requestTicket(runtime, token, body), 3600);
  });
});
