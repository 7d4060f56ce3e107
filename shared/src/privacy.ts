/**
 * The version of the 隐私保护指引 (privacy guideline) in force. The server
 * records every agreement against this version, never one a client names, and
 * asks families again (403 CONSENT_REQUIRED) once it changes; the
 * mini-program shows it on its privacy page. Bump it with the text, whenever
 * the text changes in substance.
 */
export const privacyPolicyVersion = '2026-11-29';
