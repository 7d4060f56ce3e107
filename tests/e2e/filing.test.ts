import { creditCodeCheckCharacter } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, startJourney } from './browser';

/**
 * A filing goes from a provider through district review to search results:
 * provider-7 files a centre at the 东湖区 centre → staff of 东湖区 approve it →
 * a nearby search from the 东湖区 centre lists it first.
 */
const name = `悦享托育中心（测试${Date.now() % 100000}）`;
const first17 = `52360102${String(Date.now()).slice(-9)}`;
const creditCode = `${first17}${creditCodeCheckCharacter(first17)}`;
let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('filing');
});
afterAll(async () => journey?.close());

describe('filing, review and publication in the h5 app', () => {
  it('lets a provider file an institution at the 东湖区 centre', async () => {
    const { page, visible, shot, signIn } = journey;
    await signIn('provider-7');
    await visible('#me-bench-provider').click();
    await visible('#provider-file').click();
    await visible('#filing-name input').fill(name);
    await visible('#filing-credit-code input').fill(creditCode);
    await visible('#filing-district').click();
    await page.getByText('确定', { exact: true }).filter({ visible: true }).first().click();
    await expect(visible('#filing-district').textContent()).resolves.toContain('东湖区');
    await visible('#filing-address input').fill('南昌市东湖区八一大道 100 号');
    await visible('#filing-lat input').fill('28.6849');
    await visible('#filing-lng input').fill('115.8999');
    await visible('#filing-fee input').fill('1200');
    await visible('#filing-class-0-capacity input').fill('15');
    await visible('#filing-class-0-caregivers input').fill('3');
    await shot('20-provider-filing-form');
    await visible('#filing-submit').click();
    await visible('#filing-done').waitFor();
    await shot('21-provider-filing-done');
  });

  it('lets staff of 东湖区 approve it', async () => {
    const { page, visible, shot, signIn } = journey;
    await signIn('staff-360102');
    await visible('#me-bench-staff').click();
    await visible('#staff-filings').click();
    const card = page.locator('[id^="filing-toggle-"]', { hasText: name }).filter({ visible: true }).first();
    await card.waitFor();
    await card.click();
    const id = ((await card.getAttribute('id')) ?? '').replace('filing-toggle-', '');
    await shot('22-staff-filing-review');
    await visible(`#filing-approve-${id}`).click();
    await visible('#decision-dialog-confirm').click();
    await expect.poll(() => page.locator(`#filing-approve-${id}`).filter({ visible: true }).count()).toBe(0);
    await shot('23-staff-filing-approved');
  });

  it('shows the published institution first in a search from the 东湖区 centre', async () => {
    const answer = await fetch(`${journey.runtime.apiUrl}/v1/childcare/nearby?district=360102&radiusM=1000`);
    const body = (await answer.json()) as { items: { institution: { name: string }; distanceM: number }[] };
    expect(body.items[0]?.institution.name).toBe(name);
    expect(body.items[0]?.distanceM).toBe(0);
  });
});
