import { defineRoute, pageOf } from '@hongjia/shared';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { AuditEvent, AuditTrail } from '../src/commons/audit';
import type { CallerStore } from '../src/commons/caller';
import { answeredRecords } from '../src/commons/read-audit';
import { createHttpHandler, implement } from '../src/commons/router';
import { generateSessionKeyPair, issueSessionToken } from '../src/commons/session';
import type { UserItem } from '../src/commons/users';

/** The router writes an audited read's entries before the answer leaves, and answers nothing without them. */
/** The stored users behind the tokens (the router reads them; here from memory, integration tests use the table). */
const callers: CallerStore = {
  load: async (userId) =>
    ({
      u_staff: { userId: 'u_staff', openid: 'o-staff', roles: ['staff'], district: '360102' },
      u_family: { userId: 'u_family', openid: 'o-family', roles: ['family'] },
    })[userId] as UserItem | undefined,
};
const now = new Date('2026-11-29T08:00:00Z');
const Row = z.object({ id: z.string(), district: z.string(), phone: z.string() });
const list = defineRoute({
  operationId: 'testList',
  method: 'GET',
  path: '/v1/test/rows',
  summary: 'test',
  tag: 'test',
  access: ['staff', 'family'],
  owner: 'districtScope',
  auditsReads: 'testRow',
  response: pageOf(Row),
});
const detail = defineRoute({
  operationId: 'testDetail',
  method: 'GET',
  path: '/v1/test/rows/{id}',
  summary: 'test',
  tag: 'test',
  access: ['staff'],
  owner: 'district',
  auditsReads: 'testRow',
  params: z.object({ id: z.string() }),
  response: Row,
});

function fakeTrail(fail = false) {
  const written: { actor: string; event: AuditEvent }[] = [];
  const trail: AuditTrail = {
    async record(actor, event) {
      if (fail) throw new Error('audit store down');
      written.push({ actor: actor.id, event });
    },
    async ofSubject() {
      return [];
    },
  };
  return { trail, written };
}

const event = (routeKey: string, token: string, id?: string) =>
  ({
    routeKey,
    rawPath: '/',
    headers: { authorization: `Bearer ${token}` },
    requestContext: { requestId: 'req-1', http: { sourceIp: '203.0.113.9', method: 'GET' } },
    ...(id ? { pathParameters: { id } } : {}),
  }) as unknown as APIGatewayProxyEventV2;

let staff: string;
let family: string;
beforeAll(async () => {
  const pair = await generateSessionKeyPair('router-audit');
  process.env.SESSION_SIGNING_KEY = JSON.stringify(pair.privateJwk);
  process.env.SESSION_VERIFY_KEYS = JSON.stringify(pair.publicJwks);
  staff = (await issueSessionToken({ id: 'u_staff', roles: ['staff'], district: '360102' }, now)).token;
  family = (await issueSessionToken({ id: 'u_family', roles: ['family'] }, now)).token;
});

const rows = [
  { id: 'r1', district: '360102', phone: '13800138000' },
  { id: 'r2', district: '360103', phone: '13800138001' },
];

describe('audited reads', () => {
  it('writes one entry per record shown, with the client IP and request id, before answering', async () => {
    const { trail, written } = fakeTrail();
    let answered = 0;
    const handler = createHttpHandler(
      [
        implement(list, async () => {
          answered++;
          return { items: rows, nextCursor: null };
        }),
      ],
      { clock: () => now, audit: trail, callers },
    );
    const response = await handler(event('GET /v1/test/rows', staff));
    expect(response.statusCode).toBe(200);
    expect(answered).toBe(1);
    expect(written.map((w) => [w.actor, w.event.subjectType, w.event.subjectId, w.event.district])).toEqual([
      ['u_staff', 'testRow', 'r1', '360102'],
      ['u_staff', 'testRow', 'r2', '360103'],
    ]);
    expect(written[0]?.event).toMatchObject({
      action: 'list',
      sourceIp: '203.0.113.9',
      requestId: 'req-1',
      note: 'testList',
    });
  });

  it('audits a detail under its id', async () => {
    const { trail, written } = fakeTrail();
    const handler = createHttpHandler([implement(detail, async () => rows[0] as z.infer<typeof Row>)], {
      clock: () => now,
      audit: trail,
      callers,
    });
    expect((await handler(event('GET /v1/test/rows/{id}', staff, 'r1'))).statusCode).toBe(200);
    expect(written.map((w) => [w.event.subjectId, w.event.action])).toEqual([['r1', 'read']]);
  });

  it('answers no data when the audit write fails', async () => {
    const { trail } = fakeTrail(true);
    const handler = createHttpHandler([implement(list, async () => ({ items: rows, nextCursor: null }))], {
      clock: () => now,
      audit: trail,
      callers,
    });
    const response = await handler(event('GET /v1/test/rows', staff));
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('13800138000');
  });

  it('does not audit a family reading (its own data)', async () => {
    const { trail, written } = fakeTrail();
    const handler = createHttpHandler([implement(list, async () => ({ items: rows, nextCursor: null }))], {
      clock: () => now,
      audit: trail,
      callers,
    });
    expect((await handler(event('GET /v1/test/rows', family))).statusCode).toBe(200);
    expect(written).toEqual([]);
  });

  it('finds the ids of nested records once each', () => {
    expect(
      answeredRecords({ id: 'a', jurisdiction: '360102', lacking: { x: [{ id: 'b' }, { id: 'a' }] } }),
    ).toEqual([{ id: 'a', district: '360102' }, { id: 'b' }]);
  });
});
