import { createHash } from 'node:crypto';
import { addDays, idNumberCheckCharacter, todayInChina } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, startJourney } from './browser';

/**
 * Documents kept and read (issue 9), in the h5 app: a mother binds her real name, files a
 * second-child registration with her marriage certificate (a PDF whose SHA-256 the app computes
 * and the upload is signed with); 东湖区 staff open the attachment from the review page and get
 * exactly those bytes, then approve.
 */
const id = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;
const mother = { name: '陈静', id: id('36010219930412002') };
const father = { name: '吴刚', id: id('36010219910707003') };
const certificate = Buffer.concat([
  Buffer.from('%PDF-1.4\n% 结婚证扫描件 (e2e)\n'),
  Buffer.alloc(4096, 0x20),
  Buffer.from('\n%%EOF\n'),
]);
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

let journey: Journey;
let receiptNo = '';

beforeAll(async () => {
  journey = await startJourney('attachments');
});
afterAll(async () => journey?.close());

function daysFromNow(days: number): string {
  return addDays(todayInChina(), days);
}

describe('a family files with an attachment and staff open it', () => {
  it('binds the mother’s real name first', async () => {
    const { visible, onPage, signIn } = journey;
    await signIn(`e2e-attachments-${Date.now()}`);
    await visible('#me-identity').click();
    await onPage('packages/family/pages/identity/index');
    await visible('#identity-name input').fill(mother.name);
    await visible('#identity-id-number input').fill(mother.id);
    await visible('#identity-submit').click();
    await expect(visible('#identity-masked').textContent()).resolves.toContain('陈*');
    await visible('#identity-back').click();
    await onPage('pages/me/index');
  });

  it('uploads the marriage certificate on the attachments step and files the registration', async () => {
    const { page, visible, shot } = journey;
    await page.getByText('首页', { exact: true }).last().click();
    await visible('#service-registration').click();
    await visible('#reg-new').click();
    await visible('#reg-parity-2').click();
    await visible('#reg-next').click();
    await visible('#reg-mother-name input').fill(mother.name);
    await visible('#reg-mother-id input').fill(mother.id);
    await visible('#reg-mother-phone input').fill('13800138000');
    await visible('#reg-mother-district-360102').click();
    await visible('#reg-next').click();
    await visible('#reg-father-name input').fill(father.name);
    await visible('#reg-father-id input').fill(father.id);
    await visible('#reg-father-phone input').fill('13900139000');
    await visible('#reg-father-district-360102').click();
    await visible('#reg-next').click();
    await visible('#reg-marriage-date input').fill('2018-10-01');
    await visible('#reg-due-date input').fill(daysFromNow(120));
    await visible('#reg-next').click();

    // The app reads the file, hashes it and PUTs it with the signed checksum header.
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      visible('#reg-attach-add').click(),
    ]);
    const put = page.waitForRequest(
      (request) => request.method() === 'PUT' && request.url().includes('/pending/'),
    );
    await chooser.setFiles({ name: '结婚证.pdf', mimeType: 'application/pdf', buffer: certificate });
    expect((await put).headers()['x-amz-checksum-sha256']).toBe(sha256Of(certificate));
    await expect(visible('#reg-attach-0').textContent()).resolves.toContain('结婚证.pdf');
    await shot('70-registration-attachment');

    await visible('#reg-next').click();
    await visible('#reg-consent').click();
    await visible('#reg-submit').click();
    await expect(visible('#reg-outcome-title').textContent()).resolves.toContain('待审核');
    receiptNo = ((await visible('#reg-outcome-receipt').textContent()) ?? '')
      .replace('受理编号：', '')
      .trim();
    expect(receiptNo).toMatch(/^SY/);
  });

  it('lets 东湖区 staff open the attachment and get exactly the filed bytes', async () => {
    const { page, visible, shot, signIn } = journey;
    await signIn('staff-360102');
    await visible('#me-bench-staff').click();
    await visible('#staff-registrations').click();
    await page.locator('[id^="regq-"]', { hasText: receiptNo }).filter({ visible: true }).first().click();
    await expect(visible('#review-attachment-0').textContent()).resolves.toContain('结婚证.pdf');
    await shot('71-staff-attachments');

    // h5 opens the 5-minute link in a new tab; headless chromium may download a PDF rather than
    // show it, so the link is taken from the request the tab makes and fetched again here.
    const { s3Endpoint } = journey.runtime;
    const opened = page
      .context()
      .waitForEvent('request', (request) => request.url().startsWith(`${s3Endpoint}/`));
    await visible('#review-attachment-0-open').click();
    const link = (await opened).url();
    const answer = await fetch(link);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(sha256Of(new Uint8Array(await answer.arrayBuffer()))).toBe(sha256Of(certificate));
    for (const tab of page.context().pages()) if (tab !== page) await tab.close();
  });

  it('lets staff approve it', async () => {
    const { visible, shot } = journey;
    await visible('#review-approve').click();
    await visible('#review-dialog-confirm').click();
    await expect.poll(async () => visible('#review-status').textContent()).toContain('已通过');
    await shot('72-staff-approved-with-attachment');
  });
});
