import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { expectEnvelope, signIn, startTestRuntime } from './harness';
import { deliveriesCsv, idNumberOf, importFile, utf8 } from './monitoring-fixtures';

let runtime: LocalRuntime;
let close: () => Promise<void>;
let staff: string;
let otherStaff: string;
let cityStaff: string;
let family: string;

const mother = (serial: number) => idNumberOf('360102', '1992-06-01', serial, 'F');

/**
 * Seven deliveries in 东湖区 in 2022 (4 boys, 3 girls) and two in 2021: years the seeded
 * city's monitoring year (the twelve months before today) does not reach.
 */
const deliveries = [
  ...[1, 2, 3, 4, 5, 6, 7].map((serial) => ({
    deliveryId: `R-${serial}`,
    motherIdNumber: mother(serial),
    motherName: '刘梅',
    district: '360102',
    deliveryDate: `2022-0${1 + (serial % 5)}-1${serial}`,
    childSex: serial <= 4 ? 'M' : 'F',
    birthWeightG: 3200,
    parity: 1 + (serial % 2),
  })),
  ...[8, 9].map((serial) => ({
    deliveryId: `R-${serial}`,
    motherIdNumber: mother(serial),
    motherName: '陈静',
    district: '360102',
    deliveryDate: '2021-05-20',
    childSex: 'F',
    birthWeightG: 3000,
    parity: 1,
  })),
];

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  staff = (await signIn(runtime, 'staff-360102')).token;
  otherStaff = (await signIn(runtime, 'staff-360111')).token;
  cityStaff = (await signIn(runtime, 'staff-city')).token;
  family = (await signIn(runtime, 'report-family')).token;
  const view = await importFile(runtime, staff, 'hospital_delivery', utf8(deliveriesCsv(deliveries)));
  expect(view).toMatchObject({ status: 'done', accepted: 9, rejected: 0 });
});
afterAll(async () => close());

/** The report as bytes: `call` reads JSON, a document is not. */
async function report(token: string, query: string) {
  const response = await fetch(`${runtime.apiUrl}/v1/staff/monitoring/reports?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  const json = response.headers.get('content-type')?.startsWith('application/json')
    ? (JSON.parse(text) as Record<string, unknown>)
    : undefined;
  return { status: response.status, headers: response.headers, bytes, text, json };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

describe('the situation report', () => {
  it('answers a district PDF that parses and names the district and its births', async () => {
    const answer = await report(staff, 'district=360102&year=2022&format=pdf');

    expect(answer.status, answer.text.slice(0, 300)).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(answer.bytes);
    expect(text).toContain('东湖区');
    expect(text).toContain('人口形势分析报告');
    expect(text).toMatch(/出生\s*7\s*人/);
    // The previous year beside it, and the commentary's comparison.
    expect(text).toMatch(/较上年（2）增加\s*250\.0%/);
    // The font is embedded once, as the build-time subset (≈ 55 KB, deflated), not the 1.5 MB file.
    expect(answer.bytes.toString('latin1').match(/\/FontFile2 /g)).toHaveLength(1);
    expect(answer.bytes.length).toBeLessThan(120_000);
  });

  it('answers the same figures as HTML with inline SVG charts', async () => {
    const answer = await report(staff, 'district=360102&year=2022&format=html');

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('x-report-cache')).toBe('miss');
    expect(answer.text).toContain('东湖区2022年人口形势分析报告');
    expect(answer.text).toContain('出生 7 人，较上年（2）增加 250.0%');
    expect(answer.text.match(/<svg/g)?.length).toBeGreaterThanOrEqual(7);
    expect(answer.text).toContain('<td>合计</td><td>7</td><td>2</td>');
    expect(answer.text).toContain('<td>男婴</td><td>4</td><td>0</td>');
    expect(answer.text).not.toContain('<script');
  });

  it('serves an unchanged report from the cache, and draws a new one when the figures move', async () => {
    const first = await report(staff, 'district=360102&year=2022&format=html');
    const second = await report(staff, 'district=360102&year=2022&format=html');
    expect(first.headers.get('x-report-cache')).toBe('hit'); // drawn by the test before
    expect(second.headers.get('x-report-cache')).toBe('hit');
    expect(second.text).toBe(first.text);

    await importFile(
      runtime,
      staff,
      'hospital_delivery',
      utf8(
        deliveriesCsv([
          {
            deliveryId: 'R-10',
            motherIdNumber: mother(10),
            motherName: '周红',
            district: '360102',
            deliveryDate: '2022-09-09',
            childSex: 'F',
            birthWeightG: 3100,
            parity: 1,
          },
        ]),
      ),
    );
    const moved = await report(staff, 'district=360102&year=2022&format=html');
    expect(moved.headers.get('x-report-cache')).toBe('miss');
    expect(moved.headers.get('x-report-version')).not.toBe(first.headers.get('x-report-version'));
    expect(moved.text).toContain('出生 8 人');
  });

  it('gives city staff the city report with every district', async () => {
    const answer = await report(cityStaff, 'year=2022&format=html');

    expect(answer.status).toBe(200);
    expect(answer.text).toContain('南昌市2022年人口形势分析报告');
    for (const name of ['东湖区', '西湖区', '青山湖区', '进贤县'])
      expect(answer.text).toContain(`<td>${name}</td>`);
  });

  it('refuses another district’s staff and families', async () => {
    const other = await report(otherStaff, 'district=360102&year=2022&format=pdf');
    expectEnvelope(other, 403, 'FORBIDDEN');

    const cityWide = await report(otherStaff, 'year=2022&format=pdf');
    expect(cityWide.status).toBe(403);

    const familyAnswer = await report(family, 'district=360102&year=2022&format=pdf');
    expectEnvelope(familyAnswer, 403, 'FORBIDDEN');
  });

  it('refuses a malformed year or format with the envelope', async () => {
    const answer = await report(staff, 'district=360102&year=20x5&format=doc');
    expectEnvelope(answer, 400, 'VALIDATION_FAILED');
  });
});
