/**
 * Where attachments live in the upload bucket (the CDK bucket's lifecycle
 * rules are written against the same prefixes):
 * - `pending/<uploadId>`: what a presigned PUT writes; expires a day later
 *   unless a registration claimed it, and stays writable while its URL lives;
 * - `attachments/<registrationId>/<uploadId>`: the server's copy made at the
 *   claim, from the checked bytes; no URL ever writes it and it never expires;
 * - `imports/<uploadId>`: a staff member's CSV/xlsx for a monitoring import
 *   (issue 11), read by the monitoring worker; never an attachment;
 * - `reports/<district|city>/<year>/<version>.<pdf|html>`: cached situation reports
 *   (decision 0021), written by the reports group only; they expire after 30 days.
 */
export const uploadKeyPrefixes = {
  pending: 'pending/',
  attachments: 'attachments/',
  imports: 'imports/',
  reports: 'reports/',
} as const;

export const pendingKeyOf = (uploadId: string) => `${uploadKeyPrefixes.pending}${uploadId}`;

export const permanentKeyOf = (holderId: string, uploadId: string) =>
  `${uploadKeyPrefixes.attachments}${holderId}/${uploadId}`;

export const importKeyOf = (uploadId: string) => `${uploadKeyPrefixes.imports}${uploadId}`;
