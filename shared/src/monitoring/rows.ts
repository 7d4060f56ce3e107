import { type DistrictCode, isDistrictCode } from '../districts';
import { ageInYears, idNumberProblemMessages, parseIdNumber } from '../identity/id-number';
import { normalizeDay } from './dates';
import { columnNames, type MonitoringSource, type SourceHeader } from './sources';

/** One problem of one row, as the import report and errors.csv show it (`row` is the spreadsheet row: the header is row 1). */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface DeliveryRow {
  source: 'hospital_delivery';
  key: string;
  district: DistrictCode;
  motherIdNumber: string;
  motherName: string;
  motherBirthDate: string;
  hospital: string;
  deliveryDate: string;
  childSex: 'M' | 'F';
  birthWeightG: number;
  parity: number;
}

export interface VaccinationRow {
  source: 'vaccination';
  key: string;
  district: DistrictCode;
  childName: string;
  childBirthDate: string;
  motherIdNumber: string;
  vaccine: string;
  dose: number;
  vaccinatedAt: string;
}

export interface BirthCertificateRow {
  source: 'birth_certificate';
  key: string;
  district: DistrictCode;
  childName: string;
  childSex: 'M' | 'F';
  childBirthDate: string;
  motherIdNumber: string;
  fatherIdNumber?: string;
  hospital: string;
  issuedAt: string;
}

export interface MigrationRow {
  source: 'household_migration';
  key: string;
  /** The Nanchang district on our side of the move: the destination of a move in, the origin of a move out. */
  district: DistrictCode;
  idNumber: string;
  direction: 'in' | 'out';
  fromDistrict: string;
  toDistrict: string;
  date: string;
}

export type MonitoringRow = DeliveryRow | VaccinationRow | BirthCertificateRow | MigrationRow;

export type RowResult = { ok: true; row: MonitoringRow } | { ok: false; errors: Omit<RowError, 'row'>[] };

/** Birth weights outside this range are refused as typing errors (grams). */
export const birthWeightRange = { min: 300, max: 7000 } as const;
export const parityRange = { min: 1, max: 15 } as const;
/** A mother's age at delivery (from her ID number) outside this is a wrong ID number or date. */
export const motherAgeRange = { min: 12, max: 60 } as const;
/** Event dates before this are refused: monitoring starts long after. */
const earliestDay = '1950-01-01';

const keyPattern = /^[A-Za-z0-9][A-Za-z0-9_\-./]{0,63}$/;
const namePattern = /^[\u3400-\u9fffA-Za-z·•. ]{1,40}$/;

/**
 * Validates one data row of a source's file into a typed record, or lists
 * every problem with its column and a Chinese message. Pure: `today` is the
 * Asia/Shanghai day against which "not in the future" is checked. What the
 * import does with the district (jurisdiction) is not checked here.
 */
