import { randomUUID } from 'node:crypto';
import { mainTable } from '@hongjia/infra/table-spec';
import { sourceHeaders, xlsxContentType } from '@hongjia/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { csvOf, deliveriesCsv, gbk, idNumberOf, importFile, utf8 } from './monitoring-fixtures';
import { canonical, scanAllTables } from './store-snapshot';

let runtime: LocalRuntime;
let close: () => Promise<void>;
let staff: string;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  staff = (await signIn(runtime, 'staff-360102')).token;
});
afterAll(async () => close());

const mother = (serial: number) => idNumberOf('360102', '1994-03-01', serial, 'F');

describe('imports of hospital deliveries', () => {
  it('imports a UTF-8 file and reports every row', async () => {
    // Prepare
    const csv = deliveriesCsv([
      {
        deliveryId: 'D-1',
        motherIdNumber: mother(1),
        motherName: '李秀兰',
        district: '360102',
        deliveryDate: '2025-03-05',
        childSex: 'M',
        birthWeightG: 3300,
        parity: 1,
      },
      {
        deliveryId: 'D-2',
        motherIdNumber: mother(2),
        motherName: '王芳',
        district: '360102',
        deliveryDate: '2025-03-07',
        childSex: 'F',
        birthWeightG: 3100,
        parity: 2,
      },
      {
        deliveryId: 'D-3',
        motherIdNumber: '360102199403010000',
        motherName: '张敏',
        district: '360102',
        deliveryDate: '2025-03-09',
        childSex: 'F',
        birthWeightG: 3100,
        parity: 1,
      },
    ]);

    // Act
    const view = await importFile(runtime, staff, 'hospital_delivery', utf8(csv, true));

    // Assess
    expect(view).toMatchObject({ status: 'done', rows: 3, accepted: 2, duplicates: 0, rejected: 1 });
    expect(view.errors).toEqual([
      { row: 4, field: 'motherIdNumber', message: expect.stringMatching(/身份证号/) },
    ]);
    const indicators = await call(
      runtime,
      '/v1/staff/monitoring/indicators?district=360102&from=2025-03&to=2025-03',
      { token: staff },
    );
    expect(indicators.status, indicators.text).toBe(200);
    expect(indicators.json).toMatchObject({ births: 2, boys: 1, girls: 1, sexRatio: 100 });
  });

  it('adds nothing twice when the same file comes again', async () => {
    const csv = deliveriesCsv([
      {
        deliveryId: 'D-1',
        motherIdNumber: mother(1),
        motherName: '李秀兰',
        district: '360102',
        deliveryDate: '2025-03-05',
        childSex: 'M',
        birthWeightG: 3300,
        parity: 1,
      },
      {
        deliveryId: 'D-2',
        motherIdNumber: mother(2),
        motherName: '王芳',
        district: '360102',
        deliveryDate: '2025-03-07',
        childSex: 'F',
        birthWeightG: 3100,
        parity: 2,
      },
    ]);
    const view = await importFile(runtime, staff, 'hospital_delivery', gbk(csv));
    expect(view).toMatchObject({ status: 'done', rows: 2, accepted: 0, duplicates: 2, rejected: 0 });
  });
});

