import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../miniapp/src/config/routes';
import { type BrowserApp, startBrowserApp } from './browser';
import { plannedRoutes, roles, visitsOf } from './page-plan';
import { openAs } from './roles';
import { visit } from './visit';

/**
 * axe-core on every page of the h5 app (issue 14, SPEC C5 "every control labelled"), as each
 * person the seed has — a visitor, a family, a provider, district and city staff — in normal
 * and in elderly mode: no serious or critical violation. One browser, one context per person,
 * pages in turn within the loaded app (a hash change, not a reload).
 */
let app: BrowserApp;
const startedAt = Date.now();

beforeAll(async () => {
  if (!measured) return;
  app = await startBrowserApp('a11y');
});
afterAll(async () => {
  if (!measured) return;
  await app?.close();
  console.log(`accessibility.test.ts: ${((Date.now() - startedAt) / 1000).toFixed(1)} s wall`);
});

interface Finding {
  where: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe's default rules (WCAG 2.x A/AA and best practices, no experimental ones) on the whole
 * document: earlier pages that Taro keeps are display:none, which axe skips. Legacy mode runs
 * axe in the page itself; the default opens a second page per audit to merge frame results,
 * which this app (no iframes) does not need and which doubled the time of a tour.
 */
async function audit(page: Page, where: string): Promise<Finding[]> {
  const result = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      where,
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}

function describeFindings(findings: Finding[]): string {
  return findings
    .map((f) => `${f.where}: ${f.impact} ${f.rule} (${f.help})\n    ${f.targets.join('\n    ')}`)
    .join('\n');
}

/**
 * Not yet in `npm test`: written and run against main's build (where it found the problems of
 * decision 0031), but the fixes were not re-measured on this branch before the hand-over (the
 * shared machine was too loaded to rebuild and re-run in time). `HONGJIA_A11Y=1` runs it; the
 * lead turns it on for good once it has passed on the merged main.
 */
const measured = process.env.HONGJIA_A11Y === '1';

describe.runIf(measured)('accessibility of every page (axe-core: 0 serious or critical)', () => {
  it('plans a visit to every page of routes.ts', () => {
    const planned = plannedRoutes();
    const missing = Object.keys(routes).filter((name) => !planned.has(name as keyof typeof routes));
    expect(missing).toEqual([]);
  });

  for (const role of roles) {
    it(`${role.label} (${role.name}): every page, normal and elderly mode`, async () => {
      const { browser, runtime } = app;
      const person = await openAs(browser, runtime, role.openid);
      const findings: Finding[] = [];
      try {
        const { page } = person;
        if (!role.openid) {
          // First launch: the privacy gate over 首页, before anything else.
          await page.locator('#privacy-gate').waitFor({ state: 'visible' });
          findings.push(...(await audit(page, 'privacy gate')));
          await page.locator('#privacy-agree').filter({ visible: true }).first().click();
        }
        const visits = await visitsOf(role, runtime.apiUrl, person.token);
        for (const elderly of [false, true]) {
          await person.setElderly(elderly);
          for (const { name, path } of visits) {
            const t0 = Date.now();
            await visit(page, runtime.webUrl, path);
            const t1 = Date.now();
            const found = await audit(page, `${name}${elderly ? ' (elderly)' : ''}`);
            findings.push(...found);
            if (process.env.A11Y_TRACE)
              console.log(
                `${role.name} ${name}${elderly ? ' elderly' : ''}: visit ${t1 - t0} ms, axe ${Date.now() - t1} ms${found.length ? `\n${describeFindings(found)}` : ''}`,
              );
          }
        }
      } finally {
        await person.context.close();
      }
      expect(findings, describeFindings(findings)).toEqual([]);
    }, 600_000);
  }
});
