import { api, type RouteContract, routeKey } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { schemaFieldNames } from './schema-fields';

/**
 * Which reads are audited (`auditsReads` in the contract), derived from the
 * route table: every GET that staff, a provider or an admin can call and whose
 * answer carries a field of a person's data (opened from its sealed form, or
 * its masked copy) must carry the flag, so a new staff read cannot forget it.
 * The router writes the entry (functions/test/router-audit.test.ts).
 */
const routes = Object.values(api) as RouteContract[];

/** Fields that are a person's data, whole or masked (as personal-data-routes.test.ts). */
const personalField =
  /idNumber|phone|birthDate|NameMasked$|Masked$|^(childName|holderMasked|description|note|familyLabel|mother|father|members|existingChildren|child|contactPerson|medicalCertificateNo|faceVerifyResult)$/i;

const fieldsOf = (schema: z.ZodType | undefined) => schemaFieldNames(schema, 'output');

/** Roles that read a family's data under their employment (a family reading its own is not audited). */
const employmentCanCall = (route: RouteContract) =>
  route.access === 'signedIn' ||
  (Array.isArray(route.access) &&
    route.access.some((role) => role === 'staff' || role === 'provider' || role === 'admin'));
const personalFieldsOf = (route: RouteContract) =>
  fieldsOf(route.response).filter((f) => personalField.test(f));

/**
 * Routes any signed-in user may call that answer only the caller's own data
 * (the service refuses every other caller as 404), so staff never read a
 * family's data through them: `/v1/me/…`, and these.
 */
const ownDataOnly = new Set([routeKey(api.getBirthBundle)]);
const ownData = (route: RouteContract) =>
  route.path.startsWith('/v1/me/') || ownDataOnly.has(routeKey(route));

/**
 * Routes whose only matching field is an institution's own `note` (a 普惠 application's or an
 * inspection's: what a provider or an inspector wrote about the institution, decision 0034): no
 * person's data, so reading them is not audited.
 */
const institutionNotesOnly = new Set(
  [
    api.providerAffordableApplications,
    api.providerInspections,
    api.staffAffordableApplications,
    api.staffInstitutionInspections,
    api.overdueRectifications,
  ].map(routeKey),
);

describe('staff reads of personal data are audited', () => {
  const reads = routes.filter((r) => r.method === 'GET' && employmentCanCall(r) && !ownData(r));

  it('exempts institution notes only where `note` is the one personal-looking field', () => {
    for (const route of routes.filter((r) => institutionNotesOnly.has(routeKey(r))))
      expect(personalFieldsOf(route), routeKey(route)).toEqual(['note']);
  });

  it.each(
    reads
      .filter((r) => personalFieldsOf(r).length > 0 && !institutionNotesOnly.has(routeKey(r)))
      .map((r) => [routeKey(r), r] as const),
  )('%s declares auditsReads', (_, route) => {
    expect(route.auditsReads, `fields: ${personalFieldsOf(route).join(', ')}`).toMatch(/^[a-zA-Z]+$/);
  });

  it('lists the audited reads; each is a GET open to an employment role', () => {
    const flagged = routes.filter((r) => r.auditsReads);
    console.info(`audited reads (${flagged.length}):\n  ${flagged.map(routeKey).join('\n  ')}`);
    expect(flagged.map(routeKey)).toEqual(
      expect.arrayContaining([
        routeKey(api.staffRegistrations),
        routeKey(api.getRegistration),
        routeKey(api.staffAssistanceRequests),
        routeKey(api.staffChildcareSubsidies),
        routeKey(api.providerBookings),
      ]),
    );
    for (const route of flagged) {
      expect(route.method, routeKey(route)).toBe('GET');
      expect(employmentCanCall(route), routeKey(route)).toBe(true);
    }
  });
});
