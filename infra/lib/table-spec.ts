/**
 * The DynamoDB tables, described once as plain data. The CDK stack builds its
 * `dynamodb.Table`s from this, and the local runtime creates the same tables on
 * dynalite from it (`toCreateTableInput`), so local and deployed keys, indexes
 * and TTL attributes cannot drift apart. No CDK import here on purpose: the
 * local runtime loads this file.
 */
export interface KeySpec {
  partitionKey: string;
  sortKey?: string;
}

export interface IndexSpec extends KeySpec {
  indexName: string;
  /**
   * Attributes copied into the index besides the keys (DynamoDB's INCLUDE
   * projection). Absent: every attribute (ALL).
   */
  include?: readonly string[];
}

export interface TableSpec {
  /** Logical id in the stack and suffix of the physical name. */
  id: string;
  /** The function environment variable that carries the physical name. */
  envVar: string;
  key: KeySpec;
  globalIndexes: readonly IndexSpec[];
  timeToLiveAttribute?: string;
}

/**
 * The nearby search index (decision 0032): published institutions by their
 * precision-4 cell, and slots by cell and date, projecting only what the search
 * filters read (≈ 3× smaller than the items, so a 1 MB page holds ≈ 3× more).
 * ElectroDB's own `__edb_e__`/`__edb_v__` come too: it tells entities apart by them.
 */
export const searchIndex: IndexSpec = {
  indexName: 'gsi4',
  partitionKey: 'gsi4pk',
  sortKey: 'gsi4sk',
  include: [
    '__edb_e__',
    '__edb_v__',
    'institutionId',
    'lat',
    'lng',
    'status',
    'affordable',
    'monthlyFeeYuan',
    'classes',
    /** 示范机构 (decision 0034): the search's model-only filter. */
    'modelLevel',
    'ageClass',
    'capacity',
    'confirmed',
  ],
};

/**
 * Single-table design for all domain entities (ElectroDB composes the keys).
 * Three generic GSIs serve the access patterns named in each entity file, and
 * a fourth, narrowly projected, serves nearby search.
 */
export const mainTable: TableSpec = {
  id: 'Main',
  envVar: 'TABLE_NAME',
  key: { partitionKey: 'pk', sortKey: 'sk' },
  globalIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    searchIndex,
  ],
  timeToLiveAttribute: 'ttl',
};

/** Powertools idempotency records: partition key `id`, TTL on `expiration`. */
export const idempotencyTable: TableSpec = {
  id: 'Idempotency',
  envVar: 'IDEMPOTENCY_TABLE_NAME',
  key: { partitionKey: 'id' },
  globalIndexes: [],
  timeToLiveAttribute: 'expiration',
};

/**
 * Who may do what: user records (roles, district, display name). Out of the
 * domain table so that IAM can say what a table-level condition cannot: only
 * the sign-in group writes them, every other group reads one by its key
 * (decision 0016). One item per user, keyed by ElectroDB like the main table.
 */
export const accessTable: TableSpec = {
  id: 'Access',
  envVar: 'ACCESS_TABLE_NAME',
  key: { partitionKey: 'pk', sortKey: 'sk' },
  globalIndexes: [],
};

/**
 * The audit trails (staff reads and changes of a family's case). Append-only
 * for every function: IAM grants PutItem (the app writes with
 * `attribute_not_exists`) and Query, never Update or Delete (decision 0016).
 * gsi1 serves a district's entries by time (commons/audit.ts byDistrict).
 */
export const auditTable: TableSpec = {
  id: 'Audit',
  envVar: 'AUDIT_TABLE_NAME',
  key: { partitionKey: 'pk', sortKey: 'sk' },
  globalIndexes: [{ indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
};

export const tableSpecs: readonly TableSpec[] = [mainTable, idempotencyTable, accessTable, auditTable];

/** A CreateTable request (DynamoDB API shape) for a spec, on-demand billing. */
export function toCreateTableInput(spec: TableSpec, tableName: string) {
  const attributeNames = new Set<string>();
  const keySchema = (key: KeySpec) => {
    attributeNames.add(key.partitionKey);
    const schema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[] = [
      { AttributeName: key.partitionKey, KeyType: 'HASH' },
    ];
    if (key.sortKey) {
      attributeNames.add(key.sortKey);
      schema.push({ AttributeName: key.sortKey, KeyType: 'RANGE' });
    }
    return schema;
  };
  const KeySchema = keySchema(spec.key);
  const GlobalSecondaryIndexes = spec.globalIndexes.map((index) => ({
    IndexName: index.indexName,
    KeySchema: keySchema(index),
    Projection: index.include
      ? { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...index.include] }
      : { ProjectionType: 'ALL' as const },
  }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    KeySchema,
    AttributeDefinitions: [...attributeNames].map((name) => ({
      AttributeName: name,
      AttributeType: 'S' as const,
    })),
    ...(GlobalSecondaryIndexes.length > 0 ? { GlobalSecondaryIndexes } : {}),
  };
}
