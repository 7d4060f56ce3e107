import { createCertificateService } from '@hongjia/functions/certificates/certificate-service';
import { createPrintCodeEntity } from '@hongjia/functions/certificates/print-code-entity';
import { createPrintService } from '@hongjia/functions/certificates/print-service';
import { createAccessChecks } from '@hongjia/functions/commons/access';
import type { AccessTableName } from '@hongjia/functions/commons/dynamo';
import { limits } from '@hongjia/functions/commons/limits';
import { createRateLimiter } from '@hongjia/functions/commons/rate-limit';
import { createUserEntity, createUserStore } from '@hongjia/functions/commons/users';
import { createServicePointEntity } from '@hongjia/functions/service-points/entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { certificateWriter } from './certificates-fixtures';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';

const accessTable = () => process.env.ACCESS_TABLE_NAME as AccessTableName;

let runtime: LocalRuntime;
let close: () => Promise<void>;
let writer: ReturnType<typeof certificateWriter>;
let family: { token: string; user: { id: string; roles: string[] } };
let terminal: { token: string };
let printPoint: string;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  writer = certificateWriter(runtime);
  family = await signIn(runtime, 'print-family-1');
  terminal = await signIn(runtime, 'terminal-360102');
  const points = await call(runtime, '/v1/service-points/nearby?district=360102&service=print&limit=50');
  const items = points.json?.items as { id: string; district: string }[];
  printPoint = (items.find((point) => point.district === '360102') as { id: string }).id;
});
afterAll(async () => {
  writer?.client.destroy();
  await close?.();
});

const newCode = (certificateId: string, key: string) =>
  call(runtime, `/v1/me/certificates/${certificateId}/print-codes`, {
    token: family.token,
    method: 'POST',
    headers: { 'idempotency-key': key },
  });

