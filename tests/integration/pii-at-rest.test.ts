import { createHash } from 'node:crypto';
import { DynamoDBClient, ListTablesCommand, paginateScan } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ageInMonths, isValidCreditCode, parseIdNumber } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call, signIn, startTestRuntime } from './harness';
import { idNumber as parentIdNumber } from './registration-fixtures';
import { bindIdentity, createFamily, familyBody, idempotencyKey } from './special-family-fixtures';

/**
 * SPEC §4: personal data is encrypted at rest. The seed writes through the
 * services (special families, help requests, registrations, bookings), the
 * flows below write more through the API, and then a raw scan of EVERY table
 * (main and idempotency) may find none of their people's names, ID numbers,
 * phones, birth or event dates, free texts, a family's kind, a request's
 * category, or a live print code. (A scan, in this test only.)
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBClient;
/** The seed's planning modules, imported once the runtime has set the functions' environment. */
let seed: {
  planChildcare: typeof import('../../local/seed/index').planChildcare;
  planRegistrations: typeof import('../../local/seed/registrations').planRegistrations;
  planSpecialFamilies: typeof import('../../local/seed/special-families').planSpecialFamilies;
  seededHelpRequests: typeof import('../../local/seed/special-families').seededHelpRequests;
};

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  seed = {
    ...(await import('../../local/seed/index')),
    ...(await import('../../local/seed/registrations')),
    ...(await import('../../local/seed/special-families')),
  };
  client = new DynamoDBClient({
    endpoint: runtime.dynamoEndpoint,
    region: 'cn-northwest-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}, 120_000);
afterAll(async () => {
  client?.destroy();
  await close?.();
});

/** An ID number passes GB 11643; institutions' credit codes (public data) are 18 characters too. */
function looksPersonal(text: string): boolean {
  // Whole tokens only: hex ids such as slt_8f…139109157… are not phones.
  if (/(^|[^0-9A-Za-z])1[3-9]\d{9}([^0-9A-Za-z]|$)/.test(text)) return true;
  return (text.match(/(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/g) ?? []).some(
    (candidate) => parseIdNumber(candidate, '2100-01-01').ok && !isValidCreditCode(candidate),
  );
}

/** Every string in an item, with where it sits (`members.0.nameSealed`). */
function* strings(value: unknown, path = ''): Generator<[path: string, text: string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value) || value instanceof Set) {
    let index = 0;
    for (const item of value) yield* strings(item, `${path}.${index++}`);
  } else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* strings(item, path ? `${path}.${key}` : key);
}

function* booleans(value: unknown, path = ''): Generator<string> {
  if (typeof value === 'boolean') yield path;
  else if (Array.isArray(value))
    for (const [index, item] of value.entries()) yield* booleans(item, `${path}.${index}`);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) yield* booleans(item, path ? `${path}.${key}` : key);
}

interface StoredItem {
  table: string;
  entity: string;
  item: Record<string, unknown>;
}

/** Every item of every table of the runtime (main, idempotency and any other). */
async function scanEverything(): Promise<StoredItem[]> {
  const tables = (await client.send(new ListTablesCommand({}))).TableNames ?? [];
  expect(tables).toEqual(
    expect.arrayContaining([process.env.TABLE_NAME, process.env.IDEMPOTENCY_TABLE_NAME]),
  );
  const found: StoredItem[] = [];
  for (const table of tables) {
    for await (const page of paginateScan({ client }, { TableName: table })) {
      for (const raw of page.Items ?? []) {
        const item = unmarshall(raw);
        found.push({ table, entity: String(item.__edb_e__ ?? 'raw'), item });
      }
    }
  }
  return found;
}

/** A value the tables must not hold in clear, and what it is (for the failure message). */
interface Secret {
  what: string;
  value: string;
}

const birthDateOf = (idNumber: string) => {
  const parsed = parseIdNumber(idNumber, '2100-01-01');
  if (!parsed.ok) throw new Error(`seed ID number ${idNumber} does not parse`);
  return parsed.facts.birthDate;
};

/**
 * The seed's own plaintext, from the seed's planning functions for the moment
 * it seeded (its marker records it): every special family's members, helpers,
 * dates; every registration's parents and children; every booked child; the
 * help requests' words.
 */
