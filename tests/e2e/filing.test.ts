import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { creditCodeCheckCharacter } from '@hongjia/shared';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultH5Directory, type LocalRuntime, startLocalRuntime } from '../../local/runtime';

/**
 * A filing goes from a provider through district review to search results, in
 * the h5 app: provider-7 files a 东湖区 centre → staff of 东湖区 approves it →
 * a family's nearby search from the 东湖区 centre lists it first.
 */
const screenshots = resolve('test-results');
const name = `悦享托育中心（测试${Date.now() % 100000}）`;
const first17 = `52360102${String(Date.now()).slice(-9)}`;
const creditCode = `${first17}${creditCodeCheckCharacter(first17)}`;
let runtime: LocalRuntime;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(join(defaultH5Directory, 'index.html'))) {
    throw new Error(
      'No h5 build in miniapp/dist/h5: run `npm run build:h5:local -w miniapp` (npm test does).',
    );
  }
  mkdirSync(screenshots, { recursive: true });
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  dataDir = mkdtempSync(join(tmpdir(), 'hongjia-e2e-filing-'));
  runtime = await startLocalRuntime({ dataDir, port: 0, webPort: 0 });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await runtime?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const visible = (selector: string) => page.locator(selector).filter({ visible: true }).first();

async function onPage(path: string) {
  await page.waitForURL(new RegExp(path.replace(/\//g, '\\/')));
  await page.waitForFunction(
    (target) =>
      document.elementFromPoint(187, 300)?.closest('.taro_page')?.id.startsWith(`/${target}`) ?? false,
    path,
  );
}

async function shot(file: string) {
  await page.evaluate(() =>
    Promise.allSettled(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished),
    ),
  );
  await page.screenshot({ path: join(screenshots, `${file}.png`) });
}

async function signInAs(openid: string) {
  await page.goto(`${runtime.webUrl}/#/pages/me/index`);
  await page.evaluate(() => localStorage.removeItem('hongjia.session'));
  await page.reload();
  const gate = visible('#privacy-agree');
  if (await gate.isVisible().catch(() => false)) await gate.click();
  await visible('#me-sign-in').click();
  await onPage('pages/login/index');
  await visible('#login-openid input').fill(openid);
  await visible('#login-submit').click();
  await onPage('pages/me/index');
}

describe('filing, review and publication in the h5 app', () => {
  it('lets a provider file an institution at the 东湖区 centre', async () => {
    await signInAs('provider-7');
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
    await signInAs('staff-360102');
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
    const answer = await fetch(`${runtime.apiUrl}/v1/childcare/nearby?district=360102&radiusM=1000`);
    const body = (await answer.json()) as { items: { institution: { name: string }; distanceM: number }[] };
    expect(body.items[0]?.institution.name).toBe(name);
    expect(body.items[0]?.distanceM).toBe(0);
  });
});
