/**
 * Where attachments live in the upload bucket (the CDK bucket's lifecycle
 * rules are written against the same prefixes):
 * - `pending/<uploadId>`: what a presigned PUT writes; expires a day later
 *   unless a registration claimed it, and stays writable while its URL lives;
 * - `attachments/<registrationId>/<uploadId>`: the server's copy made at the
 *   claim, from the checked bytes; no URL ever writes it and it never expires.
 */
export const uploadKeyPrefixes = { pending: 'pending/', attachments: 'attachments/' } as const;

export const pendingKeyOf = (uploadId: string) => `${uploadKeyPrefixes.pending}${uploadId}`;

export const permanentKeyOf = (holderId: string, uploadId: string) =>
  `${uploadKeyPrefixes.attachments}${holderId}/${uploadId}`;
