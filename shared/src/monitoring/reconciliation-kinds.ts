/**
 * The kinds of gap the reconciliation worklist holds (decision 0020). Apart from the monitoring
 * contracts (the shared barrel exports it, as before) because entities and rules take this list: importing
 * it from the contract module put every monitoring route's schemas into the registration bundle
 * (decision 0026).
 */
export const reconciliationKinds = [
  'delivery_without_registration',
  'registration_overdue',
  'delivery_without_birth_certificate',
  'birth_without_vaccination',
  'identity_conflict',
] as const;
