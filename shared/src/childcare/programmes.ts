import type { AgeClass } from './age-classes';

/**
 * Childcare supervision rules shared by server and client (decision 0034): 普惠 places
 * counted per class, the 普惠 fee cap, inspection results, and the filing rate.
 */

/** Inspection results (安全检查): 合格, 限期整改, 不合格. */
export const inspectionResults = ['pass', 'rectify', 'fail'] as const;
export type InspectionResult = (typeof inspectionResults)[number];
export const inspectionResultNames: Record<InspectionResult, string> = {
  pass: '合格',
  rectify: '限期整改',
  fail: '不合格',
};

/** 示范机构 levels: 省级, 市级. */
export const modelLevels = ['provincial', 'municipal'] as const;
export type ModelLevel = (typeof modelLevels)[number];
export const modelLevelNames: Record<ModelLevel, string> = {
  provincial: '省级示范',
  municipal: '市级示范',
};

/**
 * An institution's affordable places: the places its approved 普惠 application named per
 * class (never more than the class's filed size), or, for an institution filed as
 * affordable before programme applications existed, every filed place.
 */
export function affordablePlacesOf(institution: {
  affordable: boolean;
  classes: readonly { ageClass: AgeClass; capacity: number }[];
  affordablePlaces?: readonly { ageClass: AgeClass; places: number }[] | undefined;
}): number {
  if (!institution.affordable) return 0;
  if (!institution.affordablePlaces) return institution.classes.reduce((sum, c) => sum + c.capacity, 0);
  return institution.affordablePlaces.reduce((sum, offer) => {
    const filed = institution.classes.find((c) => c.ageClass === offer.ageClass)?.capacity ?? 0;
    return sum + Math.min(filed, Math.max(0, offer.places));
  }, 0);
}

/** The Chinese refusal of a fee above an approved 普惠 cap, or undefined when it is within (or there is no cap). */
export function feeCapProblem(feeYuan: number, capYuan: number | undefined): string | undefined {
  if (capYuan === undefined || feeYuan <= capYuan) return undefined;
  return `该机构为普惠托育机构，月收费不得超过普惠限价 ${capYuan} 元（填写的是 ${feeYuan} 元）`;
}

/**
 * 登记备案率 of one district: operators that filed ÷ operators known. Known is the staff's
 * list together with every operator that filed (a published filing is itself known), matched
 * by unified social credit code, so the rate is never above 1 and a filing absent from the
 * list raises both counts. Rounded to 4 places; 0 with nothing known.
 */
export function filingRate(knownCodes: Iterable<string>, filedCodes: Iterable<string>) {
  const listed = new Set(knownCodes);
  const filed = new Set(filedCodes);
  const known = new Set([...listed, ...filed]);
  const rate = known.size === 0 ? 0 : Math.round((filed.size / known.size) * 10_000) / 10_000;
  const unlisted = [...filed].filter((code) => !listed.has(code)).length;
  return {
    knownOperators: known.size,
    filedOperators: filed.size,
    filingRate: rate,
    unlistedFiled: unlisted,
  };
}
