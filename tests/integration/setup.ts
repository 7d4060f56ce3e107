import { afterAll, expect } from 'vitest';
import { disclosureViolations } from './disclosure';

/**
 * Runs with every integration test file (vitest.config.ts `setupFiles`): after
 * the file's tests, no answer to a family may have named another family's
 * record (see disclosure.ts, fed by harness.ts `call`).
 */
afterAll(() => {
  expect(disclosureViolations(), 'answers that named another family’s records').toEqual([]);
});
