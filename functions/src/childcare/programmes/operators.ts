import { type DistrictCode, isValidCreditCode, type ListQuery, type SessionUser } from '@hongjia/shared';
import { type AccessChecks, districtsAsked, type Jurisdiction } from '../../commons/access';
import { parseCsv } from '../../commons/csv';
import { notFound, validationFailed } from '../../commons/errors';
import { isConditionFailure } from '../../commons/guards';
import { pageAcross } from '../../commons/paging';
import type { InstitutionEntity } from '../entities';
import type { KnownOperatorEntity, KnownOperatorItem } from './entities';

/** The import's columns: the credit code and the name are required, the address may be empty. */
export const operatorColumns = { creditCode: '统一社会信用代码', name: '机构名称', address: '地址' } as const;
export const maxImportRows = 2000;

export interface OperatorRow {
  creditCode: string;
  name: string;
  address?: string;
}

/**
 * Reads an operator CSV the way population imports are read (decision 0020): the header row
 * names the columns (any order, BOM tolerated), each data row is checked on its own, and a bad
 * row is reported with its spreadsheet row number (the header is row 1) and field, never
 * stopping the others. A missing column refuses the whole file.
 */
export function readOperatorCsv(csv: string): {
  rows: { row: number; operator: OperatorRow }[];
  errors: { row: number; field: string; message: string }[];
  total: number;
} {
  let records: string[][];
  try {
    records = parseCsv(csv.replace(/^\uFEFF/, ''));
  } catch {
    throw validationFailed('CSV 格式不正确，请在 Excel 中另存为「CSV UTF-8」', [
      { path: 'body.csv', message: 'CSV 无法解析' },
    ]);
  }
  const header = records[0] ?? [];
  const at = {
    creditCode: header.indexOf(operatorColumns.creditCode),
    name: header.indexOf(operatorColumns.name),
    address: header.indexOf(operatorColumns.address),
  };
  const missing = (['creditCode', 'name'] as const).filter((column) => at[column] < 0);
  if (missing.length) {
    const names = missing.map((column) => operatorColumns[column]).join('、');
    throw validationFailed(`表头缺少列：${names}（第 1 行应为 统一社会信用代码,机构名称,地址）`, [
      { path: 'body.csv', message: `缺少列：${names}` },
    ]);
  }
  const data = records.slice(1);
  if (data.length > maxImportRows) {
    throw validationFailed(`一次最多导入 ${maxImportRows} 行`, [{ path: 'body.csv', message: '行数过多' }]);
  }
  const rows: { row: number; operator: OperatorRow }[] = [];
  const errors: { row: number; field: string; message: string }[] = [];
  data.forEach((cells, index) => {
    const row = index + 2;
    const creditCode = (cells[at.creditCode] ?? '').toUpperCase();
    const name = cells[at.name] ?? '';
    const address = at.address >= 0 ? (cells[at.address] ?? '') : '';
    if (!isValidCreditCode(creditCode)) {
      errors.push({
        row,
        field: operatorColumns.creditCode,
        message: '统一社会信用代码不正确（18 位，末位校验码）',
      });
    } else if (name.length < 2 || name.length > 60) {
      errors.push({ row, field: operatorColumns.name, message: '机构名称应为 2–60 个字' });
    } else {
      rows.push({
        row,
        operator: { creditCode, name, ...(address ? { address: address.slice(0, 120) } : {}) },
      });
    }
  });
  return { rows, errors, total: data.length };
}

/** The one district a write goes to: the body's (within the jurisdiction), else a district staff's own. */
export function districtToWrite(jurisdiction: Jurisdiction, asked: DistrictCode | undefined): DistrictCode {
  if (asked) return districtsAsked(jurisdiction, asked, '只能维护本县区的机构底册')[0] as DistrictCode;
  if (!jurisdiction.cityWide) return jurisdiction.districts[0];
  throw validationFailed('请选择县区', [{ path: 'body.district', message: '市级工作人员请选择县区' }]);
}

