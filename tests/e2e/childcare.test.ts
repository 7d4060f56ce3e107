import { todayInChina, yearsBefore } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, startJourney } from './browser';

/**
 * A family finds childcare and books it: 托育服务 → 红谷滩区 (no location asked)
 * → nearest institution → a 托大班 place for a two-year-old → 我的预约 → cancel.
 */
let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('childcare');
});
afterAll(async () => journey?.close());

/** Today minus `years`, as YYYY-MM-DD in China time. */
function yearsAgo(years: number): string {
  return yearsBefore(todayInChina(), years);
}

describe('childcare in the h5 app', () => {
  it('finds institutions near the 红谷滩区 centre without asking for location', async () => {
    const { page, visible, shot, signIn } = journey;
    await signIn(`e2e-childcare-${Date.now()}`);
    await page.getByText('首页', { exact: true }).last().click();
    await visible('#service-childcare').click();
    await visible('#origin-picker').waitFor();
    await shot('10-childcare-origin');
    await visible('#district-360113').click();
    await visible('#result-0').waitFor();
    await expect(visible('#result-0').textContent()).resolves.toMatch(/(\d+ ?米|\d+(\.\d+)? ?公里)/);
    await shot('11-childcare-results');
  });

  it('opens the nearest institution and books a 托大班 place for a two-year-old', async () => {
    const { page, visible, shot } = journey;
    await visible('#result-0').click();
    await visible('#institution-slots').waitFor();
    await shot('12-institution-detail');
    await page.locator('[aria-label^="预约托大班"]').filter({ visible: true }).first().click();
    await visible('#book-child-name input').fill('小明');
    await visible('#book-birth-date input').fill(yearsAgo(2));
    await visible('#book-phone input').fill('13800138000');
    await expect(visible('#book-class-hint').textContent()).resolves.toContain('托大班');
    await visible('#book-consent').click();
    await shot('13-booking-form');
    const created = page.waitForResponse(
      (response) =>
        /\/v1\/childcare\/slots\/[^/]+\/bookings$/.test(response.url()) &&
        response.request().method() === 'POST',
    );
    await visible('#book-submit').click();
    expect((await created).status()).toBe(201);
    await expect(visible('#book-result-title').textContent()).resolves.toMatch(/预约成功|已进入候补/);
    await shot('14-booking-result');
  });

  it('shows the booking in 我的预约 and cancels it', async () => {
    const { visible, shot } = journey;
    await visible('#book-go-bookings').click();
    await visible('[id^="booking-cancel-"]').waitFor();
    await expect(visible('[id^="booking-status-"]').textContent()).resolves.toMatch(/已确认|候补/);
    await shot('15-my-bookings');
    await visible('[id^="booking-cancel-"]').click();
    await visible('#cancel-dialog-confirm').click();
    await expect
      .poll(async () => visible('[id^="booking-status-"]').textContent(), { timeout: 10_000 })
      .toContain('已取消');
    await shot('16-my-bookings-cancelled');
  });
});
