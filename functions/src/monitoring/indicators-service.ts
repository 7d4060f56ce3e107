import {
  addFigures,
  addMonths,
  chinaDate,
  type DistrictCode,
  emptyFigures,
  type Figures,
  type Indicators,
  monthsBetween,
  motherAgeGroups,
  parityGroups,
  qualityFlags,
  type SessionUser,
  sexRatio,
  share,
} from '@hongjia/shared';
import type { Jurisdiction } from '../commons/access';
import { forbidden } from '../commons/errors';
import type { CounterStore } from './counters';
import type { Gaps } from './gaps';

/** Months before the range read for the trend flag. */
const trendMonths = 6;

/**
 * Indicators from the counters alone: one Query per district over the months
 * (plus 6 months before, for the trend flag), whatever the number of records
 * (decision 0020). Ratios are computed here from the sums. The repeat-delivery
 * flag counts the open identity conflicts of the range (a COUNT Query per
 * district-month, bounded by those conflicts).
 */
export function createIndicatorsService(deps: {
  counters: CounterStore;
  gaps: Gaps;
  jurisdiction: (caller: SessionUser) => Promise<Jurisdiction>;
}) {
  return {
    async read(
      caller: SessionUser,
      query: { district?: DistrictCode; from: string; to: string },
      now: Date,
    ): Promise<Indicators> {
      const jurisdiction = await deps.jurisdiction(caller);
      if (!jurisdiction.cityWide && query.district !== jurisdiction.districts[0]) {
        throw forbidden(query.district ? '只能查看本县区的监测指标' : '请选择本县区');
      }
      const districts = query.district ? [query.district] : jurisdiction.districts;
      const historyFrom = addMonths(query.from, -trendMonths);
      const byMonth = new Map<string, Figures>();
      for (const month of monthsBetween(historyFrom, query.to)) byMonth.set(month, emptyFigures());
      const perDistrict = await Promise.all(
        districts.map((district) => deps.counters.read(district, historyFrom, query.to)),
      );
      for (const months of perDistrict) {
        for (const { month, figures } of months) addFigures(byMonth.get(month) ?? emptyFigures(), figures);
      }
      const months = monthsBetween(query.from, query.to).map((month) => ({
        month,
        figures: byMonth.get(month) ?? emptyFigures(),
      }));
      const history = monthsBetween(historyFrom, addMonths(query.from, -1)).map((month) => ({
        month,
        figures: byMonth.get(month) ?? emptyFigures(),
      }));
      const total = months.reduce((sum, { figures }) => addFigures(sum, figures), emptyFigures());
      const today = chinaDate(now);
      const conflicts = await Promise.all(
        districts.flatMap((district) =>
          months.map(({ month }) => deps.gaps.countOpen(district, month, 'identity_conflict', today)),
        ),
      );
      return {
        district: query.district ?? (jurisdiction.cityWide ? null : jurisdiction.districts[0]),
        from: query.from,
        to: query.to,
        births: total.births,
        boys: total.boys,
        girls: total.girls,
        sexRatio: sexRatio(total.boys, total.girls),
        parityShares: parityGroups.map((group) => ({
          parity: group.field.replace('parity', ''),
          label: group.label,
          births: total[group.field],
          share: share(total[group.field], total.births),
        })),
        motherAgeGroups: motherAgeGroups.map((group) => ({
          group: group.field,
          label: group.label,
          births: total[group.field],
          share: share(total[group.field], total.births),
        })),
        registered: total.registered,
        registrationCoverage: share(total.registered, total.births),
        migrationIn: total.migrationIn,
        migrationOut: total.migrationOut,
        byMonth: months.map(({ month, figures }) => ({
          month,
          births: figures.births,
          boys: figures.boys,
          girls: figures.girls,
          sexRatio: sexRatio(figures.boys, figures.girls),
          registered: figures.registered,
          registrationCoverage: share(figures.registered, figures.births),
          migrationIn: figures.migrationIn,
          migrationOut: figures.migrationOut,
        })),
        flags: qualityFlags({
          months,
          history,
          repeatDeliveries: conflicts.reduce((sum, count) => sum + count, 0),
        }),
      };
    },
  };
}