/**
 * The district's known childcare operators (托育机构底册), the denominator of 登记备案率
 * (decision 0034). One item per district and credit code: entering or importing an operator
 * again changes nothing (a conditional create), so an import can be run twice.
 */
export function createKnownOperators(deps: {
  operators: KnownOperatorEntity;
  institutions: InstitutionEntity;
  access: AccessChecks;
}) {
  const { operators } = deps;

  /** Credit codes of the district's published filings (one Query on its status prefix). */
  const filedCodes = async (district: DistrictCode) =>
    new Set(
      (
        await deps.institutions.query
          .byDistrict({ district, status: 'published' })
          .go({ pages: 'all', attributes: ['creditCode'] })
      ).data.map((item) => item.creditCode),
    );

  const view = (item: KnownOperatorItem, filed: Set<string>) => ({
    district: item.district,
    creditCode: item.creditCode,
    name: item.name,
    ...(item.address ? { address: item.address } : {}),
    filed: filed.has(item.creditCode),
    addedAt: item.addedAt,
  });

  /** Writes one operator unless the district already lists its code; true when it was new. */
  async function put(district: DistrictCode, operator: OperatorRow, caller: SessionUser, now: Date) {
    try {
      await operators.create({ district, ...operator, addedBy: caller.id, addedAt: now.toISOString() }).go();
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  return {
    filedCodes,

    async add(
      caller: SessionUser,
      input: {
        district?: DistrictCode | undefined;
        creditCode: string;
        name: string;
        address?: string | undefined;
      },
      now: Date,
    ) {
      const district = districtToWrite(await deps.access.staffJurisdiction(caller), input.district);
      if (!isValidCreditCode(input.creditCode)) {
        const message = '统一社会信用代码不正确：应为 18 位，末位校验码须符合 GB 32100';
        throw validationFailed(message, [{ path: 'body.creditCode', message }]);
      }
      await put(
        district,
        {
          creditCode: input.creditCode,
          name: input.name,
          ...(input.address ? { address: input.address } : {}),
        },
        caller,
        now,
      );
      const stored = (
        await operators.get({ district, creditCode: input.creditCode }).go({ consistent: true })
      ).data;
      if (!stored) throw notFound('底册写入失败，请重试');
      return view(stored, await filedCodes(district));
    },

    async import(
      caller: SessionUser,
      input: { district?: DistrictCode | undefined; csv: string },
      now: Date,
    ) {
      const district = districtToWrite(await deps.access.staffJurisdiction(caller), input.district);
      const { rows, errors, total } = readOperatorCsv(input.csv);
      let accepted = 0;
      let duplicates = 0;
      const seen = new Set<string>();
      for (const { operator } of rows) {
        if (seen.has(operator.creditCode) || !(await put(district, operator, caller, now))) duplicates++;
        else accepted++;
        seen.add(operator.creditCode);
      }
      return { rows: total, accepted, duplicates, rejected: errors.length, errors };
    },

    async list(caller: SessionUser, query: ListQuery & { district?: DistrictCode | undefined }) {
      const districts = await deps.access.staffDistricts(caller, query.district, '只能查看本县区的机构底册');
      return pageAcross(districts, query, async (district, limit, cursor) => {
        const [page, filed] = await Promise.all([
          operators.query.byDistrict({ district }).go({ limit, ...(cursor ? { cursor } : {}) }),
          filedCodes(district),
        ]);
        return { items: page.data.map((item) => view(item, filed)), cursor: page.cursor };
      });
    },

    /** Every listed credit code of a district, for 登记备案率. */
    async listedCodes(district: DistrictCode) {
      return (
        await operators.query.byDistrict({ district }).go({ pages: 'all', attributes: ['creditCode'] })
      ).data.map((item) => item.creditCode);
    },
  };
}
