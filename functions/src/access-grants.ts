import type { GroupAccess } from './manifest';

/** The tables a group may be granted, by role (infra/lib/table-spec.ts names them Main, Access, Audit, Idempotency). */
export type TableRole = 'main' | 'access' | 'audit' | 'idempotency';

export const dynamoActions = [
  'GetItem',
  'BatchGetItem',
  'Query',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
] as const;
export type DynamoAction = (typeof dynamoActions)[number];

/**
 * What a group may do on one table. `indexQuery`: Query on the table's
 * indexes too (the only action an index needs). There is no Scan anywhere:
 * every access pattern is a key or a Query, and a Scan would let one bug dump
 * a whole table.
 */
export interface TableGrant {
  table: TableRole;
  actions: readonly DynamoAction[];
  indexQuery: boolean;
}

const read: readonly DynamoAction[] = ['GetItem', 'BatchGetItem', 'Query'];
const write: readonly DynamoAction[] = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'];

/**
 * The DynamoDB grants a manifest `access` stands for, as data: the CDK stack
 * turns them into IAM statements (infra/lib/hongjia-function.ts), the local
 * runtime refuses any call outside them (local/least-privilege.ts). One
 * function, so the two cannot disagree.
 * - main: RO reads by key and Query (indexes included); RW adds the writes.
 * - access (user records): RO is GetItem by key only — a group learns about
 *   the user it is serving, it cannot list users; RW (sign-in) creates and
 *   updates them, and deletes nothing.
 * - audit: append is PutItem alone (the app creates with attribute_not_exists;
 *   UpdateItem and BatchWriteItem could overwrite an entry, DeleteItem erase
 *   it), read is Query alone.
 * - idempotency: what Powertools idempotency does (conditional put, get,
 *   update, delete of its own record).
 */
export function tableGrantsOf(access: GroupAccess): TableGrant[] {
  const grants: TableGrant[] = [];
  if (access.mainTable) {
    grants.push({
      table: 'main',
      actions: access.mainTable === 'RW' ? [...read, ...write] : read,
      indexQuery: true,
    });
  }
  if (access.accessTable) {
    grants.push({
      table: 'access',
      actions: access.accessTable === 'RW' ? ['GetItem', 'PutItem', 'UpdateItem'] : ['GetItem'],
      indexQuery: false,
    });
  }
  if (access.auditTable) {
    const actions: DynamoAction[] = [];
    if (access.auditTable !== 'read') actions.push('PutItem');
    if (access.auditTable !== 'append') actions.push('Query');
    grants.push({ table: 'audit', actions, indexQuery: false });
  }
  if (access.idempotencyTable) {
    grants.push({
      table: 'idempotency',
      actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
      indexQuery: false,
    });
  }
  return grants;
}
