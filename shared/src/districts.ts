/**
 * The nine county-level districts (县区) of Nanchang that act as jurisdictions.
 * Development zones report under the district that contains them (SPEC §1).
 * Centres are the district government seats, used as the search origin when a
 * user refuses to share location.
 */
export interface District {
  code: DistrictCode;
  name: string;
  centre: { lat: number; lng: number };
}

export const districtCodes = [
  '360102',
  '360103',
  '360104',
  '360111',
  '360112',
  '360113',
  '360121',
  '360123',
  '360124',
] as const;

export type DistrictCode = (typeof districtCodes)[number];

export const districts: readonly District[] = [
  { code: '360102', name: '东湖区', centre: { lat: 28.6849, lng: 115.8999 } },
  { code: '360103', name: '西湖区', centre: { lat: 28.6566, lng: 115.877 } },
  { code: '360104', name: '青云谱区', centre: { lat: 28.6318, lng: 115.9253 } },
  { code: '360111', name: '青山湖区', centre: { lat: 28.6824, lng: 115.962 } },
  { code: '360112', name: '新建区', centre: { lat: 28.6925, lng: 115.8153 } },
  { code: '360113', name: '红谷滩区', centre: { lat: 28.6985, lng: 115.8582 } },
  { code: '360121', name: '南昌县', centre: { lat: 28.5459, lng: 115.9443 } },
  { code: '360123', name: '安义县', centre: { lat: 28.8445, lng: 115.5491 } },
  { code: '360124', name: '进贤县', centre: { lat: 28.3768, lng: 116.2413 } },
];

const byCode = new Map(districts.map((d) => [d.code, d]));

export function isDistrictCode(value: string): value is DistrictCode {
  return byCode.has(value as DistrictCode);
}

export function districtByCode(code: DistrictCode): District {
  const district = byCode.get(code);
  if (!district) throw new Error(`unknown district ${code}`);
  return district;
}
