import { createUserEntity, createUserStore } from '@hongjia/functions/auth/users';
import { createCertificateService } from '@hongjia/functions/certificates/certificate-service';
import { createPrintCodeEntity } from '@hongjia/functions/certificates/print-code-entity';
import { createPrintService } from '@hongjia/functions/certificates/print-service';
import type { AccessTableName } from '@hongjia/functions/commons/dynamo';
import { createServicePointEntity } from '@hongjia/functions/service-points/entities';
import { createAccessChecks } from '@hongjia/functions/staff/jurisdiction';
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

  it('prints once: the terminal redeems it, counts the print, and the second try is 409', async () => {
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
    expectEnvelope(again, 409, 'CONFLICT');
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
    expect(answers.filter((a) => a.status === 409)).toHaveLength(7);
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
      service: createCertificateService({ certificates: writer.entity, access: createAccessChecks() }),
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
      service: createCertificateService({ certificates: writer.entity, access: createAccessChecks() }),
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
