import { describe, expect, it } from 'vitest';
import { districtByCode, districtCodes, districts, isDistrictCode } from '../src/districts';

describe('Nanchang districts', () => {
  it('lists the nine jurisdictions of SPEC §1 with their codes', () => {
    expect(districts.map((d) => `${d.code} ${d.name}`)).toEqual([
      '360102 东湖区',
      '360103 西湖区',
      '360104 青云谱区',
      '360111 青山湖区',
      '360112 新建区',
      '360113 红谷滩区',
      '360121 南昌县',
      '360123 安义县',
      '360124 进贤县',
    ]);
    expect(districtCodes).toHaveLength(9);
  });

  it('places every centre inside Nanchang', () => {
    for (const district of districts) {
      expect(district.centre.lat).toBeGreaterThan(28.0);
      expect(district.centre.lat).toBeLessThan(29.2);
      expect(district.centre.lng).toBeGreaterThan(115.4);
      expect(district.centre.lng).toBeLessThan(116.6);
    }
  });

  it('recognises district codes and rejects others', () => {
    expect(isDistrictCode('360113')).toBe(true);
    expect(isDistrictCode('360100')).toBe(false);
    expect(districtByCode('360113').name).toBe('红谷滩区');
  });
});
