import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Journey, startJourney } from './browser';

/**
 * Decision 0039 in the h5 app: elder-1 (a bereaved mother of 东湖区, seeded and bound by real
 * name) sends her 城乡居民医保 参保凭证 from 特殊家庭帮扶; staff of 东湖区 approve it from
 * 证明材料审核; she sees it 已通过.
 */
let journey: Journey;
let claimId = '';
const proof = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20)]);

beforeAll(async () => {
  journey = await startJourney('fact-claims');
});
afterAll(async () => journey?.close());

async function openProofPage() {
  const { visible, onPage } = journey;
  await visible('#me-special').click();
  await onPage('packages/family/pages/special-assistance/index');
  await visible('#special-proof').click();
  await onPage('packages/family/pages/special-assistance/proof');
}

describe('family-supplied proof', () => {
  it('a member sends her 参保凭证 with the upload shown', async () => {
    const { page, visible, shot, signIn } = journey;
    await signIn('elder-1');
    await openProofPage();
    await visible('#proof-why').waitFor();
    await visible('#proof-kind-medical_insurance').click();
    await visible('#proof-date input').fill('2026-01-01');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible('#proof-attach').click()]);
    await chooser.setFiles({ name: '参保凭证.pdf', mimeType: 'application/pdf', buffer: proof });
    await expect
      .poll(async () => page.locator('[id^="proof-file-"]').filter({ visible: true }).count())
      .toBe(1);
    await visible('#proof-submit').click();
    await expect(visible('#proof-notice').textContent()).resolves.toContain('已提交');
    const status = page.locator('[id^="proof-status-"]').filter({ visible: true }).first();
    await expect.poll(async () => (await status.textContent()) ?? '').toContain('审核中');
    claimId = ((await status.getAttribute('id')) ?? '').replace('proof-status-', '');
    expect(claimId).toMatch(/^fc_/);
    await shot('90-family-proof-sent', { fullPage: true });
  });

  it('staff of her district approve it, and she sees 已通过', async () => {
    const { page, visible, shot, signIn } = journey;
    await signIn('staff-360102');
    await visible('#me-bench-staff').click();
    await visible('#staff-fact-claims').click();
    await visible(`#claim-approve-${claimId}`).click();
    await shot('91-staff-proof-review');
    await visible('#claims-dialog-confirm').click();
    await expect
      .poll(() => page.locator(`#claim-approve-${claimId}`).filter({ visible: true }).count())
      .toBe(0);

    await signIn('elder-1');
    await openProofPage();
    await expect
      .poll(async () => (await visible(`#proof-status-${claimId}`).textContent()) ?? '')
      .toContain('已通过');
  });
});
