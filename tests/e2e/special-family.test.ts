import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, startJourney } from './browser';

/**
 * A special-family member and her district, in the h5 app (SPEC C3):
 * elder-1, a bereaved mother aged 56 of 东湖区 (seeded, bound by real name), opens
 * 特殊家庭帮扶 in elderly mode (on by default for members), reads why she
 * qualifies for 特别扶助, and asks for urgent medical help; staff of 东湖区 (her
 * contact person's account) see it as due within 24 h and record a home visit;
 * she then sees the visit on her request.
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

  it('is shown to the member as a visit on her request', async () => {
    const { visible, onPage, shot, signIn } = journey;
    await signIn('elder-1');
    await visible('#me-special').click();
    await onPage('packages/family/pages/special-assistance/index');
    await visible('#special-requests').click();
    await onPage('packages/family/pages/special-assistance/requests');
    await expect(visible(`#request-${requestId}-events`).textContent()).resolves.toContain('上门走访');
    await shot('56-special-family-request-visited', { fullPage: true });
  });
});
