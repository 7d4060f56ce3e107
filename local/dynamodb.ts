import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { type TableSpec, tableSpecs, toCreateTableInput } from '@hongjia/infra/table-spec';

/** What the store process served so far (local/dynalite-process.mjs): calls, and rounds of overlapping calls. */
export interface StoreStats {
  requests: number;
  rounds: number;
}

const storeProcess = fileURLToPath(new URL('./dynalite-process.mjs', import.meta.url));

/**
 * dynalite in a child process of its own (local/dynalite-process.mjs, decision 0028): the
 * DynamoDB API on LevelDB files under `path`, on a thread that is not the app's. The child
 * exits with its parent (it watches the IPC channel), so nothing is left running after a
 * test run, a crash or Ctrl-C; `close` closes its LevelDB and waits for it to exit.
 */
export async function startDynalite(
  path: string,
): Promise<{ endpoint: string; pid: number; stats: () => Promise<StoreStats>; close: () => Promise<void> }> {
  mkdirSync(path, { recursive: true });
  // A bare node: not vitest's or tsx's loaders (the script is plain JS), not --cpu-prof or
  // --inspect flags meant for the app process.
  const child = fork(storeProcess, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`dynalite exited (code ${code}) before it listened`)));
    child.once('message', (message: { port?: number; error?: string }) =>
      message.port ? resolve(message.port) : reject(new Error(`dynalite failed: ${message.error}`)),
    );
    child.send({ path });
  }).catch(async (error: unknown) => {
    child.kill();
    await exited;
    throw error;
  });
  // The parent's event loop must not wait on its store: the store waits on the parent.
  child.unref();
  child.channel?.unref();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    stats: () =>
      new Promise<StoreStats>((resolve) => {
        child.channel?.ref();
        child.once('message', (message: { stats: StoreStats }) => {
          child.channel?.unref();
          resolve(message.stats);
        });
        child.send({ stats: true });
      }),
    close: async () => {
      // Held again while it closes: an unref'd child's exit alone would not keep us waiting.
      child.ref();
      if (child.exitCode === null && child.signalCode === null) {
        if (child.connected) child.send({ close: true });
        else child.kill('SIGTERM');
      }
      await exited;
    },
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
