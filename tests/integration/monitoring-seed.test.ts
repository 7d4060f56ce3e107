import {
  chinaDate,
  type Indicators,
  type Reconciliation,
  type ReconciliationKind,
  reconciliationKinds,
} from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { demoBirthsPerDistrict, planMonitoringFiles } from '../../local/seed/monitoring-files';
import { templateMonitoringBirths } from '../seeded-city/template';
import { call, signIn, startTestRuntime } from './harness';

/**
 * The demo seed's monitoring year (local/seed/monitoring.ts). Two halves, so the file does not
 * seed a city of its own (that took 69 s of CI): the demo-sized plan is checked as data — the
 * city's figures look like a city's and every reconciliation kind has something to show — and
 * the run's seeded city, whose smaller year went in through the same real import path, shows that
 * the import counts every planned birth once and reconciliation finds the planned gaps.
 */
const rows = (csv: string) => {
  const [header, ...lines] = csv.trim().split('\r\n');
  const names = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])));
};

/** The reconciliation kinds a plan leaves open in one district (decision 0020's rules, from the files). */
function plannedKinds(perDistrict: number, district: string): Set<ReconciliationKind> {
  const plan = planMonitoringFiles(new Date(), perDistrict);
  const of = (source: keyof typeof plan.files) =>
    plan.files[source].filter((file) => file.district === district).flatMap((file) => rows(file.csv));
  const deliveries = of('hospital_delivery');
  const certificates = of('birth_certificate');
  const vaccinated = new Set(of('vaccination').map((row) => row.motherIdNumber));
  const registrations = plan.registrations.filter((registration) => registration.district === district);
  const registered = new Set(registrations.map((registration) => registration.motherIdNumber));
  const certified = new Map(certificates.map((row) => [row.motherIdNumber, row.childSex]));
  const kinds = new Set<ReconciliationKind>();
  for (const delivery of deliveries) {
    if (!registered.has(delivery.motherIdNumber)) kinds.add('delivery_without_registration');
    if (!certified.has(delivery.motherIdNumber)) kinds.add('delivery_without_birth_certificate');
    else if (certified.get(delivery.motherIdNumber) !== delivery.childSex) kinds.add('identity_conflict');
    if (!vaccinated.has(delivery.motherIdNumber)) kinds.add('birth_without_vaccination');
  }
  if (registrations.some((registration) => !registration.delivered)) kinds.add('registration_overdue');
  return kinds;
}

describe('the demo seed’s monitoring plan', () => {
  it('looks like a city: sex ratio 100–115, most births registered, moves both ways', () => {
    const plan = planMonitoringFiles(new Date(), demoBirthsPerDistrict);
    const deliveries = plan.files.hospital_delivery.flatMap((file) => rows(file.csv));
    expect(deliveries).toHaveLength(demoBirthsPerDistrict * 9);
    const boys = deliveries.filter((row) => row.childSex === 'M').length;
    const sexRatio = (100 * boys) / (deliveries.length - boys);
    expect(sexRatio).toBeGreaterThanOrEqual(100);
    expect(sexRatio).toBeLessThanOrEqual(115);
    const registered = plan.registrations.filter((registration) => registration.delivered).length;
    expect(registered / deliveries.length).toBeGreaterThan(0.7);
    expect(registered / deliveries.length).toBeLessThan(1);
    const moves = plan.files.household_migration.flatMap((file) => rows(file.csv));
    expect(new Set(moves.map((row) => row.direction))).toEqual(new Set(['in', 'out']));
  });

  it('leaves an open item of every reconciliation kind in 东湖区 for the worklist to show', () => {
    expect([...plannedKinds(demoBirthsPerDistrict, '360102')].sort()).toEqual(
      [...reconciliationKinds].sort(),
    );
  });
});

describe('a seeded monitoring year, imported through the real path', () => {
  let runtime: LocalRuntime;
  let close: () => Promise<void>;
  let city: string;
  beforeAll(async () => {
    ({ runtime, close } = await startTestRuntime());
    city = (await signIn(runtime, 'staff-city')).token;
  }, 300_000);
  afterAll(async () => close());

  const today = chinaDate(new Date());
  const monthsBack = (n: number) => {
    const [year, month] = today.split('-').map(Number) as [number, number];
    return new Date(Date.UTC(year, month - 1 - n, 1)).toISOString().slice(0, 7);
  };

  it('counts every planned birth once', async () => {
    const answer = await call(
      runtime,
      `/v1/staff/monitoring/indicators?from=${monthsBack(12)}&to=${monthsBack(0)}`,
      { token: city },
    );
    expect(answer.status, answer.text).toBe(200);
    expect((answer.json as unknown as Indicators).births).toBe(templateMonitoringBirths * 9);
  });

  it('finds in 东湖区 the open items of every kind its plan left', async () => {
    const found = new Set<ReconciliationKind>();
    for (let n = 0; n <= 12; n++) {
      const answer = await call(
        runtime,
        `/v1/staff/monitoring/reconciliation?district=360102&month=${monthsBack(n)}`,
        { token: city },
      );
      expect(answer.status, answer.text).toBe(200);
      const { counts } = answer.json as unknown as Reconciliation;
      for (const kind of reconciliationKinds) if (counts[kind] > 0) found.add(kind);
    }
    const planned = plannedKinds(templateMonitoringBirths, '360102');
    expect(planned.size).toBeGreaterThanOrEqual(2);
    expect([...found].sort()).toEqual([...planned].sort());
  });
});
