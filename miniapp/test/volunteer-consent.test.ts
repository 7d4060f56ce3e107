import { describe, expect, it } from 'vitest';
import { routes } from '../src/config/routes';
import { consoleGroups } from '../src/packages/staff/console/sections';
import { filingRateLine } from '../src/packages/staff/model/operators';
import { organisationState, servedDistricts } from '../src/packages/staff/model/volunteers';
import { sharingStanding } from '../src/special-assistance/sharing';

/** Decision 0040: the sharing consent's standing, the organisations page's words, the operators' rate line. */
describe('the family’s sharing consent', () => {
  it('is none, given since it was (last) agreed, or withdrawn since then', () => {
    expect(sharingStanding(undefined)).toEqual({ kind: 'none' });
    expect(sharingStanding({ acceptedAt: '2026-11-01T02:00:00.000Z' })).toEqual({
      kind: 'given',
      at: '2026-11-01T02:00:00.000Z',
    });
    expect(
      sharingStanding({ acceptedAt: '2026-11-01T02:00:00.000Z', withdrawnAt: '2026-11-20T02:00:00.000Z' }),
    ).toEqual({ kind: 'withdrawn', at: '2026-11-20T02:00:00.000Z' });
  });
});

describe('社会组织 page', () => {
  it('names the districts served in code order and the organisation’s state', () => {
    expect(servedDistricts(['360111', '360102'])).toBe('东湖区、青山湖区');
    expect(organisationState({ active: true })).toBe('在用');
    expect(organisationState({ active: false, deactivatedAt: '2026-11-20T02:00:00.000Z' })).toBe(
      '已停用（2026-11-20 10:00）',
    );
  });

  it('sits in the console sidebar with the special-family sections', () => {
    const group = consoleGroups.find((g) => g.items.some((i) => i.key === 'volunteer-organisations'));
    expect(group?.title).toBe('特殊家庭');
    expect(group?.items.find((i) => i.key === 'volunteer-organisations')?.url).toBe(
      routes.staffVolunteerOrganisations,
    );
  });
});

describe('登记备案率 line on the operators page', () => {
  it('says the rate with both counts, and says when nothing is known yet', () => {
    expect(
      filingRateLine({ districtName: '东湖区', knownOperators: 8, filedOperators: 6, filingRate: 0.75 }),
    ).toBe('东湖区登记备案率 75.0%（已备案 6 家 / 已知 8 家）');
    expect(
      filingRateLine({ districtName: '湾里区', knownOperators: 0, filedOperators: 0, filingRate: 0 }),
    ).toBe('湾里区：底册和备案都还没有机构，登记备案率暂无');
    expect(filingRateLine(undefined)).toBe('');
  });
});
