import { currentGroup } from '../group-scope';

/**
 * The field families of personal data: the first segment of a sealed field's
 * name (`registration.mother.idNumber` → `registration`). Each family gets
 * data keys under its own KMS encryption context, and IAM lets a function
 * group ask KMS only for the families its manifest entry declares (decision
 * 0016). A new family is a deliberate act: add it here and to the groups that
 * seal or open it.
 */
export const piiFamilies = [
  'registration',
  'birthBundle',
  'booking',
  'identity',
  'specialFamily',
  'assistance',
  'subsidy',
  'conflict',
  'idempotency',
  /** Population monitoring's imported records and staff notes on reconciliation items. */
  'monitoring',
] as const;
export type PiiFamily = (typeof piiFamilies)[number];

const known: ReadonlySet<string> = new Set(piiFamilies);

/**
 * The KMS encryption context of a family's data keys: `{purpose, family}`.
 * IAM conditions test these keys (`kms:EncryptionContext:family`, see
 * infra/lib/hongjia-function.ts); `pii1` keys were wrapped with the purpose alone.
 */
export const encryptionContextPurpose = 'hongjia-pii';
export const encryptionContextFamilyKey = 'family';

/** The family of a sealed field's name; an unknown family is a programming error. */
export function familyOfField(field: string): PiiFamily {
  const family = field.split('.', 1)[0] ?? '';
  if (!known.has(family)) {
    throw new Error(`"${field}" is in no personal-data field family (commons/pii/families.ts)`);
  }
  return family as PiiFamily;
}

/**
 * What a keyed look-up hash is for; the purpose is part of the HMAC input, so
 * hashes of one purpose never match another's.
 */
export type LookupPurpose =
  | 'id-number'
  | 'parents-birth-dates'
  | 'birth-bundle'
  | 'child-slot'
  | 'monitoring-child'
  | 'monitoring-name';

/** Refuses a family the current function group does not declare (see commons/group-scope.ts). */
export function assertFamilyAllowed(family: PiiFamily): void {
  const scope = currentGroup();
  if (scope && !scope.access.pii?.includes(family)) {
    throw new Error(
      `function group "${scope.name}" may not seal or open "${family}" data (manifest access.pii)`,
    );
  }
}

/** Refuses look-up hashes in a function group that does not declare them (or not for this purpose). */
export function assertLookupAllowed(purpose: string): void {
  const scope = currentGroup();
  const allowed = scope?.access.piiLookup;
  if (scope && (allowed === undefined || (allowed !== true && !allowed.some((p) => p === purpose)))) {
    throw new Error(
      `function group "${scope.name}" may not compute "${purpose}" look-up hashes (manifest access.piiLookup)`,
    );
  }
}
