import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity } from 'electrodb';
import { describe, expect, it } from 'vitest';
import type { AccessTableName, AuditTableName } from '../src/commons/dynamo';
import { createRoot } from '../src/root';

/**
 * The function bundles alias ElectroDB's `jsonschema` to a stub (infra/lib/hongjia-function.ts
 * `functionBundling`, decision 0026): a Lambda
 * never checks an entity's model. Here, under the real library, every model is checked as
 * each entity of the root is constructed, and the check is shown to bite.
 */
describe('entity models', () => {
  it('every entity of the root is a valid ElectroDB model', () => {
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-northwest-1' }));
    const root = createRoot({
      client,
      table: 'main',
      accessTable: 'access' as AccessTableName,
      auditTable: 'audit' as AuditTableName,
    });
    const entities = root.entities as Record<string, unknown>;
    const names = Object.keys(entities);
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) expect(() => entities[name], name).not.toThrow();
    // About 30 schemas parsed and checked: a second here, more on a loaded machine.
  }, 60_000);

  it('the real library refuses an invalid model (so the check above can fail)', () => {
    const model = {
      model: { entity: 'broken', version: '1', service: 'hongjia' },
      attributes: { id: { type: 'string', required: 'yes' } },
      indexes: { byId: { pk: { field: 'pk', composite: ['id'] } } },
    };
    expect(() => new Entity(model as never, { table: 'main' })).toThrow(/required/);
  });
});
