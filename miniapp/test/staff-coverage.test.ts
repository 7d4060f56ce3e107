import type { CoverageResponse } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import {
  cell,
  coverageBars,
  coverageRows,
  lackingSections,
  share,
} from '../src/packages/staff/model/coverage';
import { missingOf } from '../src/packages/staff/model/labels';

const figures = (families: number, cp: number, fd: number, gc: number, full: number) => ({
  families,
  withContactPerson: cp,
  withFamilyDoctor: fd,
  withGreenChannel: gc,
  contactPersonShare: families ? cp / families : 1,
  familyDoctorShare: families ? fd / families : 1,
  greenChannelShare: families ? gc / families : 1,
  fullyCovered: full,
  withCriticalIllnessCover: 0,
  criticalIllnessCoverShare: families ? 0 : 1,
});

const cityWide: CoverageResponse = {
  ...figures(8, 6, 4, 8, 3),
  byDistrict: [
    { district: '360102', ...figures(5, 5, 3, 5, 3) },
    { district: '360103', ...figures(3, 1, 1, 3, 0) },
  ],
  lacking: {
    contactPerson: [
      { id: 'f1', district: '360103', label: '失独家庭 张**' },
      { id: 'f2', district: '360103', label: '伤残家庭 李**' },
    ],
    familyDoctor: [],
    greenChannel: [],
    criticalIllnessCover: [],
  },
};

describe('coverage cells', () => {
  it('shows the count with its share to one decimal', () => {
    expect(cell(2, 3)).toEqual({ count: 2, share: 2 / 3, text: '2（66.7%）' });
    expect(cell(5, 5).text).toBe('5（100.0%）');
  });

  it('counts a district without families as covered: nothing there is missing', () => {
    expect(share(0, 0)).toBe(1);
    expect(cell(0, 0).text).toBe('0（100.0%）');
  });
});

describe('coverageRows', () => {
  it('gives a row per district in the answer and a 合计 row for several districts', () => {
    const rows = coverageRows(cityWide);
    expect(rows.map((r) => r.name)).toEqual(['东湖区', '西湖区', '合计']);
    expect(rows[1]?.contactPerson.text).toBe('1（33.3%）');
    expect(rows[1]?.fullyCovered.text).toBe('0（0.0%）');
    expect(rows[2]).toMatchObject({ key: 'total', total: true, families: 8 });
    expect(rows[2]?.familyDoctor.text).toBe('4（50.0%）');
  });

  it('has no 合计 row for one district', () => {
    const one: CoverageResponse = {
      ...cityWide,
      district: '360102',
      byDistrict: cityWide.byDistrict.slice(0, 1),
    };
    expect(coverageRows(one).map((r) => r.key)).toEqual(['360102']);
  });
});

describe('coverage chart and lists', () => {
  it('draws the three shares of the whole answer', () => {
    expect(coverageBars(cityWide)).toEqual([
      { key: 'contactPerson', label: '联系人', value: 0.75, text: '75.0%' },
      { key: 'familyDoctor', label: '签约医生', value: 0.5, text: '50.0%' },
      { key: 'greenChannel', label: '绿色通道', value: 1, text: '100.0%' },
    ]);
  });

  it('lists the families lacking each, with the count in the title', () => {
    const sections = lackingSections(cityWide);
    expect(sections.map((s) => s.title)).toEqual([
      '缺联系人（2 户）',
      '缺签约医生（0 户）',
      '缺绿色通道（0 户）',
    ]);
    expect(sections[0]?.families.map((f) => f.id)).toEqual(['f1', 'f2']);
  });

  it('names what a record lacks', () => {
    expect(missingOf({ hasContactPerson: false, hasFamilyDoctor: true, hasGreenChannel: false })).toEqual([
      'contactPerson',
      'greenChannel',
    ]);
    expect(missingOf({ hasContactPerson: true, hasFamilyDoctor: true, hasGreenChannel: true })).toEqual([]);
  });
});