function seededSecrets(seededAt: Date): Secret[] {
  const secrets: Secret[] = [];
  const add = (what: string, value: string | undefined) => {
    if (value) secrets.push({ what, value });
  };
  for (const { body } of seed.planSpecialFamilies(seededAt)) {
    for (const member of body.members) {
      add('special family member name', member.name);
      add('special family member ID number', member.idNumber);
      add('special family member phone', member.phone);
      add('special family member birth date', birthDateOf(member.idNumber));
    }
    add('special family event date', body.childEventDate);
    add('special family contact person name', body.contactPerson?.name);
    add('special family contact person phone', body.contactPerson?.phone);
    add('special family doctor name', body.familyDoctor?.name);
    add('special family doctor phone', body.familyDoctor?.phone);
    for (const child of body.children ?? []) add('special family child birth date', child.birthDate);
  }
  for (const { body } of seed.planRegistrations(seededAt)) {
    for (const parent of [body.mother, body.father]) {
      add('registration parent name', parent.name);
      add('registration parent ID number', parent.idNumber);
      add('registration parent phone', parent.phone);
      add('registration parent birth date', birthDateOf(parent.idNumber));
    }
    for (const child of body.existingChildren) {
      add('registration child name', child.name);
      add('registration child birth date', child.birthDate);
    }
    add('registration reason', body.reason);
  }
  for (const slot of seed.planChildcare(seededAt).bookings) {
    for (const request of slot.requests) {
      add('booked child name', request.childName);
      add('booked child birth date', request.childBirthDate);
      add('booking guardian phone', request.guardianPhone);
    }
  }
  for (const request of seed.seededHelpRequests) add('help request description', request.description);
  return secrets;
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
/** A calendar day standing alone: not inside a longer number, not a timestamp (`T`, or `t` in ElectroDB's keys). */
const dayToken = /(?<![0-9-])\d{4}-\d{2}-\d{2}(?![0-9Tt-])/g;
/**
 * Dates kept in clear by design, which a seeded birth date may equal by chance: a family
 * doctor's contract day; the pregnancy date a registration's guard and monitoring's matching
 * read (clear on the registration since decision 0014, copied as is by monitoring, 0020);
 * the day a reconciliation item becomes due (a schedule, queried by range).
 */
const impersonalDateFields =
  /(^|\.)familyDoctor\.signedOn$|^monitoringRegistration\.pregnancyDate$|^monitoringGap\.visibleFrom$/;

/**
 * Each stored string holding a secret: names, numbers and free texts anywhere
 * in it (notification texts too), dates as whole days. Phones and ID numbers
 * are only looked for in strings with a run of 11 digits, names and texts only
 * in strings with a non-ASCII character: the same answer, in seconds.
 */
function leaksOf(stored: readonly StoredItem[], secrets: readonly Secret[]): string[] {
  const byDate = new Map<string, Secret[]>();
  const numeric: Secret[] = [];
  const textual: Secret[] = [];
  for (const secret of secrets) {
    if (isDate(secret.value)) byDate.set(secret.value, [...(byDate.get(secret.value) ?? []), secret]);
    else if (/^[ -~]*$/.test(secret.value)) numeric.push(secret);
    else textual.push(secret);
  }
  const leaks = new Set<string>();
  for (const { table, entity, item } of stored) {
    for (const [path, text] of strings(item)) {
      const found: Secret[] = [];
      if (!impersonalDateFields.test(`${entity}.${path}`))
        for (const [day] of text.matchAll(dayToken)) found.push(...(byDate.get(day) ?? []));
      if (/\d{11}/.test(text)) found.push(...numeric.filter((secret) => text.includes(secret.value)));
      if (/[^ -~]/.test(text)) found.push(...textual.filter((secret) => text.includes(secret.value)));
      for (const secret of found) leaks.add(`${secret.what} "${secret.value}" in ${table} ${entity}.${path}`);
    }
  }
  return [...leaks].sort();
}

const kinds = new Set(['bereaved', 'disabled']);
const categories = new Set(['daily_care', 'medical', 'mental_health', 'elderly_care', 'other']);

/** A special family's kind, a help request's category, a child's status: never in clear. */
function factsInClear(stored: readonly StoredItem[]): string[] {
  const found: string[] = [];
  for (const { table, entity, item } of stored) {
    for (const [path, text] of strings(item)) {
      if (/失独|伤残/.test(text)) found.push(`family kind in ${table} ${entity}.${path}: ${text}`);
      if ((entity === 'specialFamily' || entity === 'assistanceRequest') && kinds.has(text))
        found.push(`family kind in ${entity}.${path}`);
      if (entity === 'assistanceRequest' && categories.has(text)) found.push(`category in ${entity}.${path}`);
    }
    // The only booleans of a family record are its children's status (alive, adopted).
    if (entity === 'specialFamily')
      for (const path of booleans(item)) found.push(`child status in ${entity}.${path}`);
  }
  return found;
}

/** A stored token (digits, a signature) as a whole word: base64url ciphertext around it does not count. */
const holdsToken = (text: string, token: string) =>
  new RegExp(`(?<![0-9A-Za-z_-])${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9A-Za-z_-])`).test(text);

async function seededAt(): Promise<Date> {
  const stored = await scanEverything();
  const marker = stored.find(({ item }) => item.pk === 'seed#meta');
  expect(marker?.item.seededAt).toEqual(expect.any(String));
  return new Date(String(marker?.item.seededAt));
}

const post = (path: string, token: string, body: unknown = {}) =>
  call(runtime, path, { token, body, headers: { 'idempotency-key': idempotencyKey('at-rest') } });

async function consented(openid: string) {
  const session = await signIn(runtime, openid);
  // The privacy guideline first, as the mini-program's gate does.
  expect(
    (await post('/v1/me/consents', session.token, { kind: 'privacy_policy', version: '2026-01-01' })).status,
  ).toBe(201);
  return session;
}

/** What the flows below type in, on top of the seed. */
const flowSecrets: Secret[] = [];
const typed = <T extends string>(what: string, value: T): T => {
  flowSecrets.push({ what, value });
  return value;
};
/** Codes the flows were handed, which the stored idempotency responses must not hold. */
const handedCodes: Secret[] = [];

/**
 * The flows that write these entities through the API: a special family
 * created and corrected; a seeded member who consents to her contact person,
 * asks for help herself and is helped by proxy, and is answered; a mother who
 * binds her identity, files a re-approval with her children and a reason, is
 * returned and resubmits; a booking; a print code; an upload ticket.
 */
async function runFlows(now: Date) {
  const staff = (await signIn(runtime, 'staff-360102')).token;

  // A special family with every helper and a child, then corrected.
  const familyInput = familyBody(9_402, {
    contactPerson: {
      name: typed('flow contact name', '钱玉兰'),
      phone: typed('flow contact phone', '13907919402'),
    },
    familyDoctor: {
      name: typed('flow doctor name', '孙立新'),
      phone: typed('flow doctor phone', '13607919402'),
      institution: '东湖区社区卫生服务中心',
      signedOn: '2025-03-01',
    },
    children: [{ alive: false, birthDate: typed('flow child birth date', '1991-08-17'), sex: 'M' }],
  });
  for (const member of familyInput.members as { name: string; idNumber: string; phone: string }[]) {
    typed('flow member name', member.name);
    typed('flow member ID number', member.idNumber);
    typed('flow member phone', member.phone);
    typed('flow member birth date', birthDateOf(member.idNumber));
  }
  typed('flow event date', familyInput.childEventDate as string);
  const created = await createFamily(runtime, staff, familyInput);
  expect(created.status).toBe(201);
  const familyId = (created.json as { id: string }).id;
  const corrected = await call(runtime, `/v1/staff/special-families/${familyId}`, {
    method: 'PATCH',
    token: staff,
    body: {
      expectedVersion: 1,
      childEventDate: typed('flow corrected event date', '2018-04-09'),
      children: [
        { alive: false, birthDate: '1991-08-17', sex: 'M' },
        { alive: true, adopted: true, adoptedOn: typed('flow adoption date', '2020-02-29') },
      ],
    },
  });
  expect(corrected.status).toBe(200);

  // elder-1 (seeded, bound; her contact person is staff-360102's account) asks for help, by herself and by proxy.
  const elder = await consented('elder-1');
  expect(
    (
      await call(runtime, '/v1/me/special-family/proxy-consent', {
        token: elder.token,
        body: { granted: true },
      })
    ).status,
  ).toBe(200);
  const mine = await call(runtime, '/v1/me/special-family', { token: elder.token });
  expect(mine.status).toBe(200);
  const elderFamily = (mine.json as { id: string }).id;
  const own = await post('/v1/assistance/requests', elder.token, {
    category: 'mental_health',
    urgency: 'normal',
    description: typed('flow help request description', '最近晚上总睡不着，想找人说说话。'),
  });
  expect(own.status).toBe(201);
  const proxied = await post('/v1/assistance/requests', staff, {
    familyId: elderFamily,
    category: 'elderly_care',
    urgency: 'urgent',
    description: typed('flow proxied description', '老人独居，想了解附近的养老服务。'),
  });
  expect(proxied.status).toBe(201);
  const answered = await post(
    `/v1/staff/assistance/requests/${(own.json as { id: string }).id}/events`,
    staff,
    {
      kind: 'call',
      note: typed('flow event note', '已电话联系，周五上门陪同。'),
      expectedVersion: 1,
    },
  );
  expect(answered.status).toBe(200);

  // A mother binds her identity and files a re-approval with her children and a reason; returned, she resubmits.
  const mother = await consented('at-rest-mother');
  const motherId = parentIdNumber('F', 9_403);
  const fatherId = parentIdNumber('M', 9_403);
  const filing = {
    kind: 'reapproval',
    parity: 3,
    mother: {
      name: typed('flow mother name', '周美玲'),
      idNumber: typed('flow mother ID number', motherId),
      phone: typed('flow mother phone', '13812349403'),
      hukouDistrict: '360102',
    },
    father: {
      name: typed('flow father name', '吴国栋'),
      idNumber: typed('flow father ID number', fatherId),
      phone: typed('flow father phone', '13912349403'),
      hukouDistrict: '360102',
    },
    marriageDate: '2015-05-20',
    existingChildren: [
      {
        name: typed('flow child name', '吴思远'),
        birthDate: typed('flow child birth date', '2017-03-08'),
        sex: 'M',
      },
      {
        name: typed('flow child name', '吴思琪'),
        birthDate: typed('flow child birth date', '2020-11-23'),
        sex: 'F',
      },
    ],
    reason: typed('flow registration reason', '长子患先天性心脏病，经鉴定为病残儿，申请再生育。'),
  };
  typed('flow mother birth date', birthDateOf(motherId));
  typed('flow father birth date', birthDateOf(fatherId));
  expect((await bindIdentity(runtime, mother.token, filing.mother.name, motherId)).status).toBe(200);
  const filed = await post('/v1/registrations', mother.token, filing);
  expect(filed.status).toBe(201);
  const registrationId = (filed.json as { id: string }).id;
  const returned = await post(`/v1/staff/registrations/${registrationId}/review`, staff, {
    decision: 'return',
    comment: '请补充病残儿鉴定材料',
    expectedVersion: (filed.json as { version: number }).version,
  });
  expect(returned.status).toBe(200);
  const resubmitted = await post(`/v1/registrations/${registrationId}/resubmit`, mother.token, {
    ...filing,
    reason: typed('flow corrected reason', '长子经市级鉴定为病残儿（附鉴定书），申请再生育。'),
    expectedVersion: (returned.json as { version: number }).version,
  });
  expect(resubmitted.status).toBe(200);

  // A booking of a toddler place by a seeded family.
  const parent = await consented('family-1');
  const { slots } = seed.planChildcare(now);
  // Not on the first date: the seed's bookings filled some of its slots.
  const firstDate = slots.map((s) => s.date).sort()[0];
  const slot = slots.find((s) => s.ageClass === 'toddler' && s.date !== firstDate);
  if (!slot) throw new Error('the seed has no later toddler slot');
  const toddler = new Date(Date.parse(`${slot.date}T00:00:00Z`) - 540 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  expect(ageInMonths(toddler, slot.date)).toBeGreaterThanOrEqual(12);
  const booked = await post(`/v1/childcare/slots/${slot.slotId}/bookings`, parent.token, {
    childName: typed('flow booked child name', '郑安然'),
    childBirthDate: typed('flow booked child birth date', toddler),
    guardianPhone: typed('flow guardian phone', '13712349403'),
    guardianConsent: true,
  });
  expect(booked.status).toBe(201);

  // family-11 filed the seed's first clean registration (approved, certified): a print code for it.
  const filer = await consented('family-11');
  const certificates = await call(runtime, '/v1/me/certificates', { token: filer.token });
  const certificateId = (certificates.json as { items: { id: string }[] }).items[0]?.id;
  expect(certificateId).toEqual(expect.any(String));
  const printCode = await post(`/v1/me/certificates/${certificateId}/print-codes`, filer.token);
  expect(printCode.status).toBe(201);
  handedCodes.push({ what: 'live print code', value: (printCode.json as { code: string }).code });

  // An upload ticket: its presigned URL is a credential for 15 minutes.
  const bytes = Buffer.from('%PDF-1.4 at rest');
  const ticket = await post('/v1/uploads', mother.token, {
    fileName: 'jianding.pdf',
    contentType: 'application/pdf',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('base64'),
  });
  expect(ticket.status).toBe(201);
  const signature = new URL((ticket.json as { url: string }).url).searchParams.get('X-Amz-Signature');
  expect(signature).toEqual(expect.any(String));
  handedCodes.push({ what: 'presigned upload signature', value: signature as string });
}

describe('personal data at rest', () => {
  it('stores no phone or ID number in clear text in any table', async () => {
    const stored = await scanEverything();
    expect(stored.filter((s) => s.entity === 'booking').length).toBeGreaterThan(0);
    expect(stored.filter((s) => s.entity === 'specialFamily').length).toBeGreaterThan(0);
    // User records and audit trails live in tables of their own (decision 0016): scanned too.
    expect(stored.filter((s) => s.entity === 'user').length).toBeGreaterThan(0);
    const leaks = stored.flatMap(({ table, entity, item }) =>
      [...strings(item)]
        .filter(([, text]) => looksPersonal(text))
        .map(([path]) => `${table} ${entity}.${path}`),
    );
    expect(leaks).toEqual([]);
  });

  it('keeps none of the seeded or filed names, numbers, phones, dates, kinds, categories or codes in clear, in any table', async () => {
    const now = await seededAt();
    const secrets = seededSecrets(now);
    // The seed's people are all there to look for (a broken plan would find nothing, vacuously).
    expect(secrets.filter((s) => s.what === 'booked child name').length).toBeGreaterThan(100);
    expect(secrets.filter((s) => s.what === 'registration child name').length).toBeGreaterThan(0);
    expect(secrets.filter((s) => s.what === 'special family member birth date').length).toBeGreaterThan(100);
    await runFlows(now);

    const stored = await scanEverything();
    for (const entity of [
      'specialFamily',
      'assistanceRequest',
      'registration',
      'registrationProbe',
      'booking',
    ])
      expect(
        stored.some((s) => s.entity === entity),
        entity,
      ).toBe(true);
    const idempotency = stored.filter((s) => s.table === process.env.IDEMPOTENCY_TABLE_NAME);
    const codes = idempotency.flatMap(({ item }) =>
      [...strings(item)].flatMap(([path, text]) =>
        handedCodes.filter((code) => holdsToken(text, code.value)).map((code) => `${code.what} in ${path}`),
      ),
    );
    expect({
      leaks: leaksOf(stored, [...secrets, ...flowSecrets]),
      facts: factsInClear(stored),
      codes,
    }).toEqual({ leaks: [], facts: [], codes: [] });
  }, 120_000);

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

    const stored = (await scanEverything())
      .filter((s) => s.table === process.env.IDEMPOTENCY_TABLE_NAME)
      .flatMap(({ item }) => [...strings(item)].map(([, text]) => text));
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