export function validateRow(
  source: MonitoringSource,
  cells: Readonly<Record<string, string>>,
  today: string,
): RowResult {
  const errors: Omit<RowError, 'row'>[] = [];
  const fail = (field: string, message: string) => {
    errors.push({ field, message });
    return undefined;
  };
  const text = (field: string) => (cells[field] ?? '').trim();

  const required = (field: string): string | undefined => {
    const value = text(field);
    return value ? value : fail(field, `${columnNames[field] ?? field}不能为空`);
  };
  const key = (field: string) => {
    const value = required(field);
    if (value === undefined) return undefined;
    return keyPattern.test(value)
      ? value
      : fail(field, `${columnNames[field]}只能由字母、数字和 _ - . / 组成，最长 64 位`);
  };
  const day = (field: string, notBefore?: { day: string | undefined; label: string }) => {
    const value = required(field);
    if (value === undefined) return undefined;
    const normalized = normalizeDay(value);
    if (!normalized) return fail(field, `${columnNames[field]}「${value}」不是有效日期（应为 YYYY-MM-DD）`);
    if (normalized > today) return fail(field, `${columnNames[field]}不能晚于今天`);
    if (normalized < earliestDay) return fail(field, `${columnNames[field]}早于 1950 年，请核对`);
    if (notBefore?.day && normalized < notBefore.day) {
      return fail(field, `${columnNames[field]}不能早于${notBefore.label}`);
    }
    return normalized;
  };
  const district = (field: string): DistrictCode | undefined => {
    const value = required(field);
    if (value === undefined) return undefined;
    return isDistrictCode(value)
      ? value
      : fail(
          field,
          `县区代码「${value}」不是南昌市的县区（360102、360103、360104、360111、360112、360113、360121、360123、360124）`,
        );
  };
  const regionCode = (field: string) => {
    const value = required(field);
    if (value === undefined) return undefined;
    return /^\d{6}$/.test(value) ? value : fail(field, `${columnNames[field]}应为 6 位行政区划代码`);
  };
  const idNumber = (field: string, sex?: 'M' | 'F') => {
    const value = required(field);
    if (value === undefined) return undefined;
    const parsed = parseIdNumber(value, today);
    if (!parsed.ok) return fail(field, `${columnNames[field]}：${idNumberProblemMessages[parsed.problem]}`);
    if (sex && parsed.facts.sex !== sex) {
      return fail(field, `${columnNames[field]}显示为${parsed.facts.sex === 'M' ? '男' : '女'}性，请核对`);
    }
    return { idNumber: value.toUpperCase(), birthDate: parsed.facts.birthDate };
  };
  const name = (field: string) => {
    const value = required(field);
    if (value === undefined) return undefined;
    return namePattern.test(value)
      ? value
      : fail(field, `${columnNames[field]}含有无法识别的字符或超过 40 个字`);
  };
  const label = (field: string, max = 60) => {
    const value = required(field);
    if (value === undefined) return undefined;
    return value.length <= max ? value : fail(field, `${columnNames[field]}超过 ${max} 个字`);
  };
  const sex = (field: string): 'M' | 'F' | undefined => {
    const value = required(field);
    if (value === undefined) return undefined;
    const normalized = { M: 'M', F: 'F', m: 'M', f: 'F', 男: 'M', 女: 'F' }[value] as 'M' | 'F' | undefined;
    return normalized ?? fail(field, `${columnNames[field]}应为 M（男）或 F（女）`);
  };
  const integer = (field: string, range: { min: number; max: number }, unit = '') => {
    const value = required(field);
    if (value === undefined) return undefined;
    const number = /^\d+(\.0+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isInteger(number)) return fail(field, `${columnNames[field]}应为整数`);
    if (number < range.min || number > range.max) {
      return fail(field, `${columnNames[field]}应在 ${range.min}–${range.max}${unit} 之间`);
    }
    return number;
  };
  const finish = (row: MonitoringRow | undefined): RowResult =>
    errors.length || !row ? { ok: false, errors } : { ok: true, row };
  const has = (...values: unknown[]): boolean => values.every((v) => v !== undefined);

  switch (source) {
    case 'hospital_delivery': {
      const k = key('deliveryId');
      const mother = idNumber('motherIdNumber', 'F');
      const motherName = name('motherName');
      const hospital = label('hospital');
      const d = district('district');
      const deliveryDate = day('deliveryDate');
      const childSex = sex('childSex');
      const birthWeightG = integer('birthWeightG', birthWeightRange, ' 克');
      const parity = integer('parity', parityRange);
      if (mother && deliveryDate) {
        const age = ageInYears(mother.birthDate, deliveryDate);
        if (age < motherAgeRange.min || age > motherAgeRange.max) {
          fail(
            'deliveryDate',
            `按母亲身份证号，分娩时母亲 ${age} 岁，不在 ${motherAgeRange.min}–${motherAgeRange.max} 岁之间，请核对身份证号或分娩日期`,
          );
        }
      }
      if (!has(k, mother, motherName, hospital, d, deliveryDate, childSex, birthWeightG, parity))
        return finish(undefined);
      return finish({
        source,
        key: k as string,
        district: d as DistrictCode,
        motherIdNumber: (mother as { idNumber: string }).idNumber,
        motherBirthDate: (mother as { birthDate: string }).birthDate,
        motherName: motherName as string,
        hospital: hospital as string,
        deliveryDate: deliveryDate as string,
        childSex: childSex as 'M' | 'F',
        birthWeightG: birthWeightG as number,
        parity: parity as number,
      });
    }
    case 'vaccination': {
      const k = key('recordId');
      const childName = name('childName');
      const childBirthDate = day('childBirthDate');
      const mother = idNumber('motherIdNumber', 'F');
      const vaccine = label('vaccine', 40);
      const dose = integer('dose', { min: 1, max: 10 });
      const vaccinatedAt = day('vaccinatedAt', { day: childBirthDate, label: '出生日期' });
      const d = district('district');
      if (!has(k, childName, childBirthDate, mother, vaccine, dose, vaccinatedAt, d))
        return finish(undefined);
      return finish({
        source,
        key: k as string,
        district: d as DistrictCode,
        childName: childName as string,
        childBirthDate: childBirthDate as string,
        motherIdNumber: (mother as { idNumber: string }).idNumber,
        vaccine: vaccine as string,
        dose: dose as number,
        vaccinatedAt: vaccinatedAt as string,
      });
    }
    case 'birth_certificate': {
      const k = key('certNo');
      const childName = name('childName');
      const childSex = sex('childSex');
      const childBirthDate = day('childBirthDate');
      const mother = idNumber('motherIdNumber', 'F');
      // The father may be unknown to the hospital: an empty column is allowed, a wrong number is not.
      const father = text('fatherIdNumber') ? idNumber('fatherIdNumber', 'M') : undefined;
      const hospital = label('hospital');
      const d = district('district');
      const issuedAt = day('issuedAt', { day: childBirthDate, label: '出生日期' });
      if (!has(k, childName, childSex, childBirthDate, mother, hospital, d, issuedAt))
        return finish(undefined);
      return finish({
        source,
        key: k as string,
        district: d as DistrictCode,
        childName: childName as string,
        childSex: childSex as 'M' | 'F',
        childBirthDate: childBirthDate as string,
        motherIdNumber: (mother as { idNumber: string }).idNumber,
        ...(father ? { fatherIdNumber: father.idNumber } : {}),
        hospital: hospital as string,
        issuedAt: issuedAt as string,
      });
    }
    case 'household_migration': {
      const k = key('recordId');
      const person = idNumber('idNumber');
      const directionText = required('direction');
      const direction =
        directionText === undefined
          ? undefined
          : (({ in: 'in', out: 'out', 迁入: 'in', 迁出: 'out' }[directionText] as 'in' | 'out' | undefined) ??
            fail('direction', '迁移方向应为 in（迁入）或 out（迁出）'));
      const fromDistrict = regionCode('fromDistrict');
      const toDistrict = regionCode('toDistrict');
      const date = day('date');
      let home: DistrictCode | undefined;
      if (direction && fromDistrict && toDistrict) {
        const field = direction === 'in' ? 'toDistrict' : 'fromDistrict';
        const code = direction === 'in' ? toDistrict : fromDistrict;
        if (fromDistrict === toDistrict) fail('toDistrict', '迁入地与迁出地相同');
        else if (!isDistrictCode(code)) {
          fail(
            field,
            `${direction === 'in' ? '迁入' : '迁出'}记录的${columnNames[field]}应为南昌市的县区代码`,
          );
        } else home = code;
      }
      if (!has(k, person, direction, fromDistrict, toDistrict, date, home)) return finish(undefined);
      return finish({
        source,
        key: k as string,
        district: home as DistrictCode,
        idNumber: (person as { idNumber: string }).idNumber,
        direction: direction as 'in' | 'out',
        fromDistrict: fromDistrict as string,
        toDistrict: toDistrict as string,
        date: date as string,
      });
    }
  }
}

/** The day a record is counted under (its month is the counter's and the reconciliation's). */
export function eventDayOf(row: MonitoringRow): string {
  switch (row.source) {
    case 'hospital_delivery':
      return row.deliveryDate;
    case 'vaccination':
      return row.vaccinatedAt;
    case 'birth_certificate':
      return row.childBirthDate;
    case 'household_migration':
      return row.date;
  }
}

export type { SourceHeader };
