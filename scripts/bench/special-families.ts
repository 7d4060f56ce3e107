/**
 * Special families and help requests (issue 5) on the real local runtime:
 * 1. the overdue list of a district reads only the overdue requests (gsi2 key
 *    condition `dueAt < now`), so its p99 must not grow from 1k to 20k stored
 *    requests of that district (10 overdue at both sizes);
 * 2. coverage (三个全覆盖) and 免申即享 screening read the whole district
 *    (decision 0010): linear by design, reported per 1,000 families at 500 and
 *    5,000, with their time split by step. Screening pages through the district
 *    over HTTP (default 200 families a page, following nextCursor): one full
 *    screening is the sum of its pages. Every other family is already enrolled
 *    in one of its two policies, so each page's enrolment Query finds items.
 *    Only if HTTP does not answer 200 does a FAILS row say so and the same
 *    service get timed in-process;
 * 3. 我的待遇 of a bound member: three key reads and the rules engine.
 * Bulk rows are written straight to the table with valid-looking keys and real
 * sealed values (the views open them); timed calls go through the HTTP API one
 * at a time. Prints `BENCH_ROWS …` for scripts/bench.ts.
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRoot } from '@hongjia/functions/root';
import { idNumberCheckCharacter, type SessionUser } from '@hongjia/shared';
import { startLocalRuntime } from '../../local/runtime';

type BenchRow = [measure: string, value: string, note: string];
const requestSizes = [1_000, 20_000];
const familySizes = [500, 5_000];
const overdueCount = 10;
const district = '360102' as const;

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
const dataDir = mkdtempSync(join(tmpdir(), 'hongjia-bench-special-'));
const runtime = await startLocalRuntime({ dataDir, port: 0, seed: false });

async function call(path: string, options: { token?: string; body?: unknown; key?: string }) {
  const response = await fetch(`${runtime.apiUrl}${path}`, {
    method: options.body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.key ? { 'idempotency-key': options.key } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** A setup or timed call that must succeed. */
async function api(path: string, options: Parameters<typeof call>[1]) {
  const { status, json } = await call(path, options);
  if (status >= 300) throw new Error(`${path}: ${status} ${JSON.stringify(json)}`);
  return json;
}

