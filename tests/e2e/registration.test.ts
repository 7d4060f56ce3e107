import { addDays, idNumberCheckCharacter, todayInChina } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, startJourney } from './browser';

/**
 * Birth registration without a visit, in the h5 app. Only a parent files, by real name, so a
 * new family is sent to 实名认证 first and comes back to the form.
 * (a) the mother binds her name, files a clean first child → 已通过（秒办）→ 我的证件 with its QR
 *     → print code → nearest print point;
 * (b) the father files one that needs a person → staff return it for correction (补正) →
 *     the family resubmits → staff approve → staff void it (作废) with a reason.
 */
const id = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;
let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('registration');
});
afterAll(async () => journey?.close());

/** Today plus `days`, as YYYY-MM-DD in China time. */
function daysFromNow(days: number): string {
  return addDays(todayInChina(), days);
}

async function fillParents(mother: { name: string; id: string }, father: { name: string; id: string }) {
  const { visible } = journey;
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
}

async function openNewRegistration() {
  const { page, visible } = journey;
  await page.getByText('首页', { exact: true }).last().click();
  await visible('#service-registration').click();
  await visible('#reg-new').click();
}

/** A family without 实名认证 is sent there from the form, binds, and comes back to the form. */
async function bindFromForm(name: string, idNumber: string, screenshot?: string) {
  const { visible, onPage, shot } = journey;
  await visible('#reg-identity-needed').waitFor();
  if (screenshot) await shot(screenshot);
  await visible('#reg-identity').click();
  await onPage('packages/family/pages/identity/index');
  await visible('#identity-name input').fill(name);
  await visible('#identity-id-number input').fill(idNumber);
  await visible('#identity-submit').click();
  await visible('#identity-masked').waitFor();
  await visible('#identity-back').click();
  await onPage('packages/family/pages/registration/form');
  await expect(visible('#reg-filer-hint').textContent()).resolves.toContain(name.slice(0, 1));
}

describe('a clean first child is approved at once', () => {
  it('files the registration and gets 已通过（秒办）', async () => {
    const { visible, shot, signIn } = journey;
    await signIn(`e2e-parent-${Date.now()}`);
    await openNewRegistration();
    await bindFromForm('王芳', id('36010219950315002'), '29-registration-identity-first');
    await visible('#reg-next').click();
    await visible('#reg-pipl').waitFor();
    await visible('#reg-mother-id input').fill(id('36010219950315002'));
    await expect(visible('#reg-mother-id-facts').textContent()).resolves.toContain('1995-03-15 · 女');
    await shot('30-registration-mother');
    await visible('#reg-mother-name input').fill('王芳');
    await visible('#reg-mother-phone input').fill('13800138000');
    await visible('#reg-mother-district-360102').click();
    await visible('#reg-next').click();
    await visible('#reg-father-name input').fill('李强');
    await visible('#reg-father-id input').fill(id('36010219930520001'));
    await visible('#reg-father-phone input').fill('13900139000');
    await visible('#reg-father-district-360102').click();
    await visible('#reg-next').click();
    await visible('#reg-marriage-date input').fill('2020-05-01');
    await visible('#reg-due-date input').fill(daysFromNow(90));
    await visible('#reg-next').click();
    await visible('#reg-next').click();
    await expect(visible('#reg-summary-mother').textContent()).resolves.toContain('3601**********');
    await visible('#reg-consent').click();
    await shot('31-registration-summary');
    await visible('#reg-submit').click();
    await expect(visible('#reg-outcome-title').textContent()).resolves.toContain('已通过');
    await shot('32-registration-approved');
  });

  it('shows the certificate with its QR and gives a 6-digit print code', async () => {
    const { visible, shot } = journey;
    await visible('#reg-outcome-certificate').click();
    await visible('#certificate-title').waitFor();
    await visible('#certificate-qr-image').waitFor();
    const verifyCode = ((await visible('#certificate-verify-code').textContent()) ?? '').trim();
    expect(verifyCode).toMatch(/^[A-Z2-9]{8,}$/);
    await visible('#print-code-get').click();
    await expect.poll(async () => (await visible('#print-code').textContent())?.trim()).toMatch(/^\d{6}$/);
    await shot('33-certificate-print-code');

    const answer = await fetch(`${journey.runtime.apiUrl}/v1/certificates/verify/${verifyCode}`);
    expect(await answer.json()).toMatchObject({ valid: true, type: 'birth_registration_receipt' });
  });

  it('lists the nearest print points with whether they are open now', async () => {
    const { visible, shot } = journey;
    await visible('#print-points').click();
    await visible('#district-360102').click();
    await expect(visible('#point-0-open').textContent()).resolves.toMatch(/营业中|休息中/);
    await shot('34-print-points');
  });
});

