import type { BundleItemKind } from '../entities';

/** What one agency receives: only the fields its item needs (see payloads.ts). */
export type AgencyPayload = Record<string, string | number>;

/**
 * One agency endpoint per item kind (公安 household registration, 医保, 人社
 * social security card, 疾控 vaccination record). `idempotencyKey` is the
 * bundle id and kind: the agency answers a repeat with the first reference,
 * which is what makes a re-send after a crash harmless.
 */
export interface AgencyAdapter {
  submit(kind: BundleItemKind, payload: AgencyPayload, idempotencyKey: string): Promise<AgencyAnswer>;
}

/**
 * An agency's acceptance. The household-registration item's also carries the child's new
 * 公民身份号码, which the 育儿补贴 item files with (decision 0035); a repeat answers the same.
 */
export interface AgencyAnswer {
  reference: string;
  childIdNumber?: string;
}

/** A failure the agency reported. `permanent`: retrying cannot help (the agency refused the data). */
export class AgencyError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'AgencyError';
  }
}
