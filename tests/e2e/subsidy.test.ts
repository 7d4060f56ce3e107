import { idNumberCheckCharacter } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, startJourney } from './browser';

/**
 * 育儿补贴 in the h5 app (SPEC C2): a parent who has not bound a real name is
 * sent to 实名认证 first, comes back, applies for a child born 2022-10-20 and
 * is told it covers only 2025-01 … 2025-09 (the months before the third
 * birthday: 9 months, 2,700 yuan); a second application for the same child is
 * refused with the reason.
 */
const id = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`;
const parentId = id('36010219930612004');
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
    // 409 SUBSIDY_EXISTS, said at the child's ID number.
    await expect
      .poll(async () => (await visible('#subsidy-child-id-error').textContent()) ?? '')
      .toContain('该孩子已有育儿补贴申请');
    await visible('#subsidy-child-id-error').scrollIntoViewIfNeeded();
    await shot('62-subsidy-second-refused');
  });
});
