/**
 * The public entry of monitoring: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Anything not listed here is its own business.
 */
export type { RegistrationMonitoringHook } from './registration-hook';
export { type MonitoringWiring, monitoringServices, registrationMonitoringHook } from './wiring';
