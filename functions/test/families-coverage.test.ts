import { describe, expect, it } from 'vitest';
import { type CoveredFamily, computeCoverage, lacksAHelper } from '../src/families/coverage';

let serial = 0;
function family(
  district: '360102' | '360103',
  has: { contact?: boolean; doctor?: boolean; green?: boolean; cover?: { from: string; to: string } },
) {
  serial += 1;
  return {
    familyId: `sf_${serial}`,
    district,
    ...(has.contact ? { contactPerson: { nameSealed: 'x', phoneSealed: 'x' } } : {}),
    ...(has.doctor
      ? {
          familyDoctor: {
            nameSealed: 'x',
            phoneSealed: 'x',
            institution: '社区卫生服务中心',
            signedOn: '2025-01-01',
          },
        }
      : {}),
    ...(has.green ? { greenChannel: { hospital: '南昌大学第一附属医院' } } : {}),
    ...(has.cover
      ? {
          criticalIllnessCover: {
            insurer: '中国人寿南昌分公司',
            policyNumberSealed: 'x',
            policyNumberMasked: 'PZ****0001',
            ...has.cover,
          },
        }
      : {}),
  } as unknown as CoveredFamily;
}

/** The service opens the kind of the lacking families only; here a label per id. */
const label = (f: CoveredFamily) => `label of ${f.familyId}`;
const today = '2026-06-01';
const thisYear = { from: '2026-01-01', to: '2026-12-31' };

describe('三个全覆盖 coverage', () => {
  it('counts, shares to 4 places, fully covered, and lists the families lacking each by masked label', () => {
    const all = family('360102', { contact: true, doctor: true, green: true });
    const contactOnly = family('360102', { contact: true });
    const none = family('360102', {});
    const answer = computeCoverage([all, contactOnly, none], ['360102'], '360102', label, today);
    expect(answer).toMatchObject({
      district: '360102',
      families: 3,
      withContactPerson: 2,
      withFamilyDoctor: 1,
      withGreenChannel: 1,
      contactPersonShare: 0.6667,
      familyDoctorShare: 0.3333,
      greenChannelShare: 0.3333,
      fullyCovered: 1,
    });
    expect(answer.lacking.contactPerson).toEqual([
      { id: none.familyId, district: '360102', label: `label of ${none.familyId}` },
    ]);
    expect(answer.lacking.familyDoctor.map((f) => f.id)).toEqual([contactOnly.familyId, none.familyId]);
    expect(answer.lacking.greenChannel.map((f) => f.id)).toEqual([contactOnly.familyId, none.familyId]);
  });

  it('has a row for every district in scope, a district without families at share 1', () => {
    const answer = computeCoverage([family('360102', {})], ['360102', '360103'], undefined, label, today);
    expect(answer.district).toBeUndefined();
    expect(answer.byDistrict).toEqual([
      expect.objectContaining({ district: '360102', families: 1, contactPersonShare: 0, fullyCovered: 0 }),
      expect.objectContaining({
        district: '360103',
        families: 0,
        contactPersonShare: 1,
        familyDoctorShare: 1,
        greenChannelShare: 1,
      }),
    ]);
  });

  it('answers share 1 and empty lists when there are no families at all', () => {
    const answer = computeCoverage([], ['360103'], undefined, label, today);
    expect(answer).toMatchObject({ families: 0, contactPersonShare: 1, fullyCovered: 0 });
    expect(answer.lacking).toEqual({
      contactPerson: [],
      familyDoctor: [],
      greenChannel: [],
      criticalIllnessCover: [],
    });
  });

  it('moves a family out of a lacking list when it gains the helper', () => {
    const before = family('360103', { doctor: true, green: true, cover: thisYear });
    const after = { ...before, contactPerson: { nameSealed: 'x', phoneSealed: 'x' } } as CoveredFamily;
    expect(computeCoverage([before], ['360103'], undefined, label, today).fullyCovered).toBe(0);
    expect([lacksAHelper(before, today), lacksAHelper(after, today)]).toEqual([true, false]);
    const covered = computeCoverage([after], ['360103'], undefined, label, today);
    expect(covered).toMatchObject({ fullyCovered: 1, contactPersonShare: 1 });
    expect(covered.lacking.contactPerson).toEqual([]);
  });

  it('counts a 重大疾病保险 cover only within its period: an expired one is uncovered, not part of 三个全覆盖', () => {
    const current = family('360102', { contact: true, doctor: true, green: true, cover: thisYear });
    const expired = family('360102', {
      contact: true,
      doctor: true,
      green: true,
      cover: { from: '2025-01-01', to: '2025-12-31' },
    });
    const none = family('360102', {});
    const answer = computeCoverage([current, expired, none], ['360102'], '360102', label, today);
    expect(answer).toMatchObject({
      withCriticalIllnessCover: 1,
      criticalIllnessCoverShare: 0.3333,
      fullyCovered: 2,
    });
    expect(answer.lacking.criticalIllnessCover.map((f) => f.id)).toEqual([expired.familyId, none.familyId]);
    // The last day of the period still counts; the day after does not.
    const endsToday = family('360102', {
      contact: true,
      doctor: true,
      green: true,
      cover: { from: '2026-01-01', to: today },
    });
    expect(lacksAHelper(endsToday, today)).toBe(false);
    expect(lacksAHelper(endsToday, '2026-06-02')).toBe(true);
  });
});
