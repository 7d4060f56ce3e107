import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, startJourney } from './browser';

/**
 * Issue 15 (decision 0034): staff of 东湖区 approve the seeded 普惠 application waiting in their
 * district and see the district's 普惠率 move on the stats page.
 */
let journey: Journey;
const applicationId = 'aff_seed_360102';

beforeAll(async () => {
  journey = await startJourney('programmes');
});
afterAll(async () => journey?.close());

describe('普惠托育 review in the h5 app', () => {
  it('staff approve a 普惠 application and see 普惠率 move', async () => {
    const { page, visible, shot, signIn } = journey;
    await signIn('staff-360102');
    await visible('#me-bench-staff').click();
    await visible('#staff-stats').click();
    const share = () => visible('#stats-share-360102').textContent();
    await expect.poll(share).toMatch(/%/);
    const before = await share();

    await page.goBack();
    await visible('#staff-affordable').click();
    await visible(`#affordable-approve-${applicationId}`).click();
    await shot('60-staff-affordable-review');
    await visible('#affordable-dialog-confirm').click();
    await expect
      .poll(() => page.locator(`#affordable-approve-${applicationId}`).filter({ visible: true }).count())
      .toBe(0);

    await page.goBack();
    await visible('#staff-stats').click();
    await expect.poll(share).not.toBe(before);
    await shot('61-staff-stats-after-affordable');
  });
});