describe('import uploads', () => {
  const declare = (token: string, body: Record<string, unknown>) =>
    call(runtime, '/v1/uploads', { token, body, headers: { 'idempotency-key': randomUUID() } });
  const sha256 = 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=';

  it('takes csv and xlsx up to 100 MB from staff, and neither from families', async () => {
    const family = (await signIn(runtime, 'monitoring-upload-family')).token;
    const csv = { fileName: '分娩.csv', contentType: 'text/csv', size: 1_000, sha256 };
    const xlsx = { fileName: '接种.xlsx', contentType: xlsxContentType, size: 100 * 1024 * 1024, sha256 };
    expect((await declare(staff, csv)).status).toBe(201);
    const staffXlsx = await declare(staff, xlsx);
    expect(staffXlsx.status, staffXlsx.text).toBe(201);
    expectEnvelope(await declare(staff, { ...csv, size: 100 * 1024 * 1024 + 1 }), 400, 'VALIDATION_FAILED');
    expectEnvelope(await declare(family, csv), 403, 'FORBIDDEN');
    // Families keep the attachment rules: jpg/png/pdf up to 10 MB.
    expectEnvelope(
      await declare(family, { fileName: 'a.jpg', contentType: 'image/jpeg', size: 11 * 1024 * 1024, sha256 }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('files as hospitals send them', () => {
  const row = (n: number, overrides: Record<string, unknown> = {}) => ({
    deliveryId: `F-${n}`,
    motherIdNumber: mother(100 + n),
    motherName: '刘红',
    district: '360102',
    deliveryDate: '2025-04-02',
    childSex: 'F',
    birthWeightG: 3200,
    parity: 1,
    ...overrides,
  });

  it('reads a BOM, CRLF line ends and quoted fields', async () => {
    const csv = deliveriesCsv([row(1, { hospital: '南昌大学第一附属医院, "象湖院区"' }), row(2)], '\r\n');
    const view = await importFile(runtime, staff, 'hospital_delivery', utf8(csv, true));
    expect(view).toMatchObject({ status: 'done', rows: 2, accepted: 2, rejected: 0 });
  });

  it('fails a file whose header is not the layout, naming the columns, with no row counted', async () => {
    const csv = deliveriesCsv([row(3)]).replace('birthWeightG', 'weight');
    const view = await importFile(runtime, staff, 'hospital_delivery', utf8(csv));
    expect(view).toMatchObject({ status: 'failed', rows: 0, accepted: 0 });
    expect(view.failure?.message).toMatch(/缺少列：birthWeightG；无法识别的列：weight/);
  });

  it('imports an xlsx of vaccinations', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('接种');
    sheet.addRow([...sourceHeaders.vaccination]);
    sheet.addRow([
      'V-1',
      '张小宝',
      new Date(Date.UTC(2025, 3, 2)),
      mother(101),
      '乙肝疫苗',
      1,
      new Date(Date.UTC(2025, 3, 3)),
      '360102',
    ]);
    sheet.addRow(['V-2', '张小宝', '2025-04-02', mother(101), '卡介苗', 1, '2025-04-01', '360102']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const view = await importFile(runtime, staff, 'vaccination', bytes, {
      fileName: '接种.xlsx',
      contentType: xlsxContentType,
    });
    expect(view).toMatchObject({ status: 'done', rows: 2, accepted: 1, rejected: 1 });
    expect(view.errors).toEqual([
      { row: 3, field: 'vaccinatedAt', message: expect.stringMatching(/不能早于出生日期/) },
    ]);
  });

  it('counts household moves in and out of a district', async () => {
    const moves = csvOf(sourceHeaders.household_migration, [
      {
        recordId: 'M-1',
        idNumber: mother(120),
        direction: 'in',
        fromDistrict: '110105',
        toDistrict: '360102',
        date: '2025-05-03',
      },
      {
        recordId: 'M-2',
        idNumber: mother(121),
        direction: '迁出',
        fromDistrict: '360102',
        toDistrict: '360111',
        date: '2025-05-04',
      },
    ]);
    expect(await importFile(runtime, staff, 'household_migration', utf8(moves))).toMatchObject({
      accepted: 2,
    });
    const answer = await call(
      runtime,
      '/v1/staff/monitoring/indicators?district=360102&from=2025-05&to=2025-05',
      {
        token: staff,
      },
    );
    expect(answer.json).toMatchObject({ migrationIn: 1, migrationOut: 1, births: 0 });
  });

  it('lists every rejected row in errors.csv, beyond the first 100 in the answer', async () => {
    const rows = Array.from({ length: 105 }, (_, n) => row(200 + n, { childSex: 'X' }));
    const view = await importFile(runtime, staff, 'hospital_delivery', utf8(deliveriesCsv(rows)));
    expect(view).toMatchObject({ rejected: 105, accepted: 0 });
    expect(view.errors).toHaveLength(100);
    // Not JSON: fetched directly (the harness parses answers as JSON).
    const errors = await fetch(`${runtime.apiUrl}/v1/staff/monitoring/imports/${view.id}/errors.csv`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(errors.status).toBe(200);
    expect(errors.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await errors.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('row,field,message');
    expect(lines).toHaveLength(106);
    expect(lines[105]).toMatch(/^106,childSex,/);
  });
});

describe('dry run', () => {
  it('validates the whole file and writes no record, counter or reconciliation item', async () => {
    const monitoringItems = async () => {
      // Every page: the seeded table is past Scan's 1 MB page, so a first page alone ends at a
      // boundary that moves when the run writes anything (its import item, its upload).
      const items = (await scanAllTables(runtime.dynamoEndpoint))[mainTable.id] ?? [];
      return items
        .filter(
          (item) =>
            String(item.pk).startsWith('$hongjia#monitoringcounter') ||
            ['monitoringRecord', 'monitoringGap'].includes(String(item.__edb_e__)),
        )
        .map(canonical)
        .sort();
    };
    const before = await monitoringItems();
    const csv = deliveriesCsv([
      {
        deliveryId: 'DRY-1',
        motherIdNumber: mother(300),
        motherName: '赵敏',
        district: '360102',
        deliveryDate: '2025-06-01',
        childSex: 'M',
        birthWeightG: 3300,
        parity: 1,
      },
      {
        deliveryId: 'DRY-1',
        motherIdNumber: mother(300),
        motherName: '赵敏',
        district: '360102',
        deliveryDate: '2025-06-01',
        childSex: 'M',
        birthWeightG: 3300,
        parity: 1,
      },
      {
        deliveryId: 'DRY-2',
        motherIdNumber: mother(301),
        motherName: '赵敏',
        district: '360102',
        deliveryDate: '2025-06-01',
        childSex: 'Q',
        birthWeightG: 3300,
        parity: 1,
      },
    ]);
    const view = await importFile(runtime, staff, 'hospital_delivery', utf8(csv), { dryRun: true });
    expect(view).toMatchObject({ status: 'done', rows: 3, accepted: 1, duplicates: 1, rejected: 1 });
    expect(await monitoringItems()).toEqual(before);
  });
});

describe('personal data at rest', () => {
  it('keeps imported ID numbers and names only sealed, hashed or masked', async () => {
    const idNumber = mother(400);
    const csv = deliveriesCsv([
      {
        deliveryId: 'PII-1',
        motherIdNumber: idNumber,
        motherName: '欧阳明珠',
        district: '360102',
        deliveryDate: '2025-07-01',
        childSex: 'F',
        birthWeightG: 3300,
        parity: 1,
      },
    ]);
    expect(await importFile(runtime, staff, 'hospital_delivery', utf8(csv))).toMatchObject({ accepted: 1 });
    const stored = JSON.stringify(
      (await scanAllTables(runtime.dynamoEndpoint))[mainTable.id]?.map(canonical),
    );
    expect(stored).toContain('PII-1');
    expect(stored).not.toContain(idNumber);
    expect(stored).not.toContain('欧阳明珠');
  });
});
