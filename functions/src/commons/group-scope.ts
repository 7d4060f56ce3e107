import { AsyncLocalStorage } from 'node:async_hooks';
import type { GroupAccess } from '../manifest';

export interface GroupScope {
  name: string;
  access: GroupAccess;
}

const scopes = new AsyncLocalStorage<GroupScope>();

/**
 * Runs `work` as the named function group. Deployed, each group is its own
 * Lambda and IAM refuses what its manifest `access` does not name; the local
 * runtime runs every group in one process, so it wraps each handler call in
 * this and refuses the same things itself (the PII cipher per field family,
 * local/least-privilege.ts per table and action). A group that needs more
 * than it declares then fails in the integration tests, not first in
 * production. Outside any scope (seed, tests, benches) nothing is refused.
 */
export function runAsGroup<T>(scope: GroupScope, work: () => T): T {
  return scopes.run(scope, work);
}

export function currentGroup(): GroupScope | undefined {
  return scopes.getStore();
}
