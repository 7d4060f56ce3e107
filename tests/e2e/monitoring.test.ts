import { idNumberCheckCharacter, shanghaiDay } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, startJourney } from './browser';

/**
 * 人口监测 in the h5 app (SPEC C4, issue 11): 东湖区 staff import a hospital's
 * delivery file with two bad rows, see the counts, the errors and the
 * errors.csv link; the dashboard's births move by the three good rows; the
 * three new mothers have no 生育登记, so the reconciliation worklist shows
 * them, and marking one explained (with a note, after a confirmation) takes
 * it out of the open count. A small seeded year is there too.
 */
const mother = (n: number) => {
  const first17 = `36010219930${n}120${n}2`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
};
const today = shanghaiDay(new Date());
const month = today.slice(0, 7);
const csv = [
  'deliveryId,motherIdNumber,motherName,hospital,district,deliveryDate,childSex,birthWeightG,parity',
  ...[1, 2, 3].map(
    (n) =>
      `E2E-${Date.now()}-${n},${mother(n)},王秀${'英兰芳'.charAt(n - 1)},东湖区妇幼保健院,360102,${today},F,3200,1`,
  ),
  `E2E-BAD-1,360102199301120122,李秀英,东湖区妇幼保健院,360102,${today},F,3200,1`,
  `E2E-BAD-2,${mother(4)},赵秀英,东湖区妇幼保健院,360102,2026-13-40,F,3200,1`,
].join('\r\n');

let journey: Journey;
let birthsBefore = 0;

beforeAll(async () => {
  // The seeded city's monitoring year (tests/seeded-city: a small one) gives the dashboard figures to move from.
  journey = await startJourney('monitoring');
}, 600_000);
afterAll(async () => journey?.close());

const births = async () =>
  Number((await journey.visible('#figure-births .st-figure__value').textContent())?.trim());

async function openDashboard() {
  const { page, runtime, onPage, visible } = journey;
  await page.goto(`${runtime.webUrl}/#/packages/staff/pages/monitoring-dashboard`);
  await onPage('packages/staff/pages/monitoring-dashboard');
  await visible('#figure-births').waitFor();
}

describe('东湖区 staff monitoring the population', () => {
  it('find 人口监测 on the workbench and read the seeded year on the dashboard', async () => {
    const { visible, onPage, shot, signIn } = journey;
    await signIn('staff-360102');
    await visible('#me-bench-staff').click();
    await visible('#staff-monitoring-dashboard').click();
    await onPage('packages/staff/pages/monitoring-dashboard');
    await visible('#figure-births').waitFor();
    birthsBefore = await births();
    expect(birthsBefore).toBeGreaterThan(0);
    await expect(visible('#figure-sex-ratio').textContent()).resolves.toMatch(/\d/);
    await shot('70-monitoring-dashboard', { fullPage: true });
  });

  it('import a delivery file with two bad rows and see the counts, the errors and errors.csv', async () => {
    const { page, runtime, visible, onPage, shot } = journey;
    await page.goto(`${runtime.webUrl}/#/packages/staff/pages/monitoring-import`);
    await onPage('packages/staff/pages/monitoring-import');
    await visible('#import-source-hospital_delivery').click();
    const chooser = page.waitForEvent('filechooser');
    await visible('#import-pick').click();
    await (await chooser).setFiles({
      name: 'deliveries.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await expect
      .poll(
        async () =>
          (await visible('#import-counts')
            .textContent()
            .catch(() => '')) ?? '',
        { timeout: 60_000 },
      )
      .toContain('共 5 行：导入 3 行，重复 0 行，错误 2 行');
    const errors = (await visible('#import-errors').textContent()) ?? '';
    expect(errors).toContain('母亲身份证号');
    expect(errors).toContain('分娩日期');
    await expect(visible('#import-errors-csv').isVisible()).resolves.toBe(true);
    await expect(visible('#import-list').textContent()).resolves.toContain('deliveries.csv');
    await shot('71-monitoring-import-errors', { fullPage: true });
  });

  it('see the births move on the dashboard', async () => {
    await openDashboard();
    await expect.poll(births, { timeout: 20_000 }).toBe(birthsBefore + 3);
  });

  it('find the new mothers in the reconciliation worklist and explain one', async () => {
    const { page, runtime, visible, onPage, shot } = journey;
    await page.goto(`${runtime.webUrl}/#/packages/staff/pages/monitoring-reconciliation`);
    await onPage('packages/staff/pages/monitoring-reconciliation');
    await visible('#reconciliation-later').click();
    await expect(visible('#reconciliation-month').textContent()).resolves.toBe(month);
    const tab = visible('#reconciliation-kind-delivery_without_registration');
    // The previous month's counts stay on screen until this month's arrive: wait for ours.
    const count = async () => Number(/（(\d+)）/.exec((await tab.textContent()) ?? '')?.[1] ?? 0);
    await expect.poll(count, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    const before = await count();
    await tab.click();
    const resolveButton = visible('[id^="gap-resolve-"]');
    await resolveButton.click();
    await visible('#resolve-dialog').waitFor();
    await visible('#resolve-note textarea').fill('已电话核实，产妇在外省完成生育登记');
    await shot('72-monitoring-resolve', { fullPage: true });
    await visible('#resolve-dialog-confirm').click();
    // The resolution, then the list and counts read again: seconds on a loaded machine (poll's default is 1 s).
    await visible('#resolve-dialog').waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await tab.textContent()) ?? '', { timeout: 20_000 })
      .toContain(`（${before - 1}）`);
    await shot('73-monitoring-resolved', { fullPage: true });
  });
});
