/**
 * The four record sources of population monitoring (SPEC C4) and their file
 * layouts: the exact header row each file must carry, in this order or any
 * other (columns are found by name), and the natural key that identifies a
 * record across files. A hospital that sends the same delivery twice sends
 * the same `deliveryId`: that is what makes re-imports harmless.
 */
export const monitoringSources = [
  'hospital_delivery',
  'vaccination',
  'birth_certificate',
  'household_migration',
] as const;
export type MonitoringSource = (typeof monitoringSources)[number];

export const sourceHeaders = {
  hospital_delivery: [
    'deliveryId',
    'motherIdNumber',
    'motherName',
    'hospital',
    'district',
    'deliveryDate',
    'childSex',
    'birthWeightG',
    'parity',
  ],
  vaccination: [
    'recordId',
    'childName',
    'childBirthDate',
    'motherIdNumber',
    'vaccine',
    'dose',
    'vaccinatedAt',
    'district',
  ],
  birth_certificate: [
    'certNo',
    'childName',
    'childSex',
    'childBirthDate',
    'motherIdNumber',
    'fatherIdNumber',
    'hospital',
    'district',
    'issuedAt',
  ],
  household_migration: ['recordId', 'idNumber', 'direction', 'fromDistrict', 'toDistrict', 'date'],
} as const satisfies Record<MonitoringSource, readonly string[]>;

export type SourceHeader<S extends MonitoringSource> = (typeof sourceHeaders)[S][number];

/** The column whose value identifies a record of the source (de-duplication across imports). */
export const naturalKeyColumn = {
  hospital_delivery: 'deliveryId',
  vaccination: 'recordId',
  birth_certificate: 'certNo',
  household_migration: 'recordId',
} as const satisfies { [S in MonitoringSource]: SourceHeader<S> };

export const sourceNames: Record<MonitoringSource, string> = {
  hospital_delivery: '住院分娩',
  vaccination: '预防接种',
  birth_certificate: '出生医学证明',
  household_migration: '户籍迁移',
};

/** Chinese names of the columns, for error messages and the errors.csv a sender fixes the file from. */
export const columnNames: Record<string, string> = {
  deliveryId: '分娩记录号',
  motherIdNumber: '母亲身份证号',
  motherName: '母亲姓名',
  hospital: '医院',
  district: '县区代码',
  deliveryDate: '分娩日期',
  childSex: '新生儿性别',
  birthWeightG: '出生体重（克）',
  parity: '孩次',
  recordId: '记录号',
  childName: '儿童姓名',
  childBirthDate: '出生日期',
  vaccine: '疫苗',
  dose: '剂次',
  vaccinatedAt: '接种日期',
  certNo: '出生医学证明编号',
  fatherIdNumber: '父亲身份证号',
  issuedAt: '签发日期',
  idNumber: '身份证号',
  direction: '迁移方向',
  fromDistrict: '迁出地代码',
  toDistrict: '迁入地代码',
  date: '迁移日期',
};

export type HeaderCheck =
  | { ok: true; columns: readonly string[] }
  | { ok: false; missing: string[]; unknown: string[]; message: string };

/**
 * Checks a file's header row against its source's layout. Names are compared
 * after trimming (a BOM or spaces Excel kept are not the sender's fault);
 * every expected column must be there once, and no other column may be: an
 * unknown one is usually a misspelt expected one, and silently ignoring it
 * would turn every row into "missing field". The message names both lists.
 */
export function checkHeader(source: MonitoringSource, header: readonly string[]): HeaderCheck {
  const expected: readonly string[] = sourceHeaders[source];
  const given = header.map((name) => name.replace(/^\uFEFF/, '').trim());
  const missing = expected.filter((name) => !given.includes(name));
  const unknown = given.filter((name, index) => !expected.includes(name) || given.indexOf(name) !== index);
  if (missing.length === 0 && unknown.length === 0) return { ok: true, columns: given };
  const parts: string[] = [];
  if (missing.length) parts.push(`缺少列：${missing.join('、')}`);
  if (unknown.length) parts.push(`无法识别的列：${unknown.map((name) => name || '（空列名）').join('、')}`);
  return {
    ok: false,
    missing,
    unknown,
    message: `文件表头与「${sourceNames[source]}」模板不一致（${parts.join('；')}）。第一行应为：${expected.join(',')}`,
  };
}
