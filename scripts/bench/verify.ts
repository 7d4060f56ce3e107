/**
 * Certificate verification throughput (SPEC C2, `GET /v1/certificates/verify/{code}`):
 * 1,000 certificates issued (and every tenth revoked) as the services do,
 * then N requests with 50 in flight through the real local runtime (HTTP
 * adapter, certificates handler, rate-limit counter beside one consistent
 * read of the code's verification item, dynalite). Every request
 * comes from 127.0.0.1 without a session, so the anonymous per-address limit
 * (commons/limits.ts `verifyPerAddress`) is raised for the bench
 * (VERIFY_RATE_LIMIT_PER_MINUTE); the limiter's conditional write still runs
 * on every request. Prints `BENCH_ROWS [...]` for scripts/bench.ts.
 *
 *   npx tsx scripts/bench/verify.ts
 *   BENCH_VERIFY_REQUESTS=2000 npx tsx scripts/bench/verify.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime } from '../../local/runtime';

type BenchRow = [measure: string, value: string, note: string];

const certificates = 1000;
const requests = Number(process.env.BENCH_VERIFY_REQUESTS ?? 5000);
const concurrency = 50;
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.VERIFY_RATE_LIMIT_PER_MINUTE = String(10 * requests);
const dataDir = mkdtempSync(join(tmpdir(), 'hongjia-bench-verify-'));
const runtime = await startLocalRuntime({ dataDir, port: 0, seed: false });

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const code = () => Array.from(randomBytes(12), (byte) => alphabet.charAt(byte % alphabet.length)).join('');

try {
  const { createCertificateItems, issueCertificateWithCode, revokeCertificateItem } = await import(
    '@hongjia/functions/certificates/verification'
  );
  const { documentClient, mainTableName } = await import('@hongjia/functions/commons/dynamo');
  const items = createCertificateItems(documentClient, mainTableName());
  // Issued and revoked as the services do (certificate and verification item), 8 at a time.
  const issued: { verifyCode: string; revoked: boolean }[] = [];
  let toIssue = 0;
  const issuer = async () => {
    for (let n = toIssue++; n < certificates; n = toIssue++) {
      const certificate = await issueCertificateWithCode(
        items,
        {
          certificateId: `crt_bench_${n}`,
          registrationId: `reg_bench_${n}`,
          userId: `u_bench_${n % 97}`,
          type: 'birth_registration_receipt',
          title: '生育登记服务证',
          receiptNo: `SYDJ2026${String(n).padStart(6, '0')}`,
          holderMasked: '王*、李**',
          parity: 1 + (n % 3),
          jurisdiction: '360102',
          issuedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
        },
        code,
      );
      // Every tenth revoked: the bench covers both answers.
      const revoked = n % 10 === 0;
      if (revoked)
        await revokeCertificateItem(items, certificate, { reason: '基准作废', by: 'bench', at: new Date() });
      issued[n] = { verifyCode: certificate.verifyCode, revoked };
    }
  };
  await Promise.all(Array.from({ length: 8 }, issuer));

  // Warm-up: the handler's modules, the limiter's key, dynalite's caches.
  for (let i = 0; i < 50; i++) {
    await fetch(
      `${runtime.apiUrl}/v1/certificates/verify/${(issued[i] as (typeof issued)[number]).verifyCode}`,
    );
  }

  const latencies: number[] = [];
  let wrong = 0;
  let next = 0;
  const started = performance.now();
  const client = async () => {
    for (let i = next++; i < requests; i = next++) {
      const certificate = issued[(i * 7919) % certificates] as (typeof issued)[number];
      const t0 = performance.now();
      const response = await fetch(`${runtime.apiUrl}/v1/certificates/verify/${certificate.verifyCode}`);
      const body = (await response.json()) as { valid?: boolean };
      latencies.push(performance.now() - t0);
      if (response.status !== 200 || body.valid !== !certificate.revoked) wrong++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  const rows: BenchRow[] = [
    [
      'verify: throughput',
      `${(requests / seconds).toFixed(0)} req/s`,
      `${requests} requests, ${concurrency} in flight, ${certificates} certificates (10 % revoked), one local process on dynalite`,
    ],
    [
      'verify: latency p50 / p99',
      `${percentile(latencies, 50).toFixed(1)} ms / ${percentile(latencies, 99).toFixed(1)} ms`,
      `per request the rate-limit write in parallel with one consistent GetItem of the code's verification item (decision 0025); limit raised to ${process.env.VERIFY_RATE_LIMIT_PER_MINUTE}/min for the bench`,
    ],
    ['verify: wrong answers', String(wrong), 'non-200 or validity not matching the certificate'],
  ];
  process.stderr.write(`${rows.map((row) => row.join('  ')).join('\n')}\n`);
  console.log(`BENCH_ROWS ${JSON.stringify(rows)}`);
  // A wrong validity is a failed bench, whatever its speed.
  if (wrong > 0) process.exitCode = 1;
} finally {
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
