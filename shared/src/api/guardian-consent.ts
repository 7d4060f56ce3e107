import * as z from 'zod';

/**
 * A guardian's consent to process a child's data (PIPL art. 31: a child under 14),
 * given with the request that needs it (a booking, a 育儿补贴 application) and
 * stored on what it creates with the time and the privacy-guideline version.
 * Its own module (consents.ts re-exports it): the contracts that take it would otherwise bring
 * the consent routes into every bundle that has a booking or a bundle route (decision 0026).
 */
export const GuardianConsent = z.literal(true, {
  error: '请确认您是孩子的监护人，并同意为本次办理提供孩子的信息',
});
