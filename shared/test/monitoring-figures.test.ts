import { describe, expect, it } from 'vitest';
import {
  deliveryFigures,
  deliveryFitsRegistration,
  emptyFigures,
  type Figures,
  offTrend,
  overdueFrom,
  qualityFlags,
  sexRatio,
  sexRatioBand,
  sexRatioOutOfBand,
  share,
} from '../src/monitoring';

/** The pure rules behind the indicators and their data-quality flags (decision 0020). */
const figures = (values: Partial<Figures>): Figures => ({ ...emptyFigures(), ...values });

describe('figures of a delivery', () => {
  it('counts the birth, the sex, the parity group, the mother’s age group and an atypical weight', () => {
    const counted = deliveryFigures(
      {
        childSex: 'F',
        parity: 5,
        birthWeightG: 900,
        motherBirthDate: '1990-06-01',
        deliveryDate: '2025-03-05',
      },
      true,
    );
    expect(counted).toMatchObject({ births: 1, girls: 1, registered: 1, weightAtypical: 1 });
    expect(counted.boys).toBeUndefined();
    expect(Object.values(counted).reduce((sum, value) => sum + (value ?? 0), 0)).toBe(6);
  });

  it('computes the sex ratio per 100 girls and shares on read, none from nothing', () => {
    expect(sexRatio(105, 100)).toBe(105);
    expect(sexRatio(3, 0)).toBeNull();
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 0)).toBeNull();
  });
});

describe('sex ratio band', () => {
  it('says nothing below 20 births and narrows with the sample', () => {
    expect(sexRatioBand(19)).toBeUndefined();
    const small = sexRatioBand(30);
    const large = sexRatioBand(3000);
    expect(small && large && small.high - small.low > large.high - large.low).toBe(true);
    expect(large?.low).toBeLessThan(105 / 205);
    expect(large?.high).toBeGreaterThan(105 / 205);
  });

  it('flags 60 % boys of 3,000 births, not of 30', () => {
    expect(sexRatioOutOfBand(1800, 3000)).toBe(true);
    expect(sexRatioOutOfBand(18, 30)).toBe(false);
    expect(sexRatioOutOfBand(1540, 3000)).toBe(false);
  });
});

describe('trend', () => {
  it('flags a month far off the months before it, and not without three months of history', () => {
    expect(offTrend(50, [100, 104, 98, 101])).toMatchObject({ expected: 100.75 });
    expect(offTrend(95, [100, 104, 98, 101])).toBeUndefined();
    expect(offTrend(10, [0, 0, 100])).toBeUndefined();
  });
});

describe('quality flags of a range', () => {
  it('names each kind with its month, in Chinese', () => {
    const history = ['2025-01', '2025-02', '2025-03'].map((month) => ({
      month,
      figures: figures({ births: 200, boys: 103, girls: 97 }),
    }));
    const flags = qualityFlags({
      history,
      months: [
        { month: '2025-04', figures: figures({ births: 80, boys: 70, girls: 10, weightAtypical: 2 }) },
      ],
      repeatDeliveries: 1,
    });
    expect(flags.map((flag) => [flag.kind, flag.month])).toEqual([
      ['sex_ratio_out_of_band', '2025-04'],
      ['births_off_trend', '2025-04'],
      ['birth_weight_atypical', '2025-04'],
      ['repeat_delivery', undefined],
    ]);
    for (const flag of flags) expect(flag.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('matching a delivery to a 生育登记', () => {
  it('fits a due date from 180 days before the delivery to 60 after, a filing day from 60 before to 300 after', () => {
    const due = { pregnancyDate: '2025-06-01', hasDueDate: true };
    expect(deliveryFitsRegistration('2025-05-20', due)).toBe(true);
    expect(deliveryFitsRegistration('2025-07-31', due)).toBe(true);
    expect(deliveryFitsRegistration('2025-08-01', due)).toBe(false);
    expect(deliveryFitsRegistration('2024-12-01', due)).toBe(false);
    const filed = { pregnancyDate: '2025-01-10', hasDueDate: false };
    expect(deliveryFitsRegistration('2025-10-01', filed)).toBe(true);
    expect(deliveryFitsRegistration('2024-11-01', filed)).toBe(false);
    expect(overdueFrom(due)).toBe('2025-07-31');
  });
});