describe('print codes over HTTP', () => {
  it('gives a 6-digit code valid 24 h; a replayed request gets the same code', async () => {
    const certificate = await writer.issue(family.user.id);
    const before = Date.now();
    const first = await newCode(certificate.certificateId, 'print-code-a1');
    expect(first.status, first.text).toBe(201);
    expect(first.json?.code).toMatch(/^\d{6}$/);
    const expiresIn = Date.parse(first.json?.expiresAt as string) - before;
    expect(expiresIn).toBeGreaterThan(24 * 3600_000 - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(24 * 3600_000 + 60_000);
    expect((await newCode(certificate.certificateId, 'print-code-a1')).json).toEqual(first.json);
  });

  it('prints once: the terminal redeems it, counts the print, and the second try is refused as unknown', async () => {
    const certificate = await writer.issue(family.user.id);
    const { json } = await newCode(certificate.certificateId, 'print-code-b1');
    const job = await call(runtime, '/v1/print-jobs', {
      token: terminal.token,
      body: { code: json?.code, pointId: printPoint },
    });
    expect(job.status, job.text).toBe(201);
    expect(job.json?.printCount).toBe(1);
    expect((job.json?.certificate as { id: string } | undefined)?.id).toBe(certificate.certificateId);
    const again = await call(runtime, '/v1/print-jobs', {
      token: terminal.token,
      body: { code: json?.code, pointId: printPoint },
    });
    expectEnvelope(again, 404, 'NOT_FOUND');
    const detail = await call(runtime, `/v1/me/certificates/${certificate.certificateId}`, {
      token: family.token,
    });
    expect(detail.json?.printCount).toBe(1);
  });

  it('redeems concurrently at most once', async () => {
    const certificate = await writer.issue(family.user.id);
    const { json } = await newCode(certificate.certificateId, 'print-code-c1');
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(runtime, '/v1/print-jobs', {
          token: terminal.token,
          body: { code: json?.code, pointId: printPoint },
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 404)).toHaveLength(7);
  });

  it('refuses families, terminals of another district, and unknown codes', async () => {
    const certificate = await writer.issue(family.user.id);
    const { json } = await newCode(certificate.certificateId, 'print-code-d1');
    const body = { code: json?.code, pointId: printPoint };
    expectEnvelope(await call(runtime, '/v1/print-jobs', { token: family.token, body }), 403, 'FORBIDDEN');
    const elsewhere = await signIn(runtime, 'terminal-360124');
    expectEnvelope(await call(runtime, '/v1/print-jobs', { token: elsewhere.token, body }), 403, 'FORBIDDEN');
    const unknown = { code: json?.code === '000000' ? '000001' : '000000', pointId: printPoint };
    expectEnvelope(
      await call(runtime, '/v1/print-jobs', { token: terminal.token, body: unknown }),
      404,
      'NOT_FOUND',
    );
  });

  it('are bounded per certificate per day', async () => {
    const certificate = await writer.issue(family.user.id);
    for (let i = 0; i < 5; i++)
      expect((await newCode(certificate.certificateId, `print-day-${i}-x`)).status).toBe(201);
    expectEnvelope(await newCode(certificate.certificateId, 'print-day-6-x'), 429, 'RATE_LIMITED');
    const other = await signIn(runtime, 'print-family-2');
    const theirs = await call(runtime, `/v1/me/certificates/${certificate.certificateId}/print-codes`, {
      token: other.token,
      method: 'POST',
      headers: { 'idempotency-key': 'print-other-1' },
    });
    expectEnvelope(theirs, 404, 'NOT_FOUND');
  });
});

describe('print codes with an injected clock', () => {
  const service = () => {
    const table = process.env.TABLE_NAME as string;
    const users = createUserStore(createUserEntity(writer.client, accessTable()));
    return createPrintService({
      certificates: writer.entity,
      codes: createPrintCodeEntity(writer.client, table),
      points: createServicePointEntity(writer.client, table),
      users,
      service: createCertificateService({ items: writer.items, access: createAccessChecks() }),
      limiter: createRateLimiter({ client: writer.client, table }),
      perDay: 2,
    });
  };
  const terminalCaller = async () => {
    const { user } = await signIn(runtime, 'terminal-360102');
    return { id: user.id, roles: ['terminal' as const] };
  };
  const caller = () => ({ id: family.user.id, roles: ['family' as const] });

  it('expires a code 24 h after it was given: a second before still prints, at the hour it does not', async () => {
    const prints = service();
    const t0 = new Date('2030-05-01T02:00:00.000Z');
    const late = await prints.create(caller(), (await writer.issue(family.user.id)).certificateId, t0);
    const onTime = await prints.create(caller(), (await writer.issue(family.user.id)).certificateId, t0);
    const at = new Date(t0.getTime() + 24 * 3600_000);
    await expect(
      prints.redeem(await terminalCaller(), { code: late.code, pointId: printPoint }, at),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const job = await prints.redeem(
      await terminalCaller(),
      { code: onTime.code, pointId: printPoint },
      new Date(at.getTime() - 1000),
    );
    expect(job.printCount).toBe(1);
  });

  it('starts a new allowance on the next Shanghai day', async () => {
    const prints = service();
    const { certificateId } = await writer.issue(family.user.id);
    // 15:59 UTC and 16:00 UTC are 23:59 and 00:00 in Nanchang: two different days.
    const evening = new Date('2030-05-02T15:59:00.000Z');
    await prints.create(caller(), certificateId, evening);
    await prints.create(caller(), certificateId, evening);
    await expect(prints.create(caller(), certificateId, evening)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    await expect(
      prints.create(caller(), certificateId, new Date('2030-05-02T16:00:00.000Z')),
    ).resolves.toMatchObject({
      code: expect.stringMatching(/^\d{6}$/),
    });
  });

  it('never hands out a code that is still live, but reuses an expired one', async () => {
    const table = process.env.TABLE_NAME as string;
    const users = createUserStore(createUserEntity(writer.client, accessTable()));
    const codes = ['424242', '424242', '424243'];
    const prints = createPrintService({
      certificates: writer.entity,
      codes: createPrintCodeEntity(writer.client, table),
      points: createServicePointEntity(writer.client, table),
      users,
      service: createCertificateService({ items: writer.items, access: createAccessChecks() }),
      limiter: createRateLimiter({ client: writer.client, table }),
      perDay: 5,
      newCode: () => codes.shift() ?? '999999',
    });
    const t0 = new Date('2030-06-01T02:00:00.000Z');
    const a = await prints.create(caller(), (await writer.issue(family.user.id)).certificateId, t0);
    const b = await prints.create(caller(), (await writer.issue(family.user.id)).certificateId, t0);
    expect([a.code, b.code]).toEqual(['424242', '424243']);
    codes.push('424242');
    const c = await prints.create(
      caller(),
      (await writer.issue(family.user.id)).certificateId,
      new Date(t0.getTime() + 24 * 3600_000),
    );
    expect(c.code).toBe('424242');
  });
});

describe('print-code guessing', () => {
  /** A terminal of its own (東湖区), so its failures are counted apart from the other tests'. */
  const freshTerminal = async (name: string) => {
    const users = createUserStore(createUserEntity(writer.client, accessTable()));
    await users.getOrCreate({ openid: name, roles: ['terminal'], district: '360102' }, new Date());
    return signIn(runtime, name);
  };
  const redeem = (token: string, code: string) =>
    call(runtime, '/v1/print-jobs', { token, body: { code, pointId: printPoint } });

  it('answers unknown, used and expired codes alike: one status, code and message', async () => {
    const terminalA = await freshTerminal('terminal-guess-a');
    const used = await newCode((await writer.issue(family.user.id)).certificateId, 'print-guess-used');
    expect((await redeem(terminalA.token, used.json?.code as string)).status).toBe(201);
    const expiring = await newCode((await writer.issue(family.user.id)).certificateId, 'print-guess-expired');
    const table = process.env.TABLE_NAME as string;
    await createPrintCodeEntity(writer.client, table)
      .patch({ code: expiring.json?.code as string })
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .go();
    const taken = new Set([used.json?.code, expiring.json?.code]);
    const unknownCode = ['100000', '100001', '100002'].find((code) => !taken.has(code)) as string;

    const answers = [
      await redeem(terminalA.token, unknownCode),
      await redeem(terminalA.token, used.json?.code as string),
      await redeem(terminalA.token, expiring.json?.code as string),
    ];
    for (const answer of answers) expectEnvelope(answer, 404, 'NOT_FOUND');
    const shapes = answers.map((answer) => {
      const { requestId: _requestId, ...error } = (answer.json?.error ?? {}) as Record<string, unknown>;
      return error;
    });
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
  });

  it('refuses the 11th failure in ten minutes with 429 and Retry-After, even for a good code', async () => {
    const terminalB = await freshTerminal('terminal-guess-b');
    const good = await newCode((await writer.issue(family.user.id)).certificateId, 'print-guess-good');
    const wrong = good.json?.code === '200000' ? '200001' : '200000';
    for (let i = 0; i < limits.printRedeemFailures.limit; i++) {
      expectEnvelope(await redeem(terminalB.token, wrong), 404, 'NOT_FOUND');
    }
    const eleventh = await redeem(terminalB.token, wrong);
    expectEnvelope(eleventh, 429, 'RATE_LIMITED');
    const retryAfter = Number(eleventh.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // Past its failures the terminal learns nothing, not even from a code that would print.
    expectEnvelope(await redeem(terminalB.token, good.json?.code as string), 429, 'RATE_LIMITED');
    // Another terminal is not held back by this one's guessing.
    const terminalC = await freshTerminal('terminal-guess-c');
    expect((await redeem(terminalC.token, good.json?.code as string)).status).toBe(201);
  });

  it('does not count a code that printed, and starts again in the next window', async () => {
    const { user } = await freshTerminal('terminal-guess-d');
    const terminalCaller = { id: user.id, roles: ['terminal' as const] };
    const table = process.env.TABLE_NAME as string;
    const users = createUserStore(createUserEntity(writer.client, accessTable()));
    const prints = createPrintService({
      certificates: writer.entity,
      codes: createPrintCodeEntity(writer.client, table),
      points: createServicePointEntity(writer.client, table),
      users,
      service: createCertificateService({ items: writer.items, access: createAccessChecks() }),
      limiter: createRateLimiter({ client: writer.client, table }),
      perDay: 50,
    });
    const caller = { id: family.user.id, roles: ['family' as const] };
    const t0 = new Date('2030-07-01T02:00:00.000Z');
    const wrong = async (at: Date) =>
      prints.redeem(terminalCaller, { code: '999999', pointId: printPoint }, at).catch((error) => error);
    for (let i = 0; i < 9; i++) expect(await wrong(t0)).toMatchObject({ code: 'NOT_FOUND' });
    // Twelve good prints in the same window: none of them counts as a failure.
    for (let i = 0; i < 12; i++) {
      const { code } = await prints.create(caller, (await writer.issue(family.user.id)).certificateId, t0);
      await expect(prints.redeem(terminalCaller, { code, pointId: printPoint }, t0)).resolves.toMatchObject({
        printCount: 1,
      });
    }
    expect(await wrong(t0)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await wrong(t0)).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 600 });
    expect(await wrong(new Date(t0.getTime() + 10 * 60_000))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
