import { idNumberCheckCharacter } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, startJourney } from './browser';

/**
 * 育儿补贴 in the h5 app (SPEC C2): a parent who has not bound a real name is
 * sent to 实名认证 first, comes back, applies for a child born 2022-10-20 and
 * is told it covers only 2025-01 … 2025-09 (the months before the third
 * birthday: 9 months, 2,700 yuan); a second application of hers for the same
 * child is refused with the reason. Another parent applying for that child is
 * answered as any applicant (工作人员将进行核对), and 东湖区 staff see both
 * sides under 申请冲突核对 and let the first stand (decision 0013).
 */
const id = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;
const parentId = id('36010219930612004');
const otherParentId = id('36010219910305005');
const childId = id('36010220221020003');
let journey: Journey;

beforeAll(async () => {
  journey = await startJourney('subsidy');
});
afterAll(async () => journey?.close());

async function fillApplication() {
  const { visible } = journey;
  await visible('#subsidy-child-name input').fill('刘小禾');
  await visible('#subsidy-child-id input').fill(childId);
  await expect(visible('#subsidy-birth-date').textContent()).resolves.toContain('2022');
  await visible('#subsidy-district-360102').click();
}

describe('a parent applying for 育儿补贴', () => {
  it('is asked to bind a real name first and comes back to the form', async () => {
    const { visible, onPage, shot, signIn } = journey;
    await signIn(`e2e-subsidy-${Date.now()}`);
    await visible('#me-subsidies').click();
    await onPage('packages/family/pages/subsidies/index');
    await visible('#subsidy-apply').click();
    await onPage('packages/family/pages/subsidies/apply');
    await fillApplication();
    await visible('#subsidy-consent').click();
    await visible('#subsidy-submit').click();
    await visible('#subsidy-identity').click();
    await onPage('packages/family/pages/identity/index');
    await visible('#identity-name input').fill('刘芳');
    await visible('#identity-id-number input').fill(parentId);
    await expect(visible('#identity-id-facts').textContent()).resolves.toContain('1993');
    await shot('60-identity-form');
    await visible('#identity-submit').click();
    await expect(visible('#identity-masked').textContent()).resolves.toContain('刘*');
    await visible('#identity-back').click();
    await onPage('packages/family/pages/subsidies/apply');
  });

  it('sees the 9 months of 2025 its 2022-born child is owed, and the amount', async () => {
    const { visible, shot } = journey;
    await expect(visible('#subsidy-preview').textContent()).resolves.toContain('9');
    await visible('#subsidy-submit').click();
    await visible('#subsidy-outcome').waitFor();
    const amount = (await visible('#subsidy-outcome-amount').textContent()) ?? '';
    expect(amount).toContain('9');
    expect(amount).toMatch(/2,?700/);
    await expect(visible('#subsidy-outcome-years').textContent()).resolves.toContain('2025');
    await shot('61-subsidy-outcome', { fullPage: true });
  });

  it('is refused a second application for the same child, with the reason', async () => {
    const { visible, onPage, shot } = journey;
    await visible('#subsidy-outcome-list').click();
    await onPage('packages/family/pages/subsidies/index');
    await visible('#subsidy-apply').click();
    await onPage('packages/family/pages/subsidies/apply');
    await fillApplication();
    await visible('#subsidy-consent').click();
    await visible('#subsidy-submit').click();
    // 409 SUBSIDY_EXISTS (her own application only), said at the child's ID number.
    await expect
      .poll(async () => (await visible('#subsidy-child-id-error').textContent()) ?? '')
      .toContain('您已为该孩子提交过申请');
    await visible('#subsidy-child-id-error').scrollIntoViewIfNeeded();
    await shot('62-subsidy-second-refused');
  });
});

describe('another parent naming the same child', () => {
  it('is answered as any applicant: staff will check', async () => {
    const { visible, onPage, shot, signIn } = journey;
    await signIn(`e2e-subsidy-other-${Date.now()}`);
    await visible('#me-subsidies').click();
    await onPage('packages/family/pages/subsidies/index');
    await visible('#subsidy-apply').click();
    await onPage('packages/family/pages/subsidies/apply');
    await fillApplication();
    await visible('#subsidy-consent').click();
    await visible('#subsidy-submit').click();
    await visible('#subsidy-identity').click();
    await onPage('packages/family/pages/identity/index');
    await visible('#identity-name input').fill('王强');
    await visible('#identity-id-number input').fill(otherParentId);
    await visible('#identity-submit').click();
    await expect(visible('#identity-masked').textContent()).resolves.toContain('王*');
    await visible('#identity-back').click();
    await onPage('packages/family/pages/subsidies/apply');
    await visible('#subsidy-submit').click();
    await visible('#subsidy-outcome').waitFor();
    await expect(visible('#subsidy-outcome-status').textContent()).resolves.toContain('审核中');
    await expect(visible('#subsidy-outcome-review').textContent()).resolves.toContain('工作人员将进行核对');
    await shot('63-subsidy-second-parent-neutral', { fullPage: true });
  });

  it('东湖区 staff see both sides under 申请冲突核对 and let the first stand', async () => {
    const { page, visible, onPage, shot, signIn } = journey;
    await signIn('staff-360102');
    await visible('#me-bench-staff').click();
    await visible('#staff-conflicts-subsidies').click();
    await onPage('packages/staff/pages/conflicts');
    // The seeded city has a conflict of its own in 东湖区: find ours by the first applicant.
    const side = page
      .locator('.st-conflict__side[id$="-first"]', { hasText: '刘*' })
      .filter({ visible: true })
      .first();
    await side.waitFor();
    const conflictId = ((await side.getAttribute('id')) ?? '')
      .replace(/^conflict-/, '')
      .replace(/-first$/, '');
    const first = visible(`#conflict-keep-${conflictId}-first`);
    await expect(visible(`#conflict-${conflictId}-second`).textContent()).resolves.toContain('王*');
    await expect(visible(`#conflict-${conflictId}-second-status`).textContent()).resolves.toContain(
      '等待核对',
    );
    await shot('64-staff-subsidy-conflict', { fullPage: true });
    await first.click();
    await visible('#conflict-dialog').waitFor();
    await visible('#conflict-dialog-confirm').click();
    await expect
      .poll(async () => (await visible('#conflict-comment-error').textContent()) ?? '')
      .toContain('核对意见');
    await visible('#conflict-comment textarea').fill('户口簿与出生医学证明均为刘*一方');
    await visible('#conflict-dialog-confirm').click();
    await expect
      .poll(() => page.locator(`#conflict-${conflictId}`).filter({ visible: true }).count())
      .toBe(0);
    await visible('#conflicts-status-resolved').click();
    await expect(visible(`#conflict-${conflictId}-resolution`).textContent()).resolves.toContain(
      '以先提交的一方为准',
    );
    await expect(visible(`#conflict-${conflictId}-second-status`).textContent()).resolves.toContain('已作废');
    await shot('65-staff-subsidy-conflict-resolved', { fullPage: true });
  });
});
