import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableSpecs } from '@hongjia/infra/table-spec';
import { Entity as ElectroEntity, createConversions as electroConversions } from 'electrodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTables, localDynamoClient, localTableName, startDynalite } from '../../local/dynamodb';
import type { AccessTableName, AuditTableName } from '../src/commons/dynamo';
import { isConditionFailure } from '../src/commons/guards';
import { createConversions, Entity } from '../src/commons/store/index';
import type { AttributeDefinition, Schema } from '../src/commons/store/model';
import { createRoot } from '../src/root';

/**
 * The entity layer against ElectroDB 3.9.3 (a devDependency for this test only; decision 0037):
 * every entity the root builds is built under both libraries from the same model, and every
 * operation form the codebase uses must yield the same request — same keys, same item, same
 * expressions and names. Where a write is refused, both must refuse it. A key format that
 * differs fails here (the report names the deliberate try).
 */

type Stored = Record<string, unknown>;
type Ops = {
  eq(x: unknown, v: unknown): string;
  lte(x: unknown, v: unknown): string;
  exists(x: unknown): string;
  notExists(x: unknown): string;
};
type Op = {
  label: string;
  ours: (e: Entity<Schema>) => unknown;
  theirs: (e: ElectroEntity<never, never, never, never>) => unknown;
};

const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-northwest-1' }));

function entitiesOfRoot(): [string, Entity<Schema>][] {
  const root = createRoot({
    client,
    table: 'main',
    accessTable: 'access' as AccessTableName,
    auditTable: 'audit' as AuditTableName,
  });
  const entities = root.entities as Record<string, unknown>;
  const out: [string, Entity<Schema>][] = [];
  const visit = (name: string, value: unknown) => {
    if (value instanceof Entity) out.push([name, value as Entity<Schema>]);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) visit(`${name}.${k}`, v);
  };
  for (const name of Object.keys(entities)) visit(name, entities[name]);
  return out;
}

/** A value of the attribute's type; mixed case, so lowercasing shows. */
function sample(definition: AttributeDefinition, name: string, variant = 0): unknown {
  const type = definition.type;
  if (Array.isArray(type)) return type[variant % type.length];
  switch (type) {
    case 'string':
      return `V${variant}-${name}-Ab`;
    case 'number':
      return 7 + variant;
    case 'boolean':
      return variant % 2 === 0;
    case 'set': {
      const items = definition.items;
      return Array.isArray(items) ? [items[0]] : items === 'number' ? [1, 2] : ['A', 'b'];
    }
    case 'list':
      return [sample(definition.items as AttributeDefinition, `${name}0`, variant)];
    case 'map': {
      const out: Stored = {};
      for (const [k, d] of Object.entries(definition.properties ?? {})) out[k] = sample(d, k, variant);
      return out;
    }
    default:
      return undefined;
  }
}

function sampleItem(schema: Schema, variant: number): Stored {
  const item: Stored = {};
  for (const [name, definition] of Object.entries(schema.attributes))
    item[name] = sample(definition, name, variant);
  return item;
}

/** Sets compare by members; undefined-valued keys are dropped by the SDK anyway. */
function normalise(value: unknown): unknown {
  if (value instanceof Set) return { $set: [...value].sort() };
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    const out: Stored = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = normalise(v);
    return out;
  }
  return value;
}

function outcome(run: () => unknown): { params?: unknown; error?: string } {
  try {
    return { params: normalise(run()) };
  } catch (error) {
    return { error: error instanceof Error ? error.constructor.name : String(error) };
  }
}