/** Latencies of `runs` sequential calls, sorted; `pct(p)` reads a percentile. */
async function timed(runs: number, call: (run: number) => Promise<unknown>) {
  const latencies: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await call(run);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
  return { p50: pct(50), p99: pct(99) };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

try {
  // Imported after the runtime set the environment (table names, PII master key).
  const { accessTableName, auditTableName, documentClient, mainTableName } = await import(
    '@hongjia/functions/commons/dynamo'
  );
  const { piiCipher } = await import('@hongjia/functions/commons/pii/index');
  const { createUserEntity, createUserStore, userIdForOpenid } = await import(
    '@hongjia/functions/commons/users'
  );
  const { createFamilyEntities } = await import('@hongjia/functions/families/entities');
  const { createBenefitEntities } = await import('@hongjia/functions/benefits/entities');
  const { createAssistanceEntities } = await import('@hongjia/functions/assistance/entities');
  const { sealedFields } = await import('@hongjia/functions/families/fields');
  const { sealFacts } = await import('@hongjia/functions/families/sealed-record');
  const { sealedFields: requestFields } = await import('@hongjia/functions/assistance/views');
  const { createRecordAuditor } = await import('@hongjia/functions/families/audit');
  const { createBenefitRecords } = await import('@hongjia/functions/benefits/records');
  const { createBenefitsServices } = await import('@hongjia/functions/benefits/services');
  const table = mainTableName();
  const entities = {
    ...createFamilyEntities(documentClient, table, auditTableName()),
    ...createBenefitEntities(documentClient, table),
    ...createAssistanceEntities(documentClient, table),
  };
  const userEntity = createUserEntity(documentClient, accessTableName());
  const cipher = await piiCipher();

  const staffOpenid = `staff-${district}`;
  await userEntity
    .put({
      userId: userIdForOpenid(staffOpenid),
      openid: staffOpenid,
      roles: ['staff'],
      district,
      displayName: '东湖区卫生健康委员会',
      createdAt: new Date().toISOString(),
    })
    .go();
  const signIn = async (openid: string) =>
    (await api('/v1/auth/wechat', { body: { code: `dev:${openid}` } })).token as string;
  const staff = await signIn(staffOpenid);
  const rows: BenchRow[] = [];

  // 1. Overdue list. Sealing is beside the point here: one real value per field, reused (the list opens each).
  const description = await cipher.seal('老人行动不便，需要上门帮助', requestFields.description);
  const requestSealed = {
    category: await cipher.seal('daily_care', requestFields.category),
    familyLabel: await cipher.seal('失独家庭 王**、李**', requestFields.familyLabel),
    filedByName: await cipher.seal('王**', requestFields.filedByName),
  };
  const hour = 3600_000;
  /** Request n: the first `overdueCount` are awaiting and past due; the rest are not overdue. */
  function helpRequest(n: number) {
    const now = Date.now();
    const overdue = n < overdueCount;
    const status = overdue
      ? 'awaiting_response'
      : (['awaiting_response', 'in_progress', 'resolved'] as const)[n % 3];
    // Awaiting ones not overdue are due days ahead, so none turns overdue while the bench runs.
    const dueAt = overdue
      ? now - (n + 1) * hour
      : now + (status === 'awaiting_response' ? 48 : -48) * hour + n * 1000;
    const createdAt = new Date(dueAt - 24 * hour).toISOString();
    return {
      requestId: `ast_${hex(10)}`,
      familyId: `sf_${hex(10)}`,
      district,
      categorySealed: requestSealed.category,
      descriptionSealed: description,
      urgency: 'normal' as const,
      status: status ?? 'resolved',
      createdAt,
      dueAt: new Date(dueAt).toISOString(),
      ...(status === 'awaiting_response' ? {} : { firstRespondedAt: createdAt }),
      familyLabelSealed: requestSealed.familyLabel,
      filedByUserId: `u_${hex(12)}`,
      filedByMode: 'self' as const,
      filedByNameSealed: requestSealed.filedByName,
      events: [],
      version: 1,
    };
  }
  const overduePath = `/v1/staff/assistance/requests?overdue=true&district=${district}`;
  const overdueP99: number[] = [];
  let storedRequests = 0;
  for (const size of requestSizes) {
    const load = performance.now();
    for (let start = storedRequests; start < size; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, size - start) }, (_, i) => helpRequest(start + i));
      await entities.requests.put(batch).go({ concurrency: 8 });
    }
    const loadSeconds = (performance.now() - load) / 1000;
    storedRequests = size;
    const listed = ((await api(overduePath, { token: staff })).items as unknown[]).length;
    const { p50, p99 } = await timed(100, () => api(overduePath, { token: staff }));
    overdueP99.push(p99);
    rows.push([
      `overdue list p50 / p99 (${size.toLocaleString('en')} requests in the district)`,
      `${ms(p50)} / ${ms(p99)}`,
      `100 GETs; ${listed} overdue listed, descriptions opened; loaded in ${loadSeconds.toFixed(0)} s`,
    ]);
  }
  rows.push([
    `overdue list p99 ratio ${[...requestSizes]
      .reverse()
      .map((n) => `${n / 1000}k`)
      .join(' / ')}`,
    ((overdueP99[1] ?? 0) / (overdueP99[0] || 1)).toFixed(2),
    'one gsi2 Query of (district, awaiting_response) with dueAt < now: ≈ 1 expected',
  ]);

  // 2. Coverage and screening. Neither opens names (lists show nameMasked), but members are sealed as stored;
  // each family's facts (kind, dates, children, birth dates) are one sealed value, which screening opens per
  // family and coverage for the families it names (decision 0014).
  const sealed = {
    name: await cipher.seal('王秀英', sealedFields.memberName),
    id: await cipher.seal('360102196803150028', sealedFields.memberIdNumber),
    phone: await cipher.seal('13807910001', sealedFields.memberPhone),
    contactName: await cipher.seal('刘敏', sealedFields.contactName),
    contact: await cipher.seal('13807910003', sealedFields.contactPhone),
    doctorName: await cipher.seal('陈医生', sealedFields.doctorName),
    doctor: await cipher.seal('13807910004', sealedFields.doctorPhone),
    facts: await sealFacts(cipher, {
      kind: 'bereaved',
      childEventDate: '2019-06-01',
      children: [],
      birthDates: { mother: '1966-03-15', father: '1964-07-01' },
    }),
  };
  const member = (n: number, role: 'mother' | 'father') => ({
    role,
    nameSealed: sealed.name,
    nameMasked: role === 'mother' ? '王**' : '李**',
    idSealed: sealed.id,
    idMasked: '3601**********0028',
    idHash: cipher.lookupHash(`bench-${role}-${n}`, 'id-number'),
    phoneSealed: sealed.phone,
    phoneMasked: '138****0001',
    sex: role === 'mother' ? ('F' as const) : ('M' as const),
  });
  /** Family n: 失独, urban; every 10th lacks a contact person, 4th a doctor, 5th a green channel. */
  function family(n: number) {
    const at = new Date().toISOString();
    return {
      familyId: `sf_${hex(10)}`,
      district,
      hukouType: 'urban' as const,
      members: [member(n, 'mother'), member(n, 'father')],
      factsSealed: sealed.facts,
      ...(n % 10 ? { contactPerson: { nameSealed: sealed.contactName, phoneSealed: sealed.contact } } : {}),
      ...(n % 4
        ? {
            familyDoctor: {
              nameSealed: sealed.doctorName,
              phoneSealed: sealed.doctor,
              institution: '东湖区社区卫生服务中心',
              signedOn: '2025-01-10',
            },
          }
        : {}),
      ...(n % 5 ? { greenChannel: { hospital: '南昌大学第一附属医院' } } : {}),
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
  }
  const caller: SessionUser = { id: userIdForOpenid(staffOpenid), roles: ['staff'], district };
  const records = createBenefitRecords(entities, piiCipher);
  const benefits = createBenefitsServices(
    createRoot({ client: documentClient, table, notifier: { notify: async () => {} } }),
  );
  /** Every other family is enrolled in 特别扶助 (and not in 一次性慰问金): listed once, counted once as enrolled. */
  const enrolment = (f: ReturnType<typeof family>) => ({
    familyId: f.familyId,
    policyId: 'special-assistance-bereaved',
    district,
    enrolledAt: new Date().toISOString(),
    enrolledBy: caller.id,
    via: 'screening' as const,
  });
  type ScreeningPage = { items: unknown[]; nextCursor: string | null };
  /**
   * One full screening of the district, page after page, over HTTP (or the service in-process):
   * pages, families, pairs, the largest page, and each page's time.
   */
  async function screenDistrict(overHttp: boolean) {
    const run = { pages: 0, families: 0, pairs: 0, enrolled: 0, largestKiB: 0, pageMs: [] as number[] };
    let cursor: string | null = null;
    do {
      const body = { district, ...(cursor ? { cursor } : {}) };
      const started = performance.now();
      let page: ScreeningPage & { familiesScreened: number; alreadyEnrolled: number };
      if (overHttp) {
        const answer = await call('/v1/staff/benefit-screenings', { token: staff, body });
        if (answer.status !== 200) {
          return { ...run, failed: `${answer.status} ${(answer.json.error as { code?: string })?.code}` };
        }
        page = answer.json as unknown as typeof page;
      } else {
        page = await benefits.screen(caller, body, new Date());
      }
      run.pageMs.push(performance.now() - started);
      run.pages += 1;
      run.families += page.familiesScreened;
      run.pairs += page.items.length;
      run.enrolled += page.alreadyEnrolled;
      run.largestKiB = Math.max(run.largestKiB, Buffer.byteLength(JSON.stringify(page)) / 1024);
      cursor = page.nextCursor;
    } while (cursor);
    return { ...run, failed: undefined };
  }
  let storedFamilies = 0;
  for (const size of familySizes) {
    for (let start = storedFamilies; start < size; start += 500) {
      const batch = Array.from({ length: Math.min(500, size - start) }, (_, i) => family(start + i));
      await entities.families.put(batch).go({ concurrency: 8 });
      const enrolled = batch.filter((_, i) => (start + i) % 2 === 0).map(enrolment);
      await entities.enrolments.put(enrolled).go({ concurrency: 8 });
    }
    storedFamilies = size;
    const coveragePath = `/v1/staff/special-families/coverage?district=${district}`;
    const coverage = await api(coveragePath, { token: staff });
    const lacking = new Set(
      Object.values(coverage.lacking as Record<string, { id: string }[]>).flatMap((l) => l.map((f) => f.id)),
    ).size;
    const c = await timed(20, () => api(coveragePath, { token: staff }));
    rows.push([
      `coverage p50 (${size.toLocaleString('en')} families)`,
      `${ms(c.p50)} (${ms(c.p50 / (size / 1000))} per 1,000)`,
      `20 GETs; one gsi1 Query of the district; each of the ${lacking} families in a lacking list gets a 'list' audit entry per call (batch writes of 25)`,
    ]);
    // Over HTTP while it answers; a failure (see the row) falls back to the same service called in-process.
    const first = await screenDistrict(true);
    const overHttp = first.failed === undefined;
    const shape = overHttp ? first : await screenDistrict(false);
    if (!overHttp) {
      // Not an exit code: the table is still worth printing; the row says FAILS.
      console.error(`screening over HTTP answered ${first.failed} at ${size} families (see the bench row)`);
      rows.push([
        `screening over HTTP (${size.toLocaleString('en')} families)`,
        `FAILS: ${first.failed}`,
        `on page ${first.pages + 1}; timed in-process below`,
      ]);
    }
    const pageMs: number[] = [];
    const s = await timed(10, async () => {
      const run = await screenDistrict(overHttp);
      if (run.failed !== undefined) throw new Error(`screening over HTTP answered ${run.failed}`);
      pageMs.push(...run.pageMs);
    });
    pageMs.sort((a, b) => a - b);
    const pagePct = (p: number) =>
      pageMs[Math.min(pageMs.length - 1, Math.ceil((p / 100) * pageMs.length) - 1)] ?? 0;
    rows.push([
      `screening p50 (${size.toLocaleString('en')} families, ${shape.pages} pages)`,
      `${ms(s.p50)} (${ms(s.p50 / (size / 1000))} per 1,000)`,
      `10 full screenings ${overHttp ? 'over HTTP' : 'of the service in-process (no HTTP)'}, each the sum of its pages of 200 (page p50 / p99 ${ms(pagePct(50))} / ${ms(pagePct(99))}); ${shape.families} families, ${shape.pairs} pairs listed, ${shape.enrolled} already enrolled; largest page ${shape.largestKiB.toFixed(0)} KiB; per page the gsi1 Query, one enrolment Query over its familyId range, a 'screening' audit entry per listed family`,
    ]);
  }

  // Where coverage's and screening's time goes at the larger size: each step called directly, median of 3,
  // over the district's pages of 200; enrolments read both ways on the same pages.
  const auditor = createRecordAuditor(entities, createUserStore(userEntity));
  const step = async (run: () => Promise<unknown>) => (await timed(3, run)).p50;
  let pages: string[][] = [];
  const query = await step(async () => {
    pages = [];
    let cursor: string | null = null;
    do {
      const page = await records.familiesPage(district, 200, cursor);
      pages.push(page.items.map((f) => f.familyId));
      cursor = page.cursor;
    } while (cursor);
  });
  const ids = pages.flat();
  const byRange = await step(async () => {
    for (const page of pages) await records.enrolledPolicies(district, page);
  });
  const perFamily = await step(async () => {
    for (let start = 0; start < ids.length; start += 8) {
      await Promise.all(ids.slice(start, start + 8).map((id) => records.enrolmentsOf(id)));
    }
  });
  const audits = await step(() => auditor.record(ids, 'screening', caller, new Date()));
  rows.push([
    `screening steps (${storedFamilies.toLocaleString('en')} families)`,
    `Query ${query.toFixed(0)} / enrolments ${byRange.toFixed(0)} (was ${perFamily.toFixed(0)}) / audits ${audits.toFixed(0)} ms`,
    `median of 3, each called directly over the ${pages.length} pages of 200: the district gsi1 Query; enrolments as screening reads them now, one gsi1 Query per page over its familyId range (was: one byFamily Query per family, 8 at a time, timed on the same data); audit entries for all ${ids.length} (coverage writes them for its lacking families only)`,
  ]);

  // 3. 我的待遇: bind a user, then staff record a family with that person as the mother.
  const first17 = `${district}19660315002`;
  const idNumber = `${first17}${idNumberCheckCharacter(first17)}`;
  const memberToken = await signIn('bench-special-member');
  await api('/v1/me/consents', {
    token: memberToken,
    body: { kind: 'privacy_policy' },
    key: 'bench-member-privacy',
  });
  await api('/v1/me/identity', {
    token: memberToken,
    body: { name: '王秀英', idNumber },
    key: 'bench-bind-0001',
  });
  await api('/v1/staff/special-families', {
    token: staff,
    key: 'bench-family-0001',
    body: {
      kind: 'bereaved',
      district,
      hukouType: 'urban',
      members: [{ role: 'mother', name: '王秀英', idNumber, phone: '13807910001' }],
      childEventDate: '2019-06-01',
    },
  });
  const mine = await api('/v1/me/benefits', { token: memberToken });
  const b = await timed(100, () => api('/v1/me/benefits', { token: memberToken }));
  rows.push([
    '我的待遇 p50 / p99 (bound member)',
    `${ms(b.p50)} / ${ms(b.p99)}`,
    `100 GETs; basis ${mine.basis}, ${(mine.items as unknown[]).length} policies evaluated; identity → member link → family, enrolments and payments`,
  ]);
  console.log(`BENCH_ROWS ${JSON.stringify(rows)}`);
} finally {
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
