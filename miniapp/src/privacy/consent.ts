import { accountApi } from '../api/account-endpoints';
import { call } from '../api/client';
import { currentUserId } from '../auth/session';
import { privacyVersion } from './policy';
import { answerPrivacy, noteConsentRecording } from './store';

/**
 * Records the agreement on the server for the signed-in user: the server keeps
 * the version in force (we send none) and refuses a family's personal-data
 * requests until it has it. One key per user and version, so repeating it
 * replays. Resolves false when it could not be recorded (signed out, offline).
 */
export function recordPrivacyConsent(): Promise<boolean> {
  const userId = currentUserId();
  if (!userId) return Promise.resolve(false);
  const done = call(accountApi.recordConsent, {
    body: { kind: 'privacy_policy' },
    idempotencyKey: `privacy-${privacyVersion}-${userId}`,
    loading: false,
  }).then(
    () => true,
    // The next sign-in, or the next CONSENT_REQUIRED answer, asks again.
    () => false,
  );
  noteConsentRecording(userId, done);
  return done;
}

/**
 * The gate's 同意并继续: recorded on the server first (when signed in), then
 * the waiting callers go on — a request refused for want of consent is retried
 * only once the server has it.
 */
export async function agreeToPrivacy(): Promise<void> {
  await recordPrivacyConsent();
  answerPrivacy(true);
}
