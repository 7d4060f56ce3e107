/**
 * A hand-off is retried with the outboxes' backoff (commons/outbox.ts); after `maxAttempts`
 * (about nine hours of trying) the item is `failed` and the family is told.
 */
export const maxAttempts = 12;
