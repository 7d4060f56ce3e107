/**
 * Situation report time (issue 11, decision 0021): a district's deliveries of
 * two years imported through the real HTTP path (upload, import, the
 * in-process worker), then `GET /v1/staff/monitoring/reports` for the PDF —
 * cold (inputs read, charts and PDF drawn, cached) and cached (inputs read,
 * the stored document answered) — and the HTML once. Fails (exit 1) when an
 * answer is wrong: not a PDF, a cache header other than expected, or HTML
 * without the year's births figure. Prints `BENCH_ROWS [...]` for scripts/bench.ts.
 *
 *   npx tsx scripts/bench/monitoring-report.ts
 *   BENCH_REPORT_DELIVERIES=5000 npx tsx scripts/bench/monitoring-report.ts
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idNumberCheckCharacter, sourceHeaders } from '@hongjia/shared';
import { startLocalRuntime } from '../../local/runtime';

type BenchRow = [measure: string, value: string, note: string];

/** Deliveries per year of the district (seed scale: a district's year is a few thousand births). */
const perYear = Number(process.env.BENCH_REPORT_DELIVERIES ?? 2000);
const district = '360102';
const year = 2025;

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
const dataDir = mkdtempSync(join(tmpdir(), 'hongjia-bench-report-'));
// Seeded: the demo seed's staff accounts (dev:staff-360102) sign in with their district. Without the
// demo's monitoring year, whose births would add to the year measured (and to the seeding time).
const runtime = await startLocalRuntime({ dataDir, port: 0, monitoringBirthsPerDistrict: 0 });

function idNumber(serial: number): string {
  const birth = `19${80 + (serial % 20)}0${1 + (serial % 9)}1${serial % 10}`;
  // The 17th digit even: a woman's number (the import checks it).
  const first17 = `${district}${birth}${String(serial % 100).padStart(2, '0')}${(serial * 2) % 10}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

function deliveriesCsv(): string {
  const rows: string[] = [sourceHeaders.hospital_delivery.join(',')];
  for (const [offset, y] of [year - 1, year].entries()) {
    for (let n = 0; n < perYear; n++) {
      const serial = offset * perYear + n;
      const row: Record<string, string | number> = {
        deliveryId: `BR-${y}-${n}`,
        motherIdNumber: idNumber(serial),
        motherName: '王芳',
        hospital: '南昌市妇幼保健院',
        district,
        deliveryDate: `${y}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
        childSex: n % 205 < 105 ? 'M' : 'F',
        birthWeightG: 2800 + (n % 900),
        parity: 1 + (n % 3),
      };
      rows.push(sourceHeaders.hospital_delivery.map((column) => row[column] ?? '').join(','));
    }
  }
  return `${rows.join('\n')}\n`;
}

async function json(path: string, init: RequestInit & { token?: string } = {}) {
  const response = await fetch(`${runtime.apiUrl}${path}`, {
    ...init,
    headers: {
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.headers as Record<string, string>),
    },
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300) throw new Error(`${path} → ${response.status} ${JSON.stringify(body)}`);
  return body;
}

try {
  const { token } = (await json('/v1/auth/wechat', {
    method: 'POST',
    body: JSON.stringify({ code: `dev:staff-${district}` }),
  })) as { token: string };
  const bytes = Buffer.from(deliveriesCsv(), 'utf8');
  const ticket = (await json('/v1/uploads', {
    method: 'POST',
    token,
    headers: { 'idempotency-key': `bench-report-upload-${perYear}` },
    body: JSON.stringify({
      fileName: '分娩.csv',
      contentType: 'text/csv',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('base64'),
    }),
  })) as { uploadId: string; url: string; headers: Record<string, string> };
  const headers = Object.fromEntries(
    Object.entries(ticket.headers).filter(([name]) => name.toLowerCase() !== 'content-length'),
  );
  const stored = await fetch(ticket.url, { method: 'PUT', headers, body: bytes });
  if (stored.status !== 200) throw new Error(`upload PUT → ${stored.status}`);
  const started = (await json('/v1/staff/monitoring/imports', {
    method: 'POST',
    token,
    headers: { 'idempotency-key': `bench-report-import-${perYear}` },
    body: JSON.stringify({ source: 'hospital_delivery', uploadId: ticket.uploadId }),
  })) as { id: string };
  let view: { status: string; accepted: number; errors?: unknown[]; duplicates?: number } = {
    status: 'queued',
    accepted: 0,
  };
  while (view.status !== 'done' && view.status !== 'failed') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    view = (await json(`/v1/staff/monitoring/imports/${started.id}`, { token })) as typeof view;
  }
  await runtime.queues.idle();
  if (view.accepted !== 2 * perYear) {
    throw new Error(
      `import accepted ${view.accepted}, not ${2 * perYear}: ${JSON.stringify({ ...view, errors: view.errors?.slice(0, 3) })}`,
    );
  }

  const fetchReport = async (format: 'pdf' | 'html') => {
    const t0 = performance.now();
    const response = await fetch(
      `${runtime.apiUrl}/v1/staff/monitoring/reports?district=${district}&year=${year}&format=${format}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const body = Buffer.from(await response.arrayBuffer());
    return {
      ms: performance.now() - t0,
      status: response.status,
      cache: response.headers.get('x-report-cache'),
      body,
    };
  };
  const cold = await fetchReport('pdf');
  const cached = await fetchReport('pdf');
  const html = await fetchReport('html');
  const wrong: string[] = [];
  if (cold.status !== 200 || cold.body.subarray(0, 5).toString('latin1') !== '%PDF-') wrong.push('cold PDF');
  if (cold.cache !== 'miss') wrong.push(`cold cache header ${cold.cache}`);
  if (cached.cache !== 'hit' || !cached.body.equals(cold.body)) wrong.push('cached PDF');
  if (html.status !== 200 || !html.body.toString('utf8').includes(`出生 ${perYear} 人`))
    wrong.push('HTML births');

  const rows: BenchRow[] = [
    [
      'report: district PDF, cold',
      `${cold.ms.toFixed(0)} ms`,
      `${perYear} deliveries a year, two years; indicators + 24 reconciliation lists read, 7 charts laid out as figures, pdfkit with the subset font (${(cold.body.length / 1024).toFixed(0)} KiB); budget 10 s`,
    ],
    [
      'report: district PDF, cached',
      `${cached.ms.toFixed(0)} ms`,
      'inputs read and hashed, the stored document answered from s3rver',
    ],
    ['report: district HTML, cold', `${html.ms.toFixed(0)} ms`, 'inline SVG, no font'],
    [
      'report: wrong answers',
      String(wrong.length),
      wrong.join('; ') || 'PDF, cache hit, births figure in HTML',
    ],
  ];
  process.stderr.write(`${rows.map((row) => row.join('  ')).join('\n')}\n`);
  console.log(`BENCH_ROWS ${JSON.stringify(rows)}`);
  if (wrong.length > 0) process.exitCode = 1;
} finally {
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