describe('a registration that needs a person', () => {
  const family = `e2e-second-${Date.now()}`;
  const mother = { name: '赵敏', id: id('36010219920808004') };
  const father = { name: '周杰', id: id('36010219900101003') };
  let receiptNo = '';

  async function openReviewOf(receipt: string) {
    const { page, visible, signIn } = journey;
    await signIn('staff-360102');
    await visible('#me-bench-staff').click();
    await visible('#staff-registrations').click();
    await page.locator('[id^="regq-"]', { hasText: receipt }).filter({ visible: true }).first().click();
    await visible('#review-reasons').waitFor();
  }

  it('goes to review when the declared parity has no children behind it', async () => {
    const { visible, signIn } = journey;
    await signIn(family);
    await openNewRegistration();
    // The father files this one.
    await bindFromForm(father.name, father.id);
    await visible('#reg-parity-2').click();
    await visible('#reg-next').click();
    await fillParents(mother, father);
    await visible('#reg-marriage-date input').fill('2018-10-01');
    await visible('#reg-due-date input').fill(daysFromNow(120));
    await visible('#reg-next').click();
    await visible('#reg-next').click();
    await visible('#reg-consent').click();
    await visible('#reg-submit').click();
    await expect(visible('#reg-outcome-title').textContent()).resolves.toContain('待审核');
    receiptNo = ((await visible('#reg-outcome-receipt').textContent()) ?? '')
      .replace('受理编号：', '')
      .trim();
    expect(receiptNo).toMatch(/^SY/);
  });

  it('lets staff of 东湖区 return it for correction with a comment', async () => {
    const { visible, shot } = journey;
    await openReviewOf(receiptNo);
    await visible('#review-return').click();
    await visible('#review-dialog-confirm').click();
    await expect(visible('#review-comment-error').textContent()).resolves.toContain('请填写意见');
    await visible('#review-comment textarea').fill('请补充第一个孩子的出生信息后重新提交。');
    await visible('#review-dialog-confirm').click();
    await expect.poll(async () => visible('#review-status').textContent()).toContain('退回补正');
    await shot('35-staff-returned');
  });

  it('shows the family the comment and lets them resubmit', async () => {
    const { page, visible, shot, signIn } = journey;
    await signIn(family);
    await page.getByText('首页', { exact: true }).last().click();
    await visible('#service-registration').click();
    await visible('#my-registration-0').click();
    await expect(visible('#reg-status').textContent()).resolves.toContain('退回补正');
    await expect(visible('#reg-status-comment').textContent()).resolves.toContain('第一个孩子');
    await shot('36-family-returned');
    await visible('#reg-resubmit').click();
    await visible('#reg-return-comment').waitFor();
    // ID numbers and phones come back masked: the family types them again.
    await visible('#reg-next').click();
    await visible('#reg-mother-id input').fill(mother.id);
    await visible('#reg-mother-phone input').fill('13800138000');
    await visible('#reg-next').click();
    await visible('#reg-father-id input').fill(father.id);
    await visible('#reg-father-phone input').fill('13900139000');
    await visible('#reg-next').click();
    await visible('#reg-next').click();
    await visible('#reg-next').click();
    await visible('#reg-consent').click();
    await visible('#reg-submit').click();
    await expect(visible('#reg-outcome-title').textContent()).resolves.toContain('待审核');
  });

  it('lets staff approve the resubmitted registration', async () => {
    const { visible, shot } = journey;
    await openReviewOf(receiptNo);
    await visible('#review-approve').click();
    await visible('#review-dialog-confirm').click();
    await expect.poll(async () => visible('#review-status').textContent()).toContain('已通过');
    await shot('37-staff-approved');
  });

  it('lets staff void the approval with a reason, after a confirmation', async () => {
    const { visible, shot } = journey;
    await visible('#review-void').click();
    await visible('#void-dialog-confirm').click();
    await expect(visible('#void-reason-error').textContent()).resolves.toContain('作废原因');
    await visible('#void-reason textarea').fill('父亲身份证号填错，请重新登记。');
    await shot('38-staff-void');
    await visible('#void-dialog-confirm').click();
    await expect.poll(async () => visible('#review-status').textContent()).toContain('已作废');
  });
});