function operations(schema: Schema): Op[] {
  const ops: Op[] = [];
  const add = (label: string, build: (e: never) => { params(o?: object): unknown }, options?: object) =>
    ops.push({
      label,
      ours: (e) => build(e as never).params(options),
      theirs: (e) => build(e as never).params(options),
    });
  const primary = Object.values(schema.indexes).find((i) => !i.index);
  if (!primary) throw new Error('no table index');
  const keyNames = [...primary.pk.composite, ...(primary.sk?.composite ?? [])];
  for (const variant of [0, 1, 2, 3]) {
    const item = sampleItem(schema, variant);
    // Sparse indexes: also without their optional members, and with values their conditions refuse.
    const key: Stored = Object.fromEntries(keyNames.map((k) => [k, item[k]]));
    const writable = Object.entries(schema.attributes).filter(
      ([n, d]) => !d.readOnly && !keyNames.includes(n),
    );
    const optional = Object.entries(schema.attributes).filter(([, d]) => !d.required && !d.readOnly);
    const partial = { ...item };
    for (const [name] of optional) if (variant === 3) delete partial[name];
    add(`put #${variant}`, (e: Entity<Schema>) => e.put(partial as never));
    add(`create #${variant}`, (e: Entity<Schema>) => e.create(partial as never));
    add(`get #${variant}`, (e: Entity<Schema>) => e.get(key as never), { consistent: true });
    add(`batch get #${variant}`, (e: Entity<Schema>) => e.get([key, key] as never) as never, {
      consistent: variant % 2 === 0,
    });
    add(`delete where #${variant}`, (e: Entity<Schema>) =>
      e
        .delete(key as never)
        .where(((a: Stored, op: Ops) => op.eq(a[writable[0]?.[0] ?? (keyNames[0] as string)], 'x')) as never),
    );
    add(`remove #${variant}`, (e: Entity<Schema>) => e.remove(key as never));
    for (const [name] of writable) {
      add(`patch set ${name} #${variant}`, (e: Entity<Schema>) =>
        e.patch(key as never).set({ [name]: item[name] } as never),
      );
      const members = Object.values(schema.indexes)
        .filter((i) => i.index)
        .flatMap((i) => [...i.pk.composite, ...(i.sk?.composite ?? [])]);
      const composite = Object.fromEntries(members.filter((m) => m !== name).map((m) => [m, item[m]]));
      add(`patch set ${name} + composite #${variant}`, (e: Entity<Schema>) =>
        e
          .patch(key as never)
          .set({ [name]: item[name] } as never)
          .composite(composite as never)
          .where(((a: Stored, op: Ops) => op.notExists(a[name])) as never),
      );
      add(
        `update set ${name} #${variant}`,
        (e: Entity<Schema>) => e.update(key as never).set({ [name]: item[name] } as never),
        {
          response: 'all_new',
        },
      );
      const definition = schema.attributes[name] as AttributeDefinition;
      if (definition.type === 'number') {
        add(`patch add ${name} #${variant}`, (e: Entity<Schema>) =>
          e.patch(key as never).add({ [name]: 1 } as never),
        );
      }
      if (!definition.required) {
        add(`patch remove ${name} #${variant}`, (e: Entity<Schema>) =>
          e.patch(key as never).remove([name] as never),
        );
      }
    }
    for (const [accessPattern, index] of Object.entries(schema.indexes)) {
      const pkFacets = Object.fromEntries(index.pk.composite.map((k) => [k, item[k]]));
      const sk = index.sk?.composite ?? [];
      const q = (e: Entity<Schema>) =>
        (e.query as Record<string, (f: Stored) => never>)[accessPattern] as (f: Stored) => never;
      add(`query ${accessPattern} #${variant}`, (e: Entity<Schema>) => q(e)(pkFacets), {
        limit: 5,
        order: 'desc',
      });
      const all = { ...pkFacets, ...Object.fromEntries(sk.map((k) => [k, item[k]])) };
      add(`query ${accessPattern} whole #${variant}`, (e: Entity<Schema>) => q(e)(all), {
        pages: 'all',
        consistent: true,
      });
      if (sk.length > 0) {
        const first = { [sk[0] as string]: item[sk[0] as string] };
        for (const op of ['lt', 'lte', 'gt', 'gte', 'begins'] as const) {
          add(
            `query ${accessPattern} ${op} #${variant}`,
            (e: Entity<Schema>) =>
              (q(e)(pkFacets) as Record<string, (f: Stored) => never>)[op]?.(first) as never,
            { order: 'asc' },
          );
        }
        add(`query ${accessPattern} between #${variant}`, (e: Entity<Schema>) =>
          (q(e)(pkFacets) as { between: (a: Stored, b: Stored) => never }).between(first, first),
        );
      }
      const filterOn = Object.keys(schema.attributes)[0] as string;
      add(`query ${accessPattern} where #${variant}`, (e: Entity<Schema>) =>
        (q(e)(pkFacets) as { where: (cb: unknown) => { where: (cb: unknown) => never } })
          .where((a: Stored, op: { eq: (x: unknown, v: unknown) => string }) =>
            op.eq(a[filterOn], item[filterOn]),
          )
          .where(
            (a: Stored, op: { lte: (x: unknown, v: unknown) => string; exists: (x: unknown) => string }) =>
              `${op.lte(a[filterOn], item[filterOn])} AND ${op.exists(a[filterOn])}`,
          ),
      );
    }
  }
  add('scan', (e: Entity<Schema>) => e.scan as never);
  return ops;
}

