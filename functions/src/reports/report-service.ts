import { createHash } from 'node:crypto';
import {
  type DistrictCode,
  districtByCode,
  type FileAnswer,
  type Indicators,
  type ReconciliationKind,
  reconciliationKinds,
  reportContentTypes,
  type SessionUser,
} from '@hongjia/shared';
import type { Jurisdiction } from '../commons/access';
import { forbidden } from '../commons/errors';
import type { monitoringServices } from '../monitoring';
import type { ReportCache } from './cache';
import { reportSections } from './charts';
import { commentary } from './commentary';
import { type ReportDocument, renderHtml } from './html';
import type { DistrictLine, ReportInputs, ReportYear } from './inputs';
import { renderPdf } from './pdf';

/** Bumped when the layout or the rules change, so cached documents of the old layout are not served. */
export const reportLayoutVersion = 2;
const cityName = '南昌市';
/** Reconciliation lists read at once (each is six Queries). */
const listConcurrency = 8;

type Monitoring = Pick<ReturnType<typeof monitoringServices>, 'indicators' | 'reconciliation'>;

export interface ReportDeps {
  monitoring: Monitoring;
  jurisdiction: (caller: SessionUser) => Promise<Jurisdiction>;
  cache: ReportCache;
  /** Called once per document drawn (tests and the bench count renders). */
  onRender?: (key: string) => void;
}

/**
 * The situation report (人口形势分析报告): reads its inputs through
 * monitoring's services only (indicators from the counters, open gap counts
 * from the reconciliation list — never records), hashes them into the data
 * version, and answers the cached document of that version or draws it once.
 */
export function createReportService(deps: ReportDeps) {
  async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
    const results: R[] = new Array(items.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
          const index = next++;
          results[index] = await work(items[index] as T);
        }
      }),
    );
    return results;
  }

  async function yearOf(
    caller: SessionUser,
    districts: readonly DistrictCode[],
    district: DistrictCode | undefined,
    year: number,
    now: Date,
  ): Promise<ReportYear> {
    const indicators = await deps.monitoring.indicators.read(
      caller,
      { ...(district ? { district } : {}), from: `${year}-01`, to: `${year}-12` },
      now,
    );
    const months = Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
    const lists = await mapLimited(
      districts.flatMap((code) => months.map((month) => ({ code, month }))),
      listConcurrency,
      ({ code, month }) =>
        deps.monitoring.reconciliation.list(caller, { district: code, month, status: 'open', limit: 1 }, now),
    );
    const gaps = Object.fromEntries(reconciliationKinds.map((kind) => [kind, 0])) as Record<
      ReconciliationKind,
      number
    >;
    for (const list of lists) for (const kind of reconciliationKinds) gaps[kind] += list.counts[kind];
    return { year, indicators, gaps };
  }

  const summary = (indicators: Indicators) => ({
    births: indicators.births,
    sexRatio: indicators.sexRatio,
    registrationCoverage: indicators.registrationCoverage,
  });

  async function inputsOf(
    caller: SessionUser,
    district: DistrictCode | undefined,
    year: number,
    now: Date,
  ): Promise<ReportInputs> {
    const jurisdiction = await deps.jurisdiction(caller);
    if (!jurisdiction.cityWide && district !== jurisdiction.districts[0]) {
      throw forbidden(district ? '只能查看本县区的分析报告' : '请选择本县区');
    }
    const covered = district ? [district] : jurisdiction.districts;
    const [current, previous] = await Promise.all([
      yearOf(caller, covered, district, year, now),
      yearOf(caller, covered, district, year - 1, now),
    ]);
    const districts: DistrictLine[] = district
      ? []
      : await mapLimited(covered, 3, async (code) => {
          const [now_, before] = await Promise.all([
            deps.monitoring.indicators.read(
              caller,
              { district: code, from: `${year}-01`, to: `${year}-12` },
              now,
            ),
            deps.monitoring.indicators.read(
              caller,
              { district: code, from: `${year - 1}-01`, to: `${year - 1}-12` },
              now,
            ),
          ]);
          return { code, name: districtByCode(code).name, current: summary(now_), previous: summary(before) };
        });
    return {
      district: district ?? null,
      areaName: district ? districtByCode(district).name : cityName,
      current,
      previous,
      districts,
    };
  }

  return {
    async report(
      caller: SessionUser,
      query: { district?: DistrictCode; year: number; format: 'pdf' | 'html' },
      now: Date,
    ): Promise<FileAnswer> {
      const inputs = await inputsOf(caller, query.district, query.year, now);
      const version = createHash('sha256')
        .update(JSON.stringify({ layout: reportLayoutVersion, inputs }))
        .digest('hex')
        .slice(0, 32);
      const key = `${inputs.district ?? 'city'}/${query.year}/${version}.${query.format}`;
      const contentType = reportContentTypes[query.format];
      const fileName = `${inputs.areaName}${query.year}年人口形势分析报告.${query.format}`;
      const headers = (cache: 'hit' | 'miss') => ({
        'content-disposition': `${query.format === 'pdf' ? 'attachment' : 'inline'}; filename="report-${inputs.district ?? 'city'}-${query.year}.${query.format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'x-report-cache': cache,
        'x-report-version': version,
        ...(query.format === 'html'
          ? { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:" }
          : {}),
      });

      const cached = await deps.cache.get(key);
      if (cached) return { contentType, base64: cached.toString('base64'), headers: headers('hit') };

      deps.onRender?.(key);
      const document: ReportDocument = {
        title: `${inputs.areaName}${query.year}年人口形势分析报告`,
        subtitle: `统计期间 ${query.year}年1月—12月，与${query.year - 1}年同期对比`,
        commentary: commentary(inputs),
        sections: reportSections(inputs),
        footer: `数据来源：医院分娩、出生医学证明、预防接种与户籍迁移记录的导入汇总，及生育登记。数据版本 ${version.slice(0, 12)}，生成于 ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC。`,
      };
      const bytes =
        query.format === 'pdf' ? await renderPdf(document, now) : Buffer.from(renderHtml(document), 'utf8');
      await deps.cache.put(key, bytes, contentType);
      return { contentType, base64: bytes.toString('base64'), headers: headers('miss') };
    },
  };
}
