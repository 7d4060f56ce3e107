import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call, signIn, startTestRuntime } from './harness';
import { deliveriesCsv, gbk, idNumberOf, importFile, utf8 } from './monitoring-fixtures';

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