/** A deep copy that keeps functions (index conditions). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
  return value;
}

const entities = entitiesOfRoot();

describe('entity layer against ElectroDB: the same requests', () => {
  it('finds the root’s entities', () => {
    expect(entities.length).toBeGreaterThan(30);
  });

  for (const [name, ours] of entities) {
    it(`${name}: every operation form gives ElectroDB's request`, () => {
      // ElectroDB writes into the model it is given (`facets`): it gets its own copy.
      const theirs = new ElectroEntity(copy(ours.schema) as never, { client, table: ours.table });
      let compared = 0;
      for (const op of operations(ours.schema)) {
        const a = outcome(() => op.ours(ours));
        const b = outcome(() => op.theirs(theirs as never));
        expect(
          a.params === undefined,
          `${op.label}: ours ${a.error ?? 'ok'}, ElectroDB ${b.error ?? 'ok'}`,
        ).toBe(b.params === undefined);
        if (b.params !== undefined) {
          expect(a.params, op.label).toEqual(b.params);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(5);
    });
  }
});

/**
 * On a real store (dynalite): items ElectroDB wrote are read by the layer and the reverse, so
 * `.data/` directories and tables written before decision 0037 stay readable; and `.go()`
 * answers (data, cursors, batch get, counts, projections) are ElectroDB's.
 */
