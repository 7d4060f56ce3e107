import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableFromSpec } from './storage';
import { accessTable, auditTable } from './table-spec';

/**
 * The two tables that exist so IAM can say what a grant on one shared table
 * cannot (decision 0016): user records (roles, district), which only the
 * sign-in group may write, and the audit trails, which functions may append to
 * and query but never update or delete. Built like every table (on demand,
 * encrypted, PITR, deletion protection, RETAIN, logical id = spec id).
 */
export class AccessAuditTables extends Construct {
  readonly accessTable: Table;
  readonly auditTable: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.accessTable = tableFromSpec(this, accessTable);
    this.auditTable = tableFromSpec(this, auditTable);
  }
}
