import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, startJourney } from './browser';

/**
 * 科学育儿 (issue 15 item 8): a seeded family (family-2, whose 育儿补贴 application names a
 * child born 425 days before the seed: 1岁1个月 or 1岁2个月) opens 科学育儿 from 首页 and is
 * shown that child's age and articles for it — 1–2 year ones, none for newborns — without
 * being asked anything; it searches, reads an article with its source, in elderly mode too.
 */
let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('articles');
});
afterAll(async () => journey?.close());

async function fontSizePx(selector: string): Promise<number> {
  const element = journey.visible(selector);
  await element.waitFor({ state: 'visible' });
  return element.evaluate((node) => Number.parseFloat(getComputedStyle(node).fontSize));
}

describe('a family reads articles for its child’s age', () => {
  it('sees its child’s age from its own records and the articles for it', async () => {
    const { page, visible, onPage, shot, signIn } = journey;
    await signIn('family-2');
    await page.getByText('首页', { exact: true }).last().click();
    await visible('#service-articles').click();
    await onPage('packages/family/pages/articles/index');
    await expect(visible('#articles-child-age').textContent()).resolves.toMatch(/1岁[12]个月/);
    await visible('#article-feeding-12-24').waitFor();
    await expect(page.locator('#article-breastfeeding-0-6').count()).resolves.toBe(0);
    await expect(page.locator('#articles-pick-age').count()).resolves.toBe(0);
    await shot('80-articles-for-age', { fullPage: true });
  });

  it('searches within its child’s age and reads an article with its source', async () => {
    const { visible, onPage, shot } = journey;
    await visible('#articles-search input').fill('说话');
    await visible('#articles-search-go').click();
    await visible('#article-milestones-12-24').waitFor();
    await visible('#article-milestones-12-24').click();
    await onPage('packages/family/pages/articles/detail');
    await expect(visible('#article-title').textContent()).resolves.toContain('1到2岁');
    await expect(visible('#article-source').textContent()).resolves.toContain('国家卫生健康委');
    await shot('81-article', { fullPage: true });
  });

  it('reads it in elderly mode in large text', async () => {
    const { page, runtime, visible, onPage, shot } = journey;
    const normal = await fontSizePx('#article-body .ar-body__p');
    await page.goto(`${runtime.webUrl}/#/pages/me/index`);
    await onPage('pages/me/index');
    await visible('#me-elderly').click();
    await page.locator('#page-me.elderly').waitFor({ state: 'visible' });
    await page.goto(`${runtime.webUrl}/#/packages/family/pages/articles/detail?id=milestones-12-24`);
    // The router keeps the article opened earlier in the DOM (hidden): wait for the one shown.
    await visible('#page-article.elderly').waitFor({ state: 'visible' });
    expect(await fontSizePx('#article-body .ar-body__p')).toBeGreaterThanOrEqual(24);
    expect(await fontSizePx('#article-body .ar-body__p')).toBeGreaterThan(normal);
    await shot('82-article-elderly', { fullPage: true });
  });
});
