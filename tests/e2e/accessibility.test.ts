import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../miniapp/src/config/routes';
import { type BrowserApp, startBrowserApp } from './browser';
import { plannedRoutes, roles, visitsOf } from './page-plan';
import { openAs } from './roles';
import { visit } from './visit';

/**
 * axe-core on every page of the h5 app (issue 14, SPEC C5 "every control labelled"), as each
 * person the seed has — a visitor, a family, a provider, district and city staff, a social
 * organisation — in normal and in elderly mode: no serious or critical violation. One browser,
 * one context per person, pages in turn within the loaded app (a hash change, not a reload).
 */
let app: BrowserApp;
const startedAt = Date.now();

beforeAll(async () => {
  app = await startBrowserApp('a11y');
});
afterAll(async () => {
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
 * axe-core's own script, resolved through @axe-core/playwright (whose version pins it), so the
 * audit runs the same axe without that package's per-call overhead: AxeBuilder evaluates the
 * 550-KB script twice on every analyze(), where here it is evaluated once per page load.
 */
const axeSource: string = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))(
  'axe-core',
).source;

/**
 * axe's default rules (WCAG 2.x A/AA and best practices, no experimental ones) on the whole
 * document, run in the page itself (as AxeBuilder's legacy mode does; this app has no frames):
 * earlier pages that Taro keeps are display:none, which axe skips. Only violations are
 * collected (`resultTypes`): the passes' node lists were most of the work and all of the data.
 */
async function audit(page: Page, where: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: AxeRun } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ where, ...violation }));
}

/** The part of axe.run this file uses (axe-core's types are not a dependency of the tests). */
type AxeRun = (
  context: Document,
  options: { resultTypes: string[] },
) => Promise<{
  violations: { id: string; impact?: string | null; help: string; nodes: { target: string[] }[] }[];
}>;

function describeFindings(findings: Finding[]): string {
  return findings
    .map((f) => `${f.where}: ${f.impact} ${f.rule} (${f.help})\n    ${f.targets.join('\n    ')}`)
    .join('\n');
}

describe('accessibility of every page (axe-core: 0 serious or critical)', () => {
  it('finds what it is there to find (an unlabelled control is a critical violation)', async () => {
    // Without this, a broken audit (axe not injected, no rules run) would pass every page.
    const context = await app.browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent('<html lang="zh-CN"><title>t</title><main><input type="text"></main></html>');
      const findings = await audit(page, 'probe');
      expect(findings.map((f) => f.rule)).toContain('label');
    } finally {
      await context.close();
    }
  });

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
