import type { AccessChecks } from './access';
import type { AuditTrail } from './audit';
import type { Guards } from './guards';
import type { PiiCipher } from './pii';
import type { RateLimiter } from './rate-limit';
import type { UserStore } from './users';

/**
 * The pieces of the composition root (functions/src/root.ts) that are no capability's own:
 * a capability's `createXServices(deps)` picks the ones it takes
 * (`Pick<Foundation, 'guards' | 'audit'>`), adds its entities and the notifier, and is
 * handed the root itself. Named here, in commons, so that no capability imports the root.
 */
export interface Foundation {
  guards: Guards;
  access: AccessChecks;
  users: UserStore;
  audit: AuditTrail;
  /** The process's PII cipher, loaded on first use. */
  cipher: () => Promise<PiiCipher>;
  limiter: RateLimiter;
  clock: () => Date;
}