describe('entity layer against ElectroDB: the same store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entity-layer-'));
  let close: () => Promise<void> = async () => {};
  let root: ReturnType<typeof createRoot>;
  const twin = <T>(entity: T): T => {
    const ours = entity as unknown as Entity<Schema>;
    const config = { client: (ours as unknown as { client: unknown }).client, table: ours.table };
    return new ElectroEntity(copy(ours.schema) as never, config as never) as unknown as T;
  };

  beforeAll(async () => {
    const store = await startDynalite(dir);
    close = store.close;
    const raw = localDynamoClient(store.endpoint);
    await ensureTables(raw);
    const name = (id: string) => localTableName(tableSpecs.find((spec) => spec.id === id) as never);
    root = createRoot({
      client: DynamoDBDocumentClient.from(raw),
      table: name('Main'),
      accessTable: name('Access') as AccessTableName,
      auditTable: name('Audit') as AuditTableName,
    });
  }, 60_000);

  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  const booking = (n: number) => ({
    bookingId: `Bk${n}`,
    slotId: 'Slot-1',
    institutionId: 'Inst-1',
    institutionName: '红谷滩托育',
    userId: 'User-A',
    ageClass: 'toddler' as const,
    date: `2026-12-0${String(1 + (n % 3))}`,
    session: 'morning' as const,
    childNameSealed: 's',
    childBirthDateSealed: 's',
    guardianPhoneSealed: 's',
    guardianPhoneMasked: '138****0000',
    guardKey: `g${n}`,
    status: 'confirmed' as const,
    createdAt: `2026-11-2${n}T08:00:00.000Z`,
  });

  it('reads what ElectroDB wrote, and ElectroDB reads what it writes, answer for answer', async () => {
    const ours = root.entities.bookings;
    const theirs = twin(ours);
    for (const n of [1, 2, 3]) await theirs.create(booking(n)).go();
    for (const n of [4, 5]) await ours.create(booking(n)).go();
    for (const n of [1, 4]) {
      expect((await ours.get({ bookingId: `Bk${n}` }).go()).data).toEqual(
        (await theirs.get({ bookingId: `Bk${n}` }).go()).data,
      );
    }
    // Pages of a query: data and cursors equal, page after page.
    let [a, b] = [null as string | null, null as string | null];
    let pages = 0;
    do {
      const mine = await ours.query
        .byUser({ userId: 'User-A' })
        .go({ limit: 2, order: 'desc', ...(a ? { cursor: a } : {}) });
      const old = await theirs.query
        .byUser({ userId: 'User-A' })
        .go({ limit: 2, order: 'desc', ...(b ? { cursor: b } : {}) });
      expect(mine).toEqual(old);
      [a, b] = [mine.cursor, old.cursor];
      pages++;
    } while (a);
    expect(pages).toBe(3);
    const keys = [1, 2, 3, 4, 5, 9].map((n) => ({ bookingId: `Bk${n}` }));
    const batch = await ours.get(keys).go();
    const oldBatch = await theirs.get(keys).go();
    expect(batch.data.map((i) => i.bookingId).sort()).toEqual(oldBatch.data.map((i) => i.bookingId).sort());
    expect(batch.unprocessed).toEqual(oldBatch.unprocessed);
    for (const options of [{ count: 2 }, { pages: 'all' as const }, { attributes: ['status', 'date'] }]) {
      expect(await ours.query.byInstitution({ institutionId: 'Inst-1' }).go(options as never)).toEqual(
        await theirs.query.byInstitution({ institutionId: 'Inst-1' }).go(options as never),
      );
    }
    const ranged = (e: typeof ours) =>
      e.query.byInstitution({ institutionId: 'Inst-1' }).lte({ date: '2026-12-02' }).go();
    expect(await ranged(ours)).toEqual(await ranged(theirs));
    // A patch by the layer, read back by ElectroDB (and all_new answers alike).
    const patched = await ours
      .patch({ bookingId: 'Bk1' })
      .set({ status: 'cancelled', cancelledAt: '2026-12-01T00:00:00.000Z' })
      .add({ waitlistSeq: 2 })
      .where((attr, op) => op.eq(attr.status, 'confirmed'))
      .go({ response: 'all_new' });
    expect(patched.data).toEqual((await theirs.get({ bookingId: 'Bk1' }).go()).data);
    expect(patched.data.waitlistSeq).toBe(2);
  });

  it('a failed condition is recognised as one, as it was', async () => {
    const ours = root.entities.bookings;
    const error = await ours
      .create(booking(1))
      .go()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    expect(isConditionFailure(error)).toBe(true);
    const old = await twin(ours)
      .create(booking(1))
      .go()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isConditionFailure(old)).toBe(true);
  });

  it('a sparse index follows its condition, written by either', async () => {
    const ours = root.entities.notifications;
    const theirs = twin(ours);
    const note = (id: string) => ({
      notificationId: id,
      userId: 'User-A',
      kind: 'booking_promoted' as const,
      title: 't',
      body: 'b',
      createdAt: '2026-12-01T00:00:00.000Z',
      pushStatus: 'pending' as const,
      pushShard: 'p3' as const,
      pushDueAt: '2026-12-01T00:00:00.000Z',
    });
    await theirs.create(note('N1')).go();
    await ours.create(note('N2')).go();
    const due = async (e: typeof ours) =>
      (
        await e.query
          .byPushDue({ pushShard: 'p3' as const })
          .lte({ pushDueAt: '2026-12-02' })
          .go()
      ).data.map((i) => i.notificationId);
    expect(await due(ours)).toEqual(['N1', 'N2']);
    expect(await due(theirs)).toEqual(['N1', 'N2']);
    await ours
      .patch({ notificationId: 'N1' })
      .set({ pushStatus: 'done' })
      .composite({ pushShard: 'p3' as const, pushDueAt: '2026-12-01T00:00:00.000Z' })
      .go();
    expect(await due(theirs)).toEqual(['N2']);
  });

  it('cursors converted from composites are ElectroDB’s', () => {
    const requests = root.entities.assistance.requests;
    const composite = {
      district: '360102',
      status: 'in_progress',
      dueAt: '2026-12-03T00:00:00.000Z',
      requestId: 'Req-9',
    };
    const ours = createConversions(requests).byAccessPattern.byQueue;
    const theirs = electroConversions(twin(requests) as never).byAccessPattern.byQueue as typeof ours;
    const cursor = ours.fromComposite.toCursor(composite as never);
    expect(cursor).toBe(theirs.fromComposite.toCursor(composite as never));
    expect(ours.fromCursor.toComposite(cursor as string)).toEqual(
      theirs.fromCursor.toComposite(cursor as string),
    );
  });
});
