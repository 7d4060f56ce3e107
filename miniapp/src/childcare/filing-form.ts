import {
  type AgeClass,
  ageClassRules,
  caregiversNeeded,
  type DistrictCode,
  type InstitutionFiling,
  isValidCreditCode,
} from '@hongjia/shared';

/** The filing form as typed: numbers stay text until submit, so a half-typed value is not lost. */
export interface ClassDraft {
  ageClass: AgeClass;
  capacity: string;
  caregivers: string;
}

export interface FilingDraft {
  name: string;
  creditCode: string;
  address: string;
  district?: DistrictCode;
  lat: string;
  lng: string;
  affordable: boolean;
  monthlyFee: string;
  classes: ClassDraft[];
}

/** Errors keyed by the server's field paths without `body.` (classes.0.capacity), so API details land on the same field. */
export type FilingErrors = Record<string, string>;

function wholeNumber(text: string): number | undefined {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** Shown as the user types: '' while empty, so a fresh form is not all red. */
export function creditCodeIssue(code: string): string | undefined {
  const value = code.trim().toUpperCase();
  if (value === '') return undefined;
  if (value.length < 18) return `还差 ${18 - value.length} 位（共 18 位）`;
  return isValidCreditCode(value)
    ? undefined
    : '统一社会信用代码无效：请核对（校验位不符或含 I、O、Z、S、V）';
}

/** Capacity ≤ the class maximum, caregivers ≥ capacity ÷ children per caregiver (托育机构设置标准). */
export function classIssues(draft: ClassDraft): { capacity?: string; caregivers?: string } {
  const rule = ageClassRules[draft.ageClass];
  const capacity = wholeNumber(draft.capacity);
  const caregivers = wholeNumber(draft.caregivers);
  const out: { capacity?: string; caregivers?: string } = {};
  if (capacity === undefined || capacity < 1) out.capacity = `请填写 1–${rule.maxChildren} 的人数`;
  else if (capacity > rule.maxChildren) out.capacity = `${rule.name}最多 ${rule.maxChildren} 人`;
  if (caregivers === undefined || caregivers < 1) out.caregivers = '请填写保育人员数';
  else if (
    capacity !== undefined &&
    capacity >= 1 &&
    caregivers < caregiversNeeded(draft.ageClass, capacity)
  ) {
    out.caregivers = `${capacity} 名幼儿至少需要 ${caregiversNeeded(draft.ageClass, capacity)} 名保育人员（每 ${rule.childrenPerCaregiver} 人 1 名）`;
  }
  return out;
}

function coordinate(text: string): number | undefined {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? value : undefined;
}

/** All errors of the form, or the request body when there are none. */
export function checkFiling(draft: FilingDraft): { errors: FilingErrors; body?: InstitutionFiling } {
  const errors: FilingErrors = {};
  if (draft.name.trim().length < 2) errors.name = '机构名称至少 2 个字';
  const codeIssue = creditCodeIssue(draft.creditCode);
  if (draft.creditCode.trim() === '') errors.creditCode = '请填写统一社会信用代码';
  else if (codeIssue) errors.creditCode = codeIssue;
  if (draft.address.trim().length < 4) errors.address = '请填写详细地址';
  if (!draft.district) errors.district = '请选择所在县区';
  const lat = coordinate(draft.lat);
  const lng = coordinate(draft.lng);
  if (lat === undefined || lat < 27.5 || lat > 29.5) errors.lat = '请选择南昌市内的位置（纬度 27.5–29.5）';
  if (lng === undefined || lng < 115 || lng > 117) errors.lng = '请选择南昌市内的位置（经度 115–117）';
  const fee = wholeNumber(draft.monthlyFee);
  if (fee === undefined || fee > 50_000) errors.monthlyFeeYuan = '请填写 0–50000 的月收费（元）';
  if (draft.classes.length === 0) errors.classes = '至少开设一个班级';
  draft.classes.forEach((c, i) => {
    const issues = classIssues(c);
    if (issues.capacity) errors[`classes.${i}.capacity`] = issues.capacity;
    if (issues.caregivers) errors[`classes.${i}.caregivers`] = issues.caregivers;
  });
  if (
    Object.keys(errors).length > 0 ||
    !draft.district ||
    lat === undefined ||
    lng === undefined ||
    fee === undefined
  ) {
    return { errors };
  }
  return {
    errors,
    body: {
      name: draft.name.trim(),
      creditCode: draft.creditCode.trim().toUpperCase(),
      address: draft.address.trim(),
      district: draft.district,
      lat,
      lng,
      affordable: draft.affordable,
      monthlyFeeYuan: fee,
      classes: draft.classes.map((c) => ({
        ageClass: c.ageClass,
        capacity: Number(c.capacity.trim()),
        caregivers: Number(c.caregivers.trim()),
      })),
    },
  };
}

/** A slot's capacity can never exceed its class maximum (SPEC C1). */
export function slotCapacityIssue(ageClass: AgeClass, capacityText: string): string | undefined {
  const capacity = wholeNumber(capacityText);
  const max = ageClassRules[ageClass].maxChildren;
  if (capacity === undefined || capacity < 1) return `请填写 1–${max} 的名额`;
  if (capacity > max) return `${ageClassRules[ageClass].name}每个时段最多 ${max} 个名额`;
  return undefined;
}
