import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { type TableSpec, tableSpecs, toCreateTableInput } from '@hongjia/infra/table-spec';
import dynalite from 'dynalite';

/** dynalite in-process: the DynamoDB API on LevelDB files under `path`. */
export async function startDynalite(path: string): Promise<{ endpoint: string; close: () => Promise<void> }> {
  mkdirSync(path, { recursive: true });
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function localTableName(spec: TableSpec): string {
  return `hongjia-local-${spec.id.toLowerCase()}`;
}

/** Creates the tables the CDK stack deploys, from the same specs, unless they exist. */
export async function ensureTables(client: DynamoDBClient): Promise<{ created: string[] }> {
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  const created: string[] = [];
  for (const spec of tableSpecs) {
    const name = localTableName(spec);
    if (existing.has(name)) continue;
    await client.send(new CreateTableCommand(toCreateTableInput(spec, name)));
    created.push(name);
  }
  return { created };
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'cn-northwest-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}
