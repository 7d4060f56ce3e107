import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, startJourney } from './browser';

/**
 * A person's first visit to the h5 app: home → privacy guideline → 我的 →
 * dev sign-in (a family, then 东湖区 staff) → 长辈模式 on and kept after reload.
 */
let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('first-visit');
});
afterAll(async () => journey?.close());

async function fontSizePx(selector: string): Promise<number> {
  const element = journey.visible(selector);
  await element.waitFor({ state: 'visible' });
  return element.evaluate((node) => Number.parseFloat(getComputedStyle(node).fontSize));
}

describe('first visit in the h5 app', () => {
  it('opens the home page with the four services and the privacy guideline', async () => {
    const { page, visible, shot, runtime } = journey;
    await page.goto(`${runtime.webUrl}/#/pages/index/index`);
    for (const name of ['生育登记', '证件查询', '托育服务', '特殊家庭帮扶']) {
      await expect(page.getByText(name, { exact: true }).first().isVisible()).resolves.toBe(true);
    }
    await page.locator('#privacy-gate').waitFor({ state: 'visible' });
    await shot('01-home-privacy', { fullPage: true });
    await visible('#privacy-agree').click();
    await page.locator('#privacy-gate').waitFor({ state: 'detached' });
    await shot('02-home', { fullPage: true });
  });

  it('signs in a new family through the dev sign-in screen and records the privacy consent', async () => {
    const { page, visible, onPage, shot } = journey;
    await page.getByText('我的', { exact: true }).last().click();
    await visible('#me-sign-in').click();
    await onPage('pages/login/index');
    await visible('#login-openid input').fill(`e2e-family-${Date.now()}`);
    const consent = page.waitForResponse(
      (response) => response.url().endsWith('/v1/me/consents') && response.request().method() === 'POST',
    );
    await visible('#login-submit').click();
    await onPage('pages/me/index');
    await expect(visible('#me-roles').textContent()).resolves.toContain('家庭用户');
    expect((await consent).status()).toBe(201);
    await shot('03-me-family', { fullPage: true });
  });

  it('shows staff of 东湖区 their district after signing in as dev:staff-360102', async () => {
    const { page, visible, onPage, shot } = journey;
    await visible('#me-sign-out').click();
    // WeChat asks before signing out (Taro's h5 draws the same modal).
    await page.locator('.taro__modal .taro-model__confirm').click();
    await visible('#me-sign-in').click();
    await onPage('pages/login/index');
    await visible('#login-as-staff-360102').click();
    await onPage('pages/me/index');
    await expect(visible('#me-district').textContent()).resolves.toContain('东湖区');
    await shot('04-me-staff', { fullPage: true });
  });

  it('switches elderly mode on: larger text and tap targets on 我的 and the home page', async () => {
    const { page, visible, shot } = journey;
    const normalTitle = await fontSizePx('#page-me .title');
    await visible('#me-elderly').click();
    await page.locator('#page-me.elderly').waitFor({ state: 'visible' });
    // SPEC C5 at 375 CSS px: body ≥ 18 pt (24 px), key text ≥ 30 pt (40 px), targets ≥ 60 px.
    expect(await fontSizePx('#page-me .text')).toBeGreaterThanOrEqual(24);
    expect(await fontSizePx('#page-me .title')).toBeGreaterThanOrEqual(40);
    expect(await fontSizePx('#page-me .title')).toBeGreaterThan(normalTitle);
    const signOut = await visible('#me-sign-out').boundingBox();
    expect(signOut?.height ?? 0).toBeGreaterThanOrEqual(60);
    await shot('05-me-elderly', { fullPage: true });

    await page.getByText('首页', { exact: true }).last().click();
    await page.locator('#page-home.elderly').waitFor({ state: 'visible' });
    expect(await fontSizePx('#page-home .service-card__name')).toBeGreaterThanOrEqual(40);
    const card = await visible('#service-childcare').boundingBox();
    expect(card?.height ?? 0).toBeGreaterThanOrEqual(60);
    await shot('06-home-elderly', { fullPage: true });
  });

  it('keeps elderly mode after a reload', async () => {
    const { page } = journey;
    await page.reload();
    await page.locator('#page-home.elderly').waitFor({ state: 'visible' });
    expect(await fontSizePx('#page-home .service-card__name')).toBeGreaterThanOrEqual(40);
  });
});
