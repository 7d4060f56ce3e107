import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, startJourney } from './browser';

/**
 * A special-family member and her district, in the h5 app (SPEC C3):
 * elder-1, a bereaved mother aged 56 of 东湖区 (seeded, bound by real name), opens
 * 特殊家庭帮扶 in elderly mode (on by default for members), reads why she
 * qualifies for 特别扶助, and asks for urgent medical help; staff of 东湖区 (her
 * contact person's account) see it as due within 24 h and record a home visit;
 * then they screen the district (免申即享), which finds her among the families never
 * enrolled, and enrol them; she sees the visit on her request and 特别扶助 as 已纳入.
 */
let journey: Journey;
let requestId = '';

beforeAll(async () => {
  journey = await startJourney('special-family');
});
afterAll(async () => journey?.close());

async function bodyText(): Promise<string> {
  return journey.page.evaluate(() => {
    const current = document.elementFromPoint(187, 300)?.closest('.taro_page');
    return current?.textContent ?? '';
  });
}

describe('an elderly special-family member', () => {
  it('gets large text by default and a page without birth or childcare promotion', async () => {
    const { page, visible, onPage, shot, signIn } = journey;
    await signIn('elder-1');
    await visible('#me-special').click();
    await onPage('packages/family/pages/special-assistance/index');
    await visible('#special-greeting').waitFor();
    await expect.poll(() => page.evaluate(() => document.body.classList.contains('elderly-mode'))).toBe(true);
    const text = await bodyText();
    for (const promotion of ['托育', '生育登记', '育儿补贴', '出生']) expect(text).not.toContain(promotion);
    await visible('#special-call-contact').waitFor();
    await shot('50-special-family-hub');
  });

  it('sees 特别扶助 as eligible with the reasons in plain words', async () => {
    const { visible, onPage, shot } = journey;
    await visible('#special-benefits').click();
    await onPage('packages/family/pages/special-assistance/benefits');
    const card = '#benefit-special-assistance-bereaved';
    await expect(visible(`${card}-verdict`).textContent()).resolves.toBe('符合');
    const reasons = (await visible(`${card}-reasons`).textContent()) ?? '';
    expect(reasons).toContain('母亲已满49周岁');
    expect(reasons).toContain('失独家庭');
    // Not yet enrolled: 免申即享 — staff enrol her without an application.
    await expect(visible(`${card}-enrolment`).textContent()).resolves.toContain('无需申请');
    await shot('51-special-family-benefits', { fullPage: true });
    await journey.page.goBack();
    await onPage('packages/family/pages/special-assistance/index');
  });

  it('files an urgent request and is told by when her contact person will call', async () => {
    const { page, visible, onPage, shot } = journey;
    await visible('#special-help').click();
    await onPage('packages/family/pages/special-assistance/help');
    await visible('#help-category-medical').click();
    await visible('#help-urgency-urgent').click();
    await visible('#help-description textarea').fill('老伴心脏不舒服，想请家庭医生尽快上门看看。');
    await shot('52-special-family-help');
    await visible('#help-submit').click();
    await visible('#help-dialog-confirm').click();
    await onPage('packages/family/pages/special-assistance/requests');
    requestId = new URL(page.url().replace('#', '')).searchParams.get('filed') ?? '';
    expect(requestId).toMatch(/^ast_/);
    await expect(visible('#requests-filed-deadline').textContent()).resolves.toMatch(/将在.+前联系您/);
    await shot('53-special-family-request-filed');
  });
});

describe('staff of the district', () => {
  it('see the request as due and record a home visit', async () => {
    const { visible, shot, signIn } = journey;
    await signIn('staff-360102');
    await visible('#me-bench-staff').click();
    await visible('#staff-assistance').click();
    const item = `#assistance-item-${requestId}`;
    await visible(item).waitFor();
    const card = (await visible(item).textContent()) ?? '';
    expect(card).toContain('紧急');
    expect(card).toContain('就医');
    expect(card).not.toContain('已超时');
    await visible(item).scrollIntoViewIfNeeded();
    await shot('54-staff-assistance-due');
    await visible(`#assistance-open-${requestId}`).click();
    await visible('#assistance-event-visit').click();
    await visible('#assistance-event-note textarea').fill('已上门，陪同老人去社区卫生服务中心检查。');
    await visible('#assistance-event-submit').click();
    // Answered: the card says so at once, and the request now sits under 处理中.
    await expect
      .poll(async () => (await visible(item).textContent()) ?? '', { timeout: 15_000 })
      .toContain('处理中');
    await visible('#assistance-status-in_progress').click();
    await expect.poll(async () => (await visible(item).textContent()) ?? '').toContain('上门走访');
    await visible(item).scrollIntoViewIfNeeded();
    await shot('55-staff-assistance-visited');
  });

  it('see 三个全覆盖 for the district and enrol, without an application, the families a screening finds', async () => {
    const { page, visible, onPage, shot } = journey;
    await page.goBack();
    await onPage('packages/staff/pages/index');
    await visible('#staff-coverage').click();
    await onPage('packages/staff/pages/coverage');
    await visible('#coverage-table').waitFor();
    await expect(visible('#coverage-summary').textContent()).resolves.toMatch(/\d/);
    await shot('57-staff-coverage', { fullPage: true });
    await page.goBack();
    await onPage('packages/staff/pages/index');
    await visible('#staff-screening').click();
    await onPage('packages/staff/pages/screening');
    await visible('#screening-run').click();
    await expect
      .poll(async () => (await visible('#screening-summary').textContent()) ?? '', { timeout: 20_000 })
      .toMatch(/\d/);
    await expect(
      page.locator('[id^="screening-item-"][id$="-special-assistance-bereaved"]').count(),
    ).resolves.toBeGreaterThan(0);
    await shot('58-staff-screening-found');
    await visible('#screening-enrol').click();
    await visible('#screening-dialog-confirm').click();
    await expect
      .poll(async () => (await visible('#screening-outcome').textContent()) ?? '', { timeout: 20_000 })
      .toContain('新纳入');
    await shot('59-staff-screening-enrolled');
  });

  it('is shown to the member as a visit on her request', async () => {
    const { visible, onPage, shot, signIn } = journey;
    await signIn('elder-1');
    await visible('#me-special').click();
    await onPage('packages/family/pages/special-assistance/index');
    await visible('#special-requests').click();
    await onPage('packages/family/pages/special-assistance/requests');
    await expect(visible(`#request-${requestId}-events`).textContent()).resolves.toContain('上门走访');
    await shot('56-special-family-request-visited', { fullPage: true });
    // Enrolled by the screening above: 特别扶助 now says so, and the enrolment was a read she can see.
    await journey.page.goBack();
    await onPage('packages/family/pages/special-assistance/index');
    await visible('#special-benefits').click();
    await onPage('packages/family/pages/special-assistance/benefits');
    await expect
      .poll(async () => (await visible('#benefit-special-assistance-bereaved-enrolment').textContent()) ?? '')
      .toContain('已纳入');
  });
});
