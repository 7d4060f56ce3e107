import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity as ElectroEntity } from 'electrodb';
import { describe, expect, it } from 'vitest';
import type { AccessTableName, AuditTableName } from '../src/commons/dynamo';
import { Entity } from '../src/commons/store/index';
import type { Schema } from '../src/commons/store/model';
import { createRoot } from '../src/root';

/**
 * Every entity's model is still a valid ElectroDB model (decision 0037): the entity layer takes
 * the models as they were and promises ElectroDB's layout for them, so ElectroDB (a
 * devDependency now) checks each one; and the layer itself refuses a model option it does not
 * implement rather than ignoring it.
 */
describe('entity models', () => {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-northwest-1' }));

  it('every entity of the root is built by the layer and is a valid ElectroDB model', () => {
    const root = createRoot({
      client,
      table: 'main',
      accessTable: 'access' as AccessTableName,
      auditTable: 'audit' as AuditTableName,
    });
    const entities = root.entities as Record<string, unknown>;
    const names = Object.keys(entities);
    expect(names.length).toBeGreaterThan(20);
    const built: Entity<Schema>[] = [];
    const visit = (value: unknown) => {
      if (value instanceof Entity) built.push(value as Entity<Schema>);
      else if (value && typeof value === 'object') for (const child of Object.values(value)) visit(child);
    };
    for (const name of names) expect(() => visit(entities[name]), name).not.toThrow();
    expect(built.length).toBeGreaterThan(30);
    for (const entity of built) {
      const model = JSON.parse(
        JSON.stringify(entity.schema, (_k, v) => (typeof v === 'function' ? undefined : v)),
      );
      expect(() => new ElectroEntity(model, { table: 'main' }), entity.schema.model.entity).not.toThrow();
    }
  }, 60_000);

  it('the real library refuses an invalid model (so the check above can fail)', () => {
    const model = {
      model: { entity: 'broken', version: '1', service: 'hongjia' },
      attributes: { id: { type: 'string', required: 'yes' } },
      indexes: { byId: { pk: { field: 'pk', composite: ['id'] } } },
    };
    expect(() => new ElectroEntity(model as never, { table: 'main' })).toThrow(/required/);
  });

  it('the layer refuses a model option it does not implement', () => {
    const model = {
      model: { entity: 'templated', version: '1', service: 'hongjia' },
      attributes: { id: { type: 'string', required: true, field: 'identifier' } },
      indexes: { byId: { pk: { field: 'pk', composite: ['id'] }, sk: { field: 'sk', composite: [] } } },
    };
    expect(() => new Entity(model as never, { client, table: 'main' })).toThrow(/field/);
    const templated = {
      ...model,
      attributes: { id: { type: 'string', required: true } },
      indexes: { byId: { pk: { field: 'pk', composite: ['id'], template: 'id#{id}' } } },
    };
    expect(() => new Entity(templated as never, { client, table: 'main' })).toThrow(/template/);
  });
});
