import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleGroups } from '../../miniapp/src/packages/staff/console/sections';
import { desktop, type Journey, startJourney } from './browser';

/**
 * The staff console on a 1280×800 desktop (decision 0030): city staff see the sidebar with
 * the current section marked, sort and filter the registration queue as a table, open one in
 * the pane beside it, and export the list as CSV that parses back to the same header and rows.
 * At 375 px the same page is today's phone list, with no sidebar.
 */
let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('staff-console', desktop);
});
afterAll(async () => journey?.close());

/** RFC 4180, enough for the export: quoted cells with doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const header = ['受理编号', '登记类型', '孩次', '母亲', '受理地', '状态', '提交时间'];

describe('the staff console at 1280 px', () => {
  it('shows the sidebar with the current section marked', async () => {
    const { page, visible, signIn, onPage } = journey;
    await signIn('staff-city');
    await visible('#me-bench-staff').click();
    await onPage('packages/staff/pages/index');
    await expect(visible('#console-nav').isVisible()).resolves.toBe(true);
    await expect(visible('#console-nav-home').getAttribute('aria-current')).resolves.toBe('page');
    await visible('#console-nav-registrations').click();
    await onPage('packages/staff/pages/registrations');
    await expect(visible('#console-nav-registrations').getAttribute('aria-current')).resolves.toBe('page');
    await expect(visible('#console-nav-home').getAttribute('aria-current')).resolves.toBeNull();
    // Every section is one click away (the count follows sections.ts as sections are added).
    const sections = consoleGroups.reduce((count, group) => count + group.items.length, 0);
    expect(sections).toBeGreaterThanOrEqual(19);
    await expect(page.locator('#console-nav a').filter({ visible: true }).count()).resolves.toBe(sections);
  });

  it('sorts by a column header and filters by district (server) and date (loaded rows)', async () => {
    const { page, visible, shot } = journey;
    const rows = () => page.locator('#regq-table tbody tr').filter({ visible: true });
    await visible('#regq-table tbody tr').waitFor();
    const all = await rows().count();
    expect(all).toBeGreaterThan(2);
    await visible('#regq-table-sort-district').click();
    await expect(visible('#regq-table th:nth-child(5)').getAttribute('aria-sort')).resolves.toBe('ascending');
    const districts = await page.locator('#regq-table tbody tr td:nth-child(5)').allTextContents();
    expect(districts).toEqual([...districts].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')));
    await visible('#regq-table-sort-district').click();
    await expect(visible('#regq-table th:nth-child(5)').getAttribute('aria-sort')).resolves.toBe(
      'descending',
    );
    await shot('80-staff-console-registrations');

    await visible('#regq-district-360102').click();
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(2);
    expect(await page.locator('#regq-table tbody tr td:nth-child(5)').allTextContents()).toEqual([
      '东湖区',
      '东湖区',
    ]);
    await visible('#regq-district-all').click();
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(all);

    await visible('#regq-days-from').fill('2099-01-01');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(0);
    await expect(visible('#regq-days-note').textContent()).resolves.toContain('已加载');
    await visible('#regq-days-from').fill('');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(all);
  });

  it('opens a registration in the pane beside the list', async () => {
    const { visible, shot } = journey;
    const receipt = (await visible('#regq-table tbody tr td:first-child').textContent())?.trim() ?? '';
    await visible('#regq-table tbody tr td:first-child button').click();
    await visible('#regq-pane #review-status').waitFor();
    await expect(visible('#regq-pane').textContent()).resolves.toContain(receipt);
    await expect(visible('#regq-table tbody tr[aria-current="true"]').isVisible()).resolves.toBe(true);
    await shot('81-staff-console-pane');
  });

  it('exports the whole list as CSV for Excel', async () => {
    const { page, visible } = journey;
    const shown = await page.locator('#regq-table tbody tr').filter({ visible: true }).count();
    const [download] = await Promise.all([page.waitForEvent('download'), visible('#regq-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^生育登记-待审核-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(header);
    expect(rows.length - 1).toBe(shown);
    // Masked as the list shows it: the mother's given name never leaves the server.
    for (const row of rows.slice(1)) expect(row[3]).toMatch(/\*/);
    await expect(visible('#regq-export-status').textContent()).resolves.toContain(`${shown} 条`);
  });

  it('keeps the phone layout at 375 px: no sidebar, the queue as cards', async () => {
    const { page, visible } = journey;
    await page.setViewportSize({ width: 375, height: 812 });
    await visible('#regq-0').waitFor();
    await expect(page.locator('#console-nav').filter({ visible: true }).count()).resolves.toBe(0);
    await expect(page.locator('#regq-table').filter({ visible: true }).count()).resolves.toBe(0);
  });
});
