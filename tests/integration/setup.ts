import { afterAll, expect } from 'vitest';
import { disclosureViolations } from './disclosure';
import { captureLogs, personalDataIn } from './log-capture';

/**
 * Runs with every integration test file (vitest.config.ts `setupFiles`): after
 * the file's tests, no answer to a family may have named another family's
 * record (see disclosure.ts, fed by harness.ts `call`), and no line the
 * functions logged may hold personal data in clear (log-capture.ts): a phone,
 * a valid ID number, or a name, number or text of the seed's people.
 */
const logs = captureLogs();

afterAll(() => {
  expect(disclosureViolations(), 'answers that named another family’s records').toEqual([]);
});

afterAll(async () => {
  const values = await seededValues();
  const leaks: string[] = [];
  for (const line of logs.lines) {
    for (const what of personalDataIn(line, values))
      if (leaks.length < 20) leaks.push(`${what} in ${line.slice(0, 200)}`);
  }
  logs.lines.length = 0;
  expect(leaks, 'personal data in clear in the functions’ log output').toEqual([]);
});

/**
 * The seed's people as its planning modules make them today (names, numbers,
 * free texts; dates are left to the patterns, timestamps would match them).
 * Imported only when this file started a runtime: they read its environment.
 */
async function seededValues(): Promise<string[]> {
  if (!process.env.TABLE_NAME) return [];
  const now = new Date();
  const { planChildcare } = await import('../../local/seed/index');
  const { planRegistrations } = await import('../../local/seed/registrations');
  const { planSpecialFamilies, seededHelpRequests } = await import('../../local/seed/special-families');
  const values = new Set<string>();
  const add = (value: string | undefined) => {
    if (value && value.length >= 2 && !/^\d{4}-\d{2}-\d{2}$/.test(value)) values.add(value);
  };
  for (const { body } of planSpecialFamilies(now)) {
    for (const member of body.members) [member.name, member.idNumber, member.phone].forEach(add);
    [
      body.contactPerson?.name,
      body.contactPerson?.phone,
      body.familyDoctor?.name,
      body.familyDoctor?.phone,
    ].forEach(add);
  }
  for (const { body } of planRegistrations(now)) {
    for (const parent of [body.mother, body.father])
      [parent.name, parent.idNumber, parent.phone].forEach(add);
    for (const child of body.existingChildren) add(child.name);
    add(body.reason);
  }
  for (const slot of planChildcare(now).bookings)
    for (const request of slot.requests) [request.childName, request.guardianPhone].forEach(add);
  for (const request of seededHelpRequests) add(request.description);
  return [...values];
}
