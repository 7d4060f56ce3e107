import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';

/**
 * dynalite runs in a process of its own (decision 0028). It must never outlive the process
 * that started it, however that one ends, and what it wrote must be on disk after a close.
 */
const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const parentEntry = join(repoRoot, 'tests', 'integration', 'store-process', 'parent.ts');
const dirs: string[] = [];

function startParent(path: string) {
  const parent = spawn(process.execPath, ['--import', 'tsx', parentEntry, path], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true, // its own process group, as a terminal's foreground job is
  });
  const exited = new Promise<void>((done) => parent.once('exit', () => done()));
  const started = new Promise<{ storePid: number; endpoint: string }>((done, fail) => {
    let buffered = '';
    parent.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const line = buffered.split('\n').find((l) => l.startsWith('{"storePid"'));
      if (line) done(JSON.parse(line));
    });
    parent.once('exit', (code) => fail(new Error(`parent exited (${code}) before the store started`)));
  });
  return { parent, exited, started };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, withinMs = 5000): Promise<boolean> {
  for (const until = Date.now() + withinMs; Date.now() < until; ) {
    if (!alive(pid)) return true;
    await new Promise((done) => setTimeout(done, 50));
  }
  return !alive(pid);
}

const newDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hongjia-store-'));
  dirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the store process', () => {
  it.each([
    ['SIGKILL', (parent: ChildProcess) => parent.kill('SIGKILL')],
    ['SIGTERM', (parent: ChildProcess) => parent.kill('SIGTERM')],
    // Ctrl-C: the terminal signals the whole foreground process group, store included.
    [
      'Ctrl-C (SIGINT to the process group)',
      (parent: ChildProcess) => process.kill(-(parent.pid as number), 'SIGINT'),
    ],
  ])(
    'ends when its parent is ended by %s',
    async (_how, end) => {
      const { parent, exited, started } = startParent(newDir());
      const { storePid } = await started;
      expect(alive(storePid)).toBe(true);
      end(parent);
      await exited;
      expect(await gone(storePid)).toBe(true);
    },
    30_000,
  );

  it('leaves what it wrote on disk for the next store on the same data dir', async () => {
    const path = newDir();
    const first = startParent(path);
    const { endpoint, storePid } = await first.started;
    const writer = localDynamoClient(endpoint);
    await writer.send(
      new CreateTableCommand({
        TableName: 'kept',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await writer.send(new PutItemCommand({ TableName: 'kept', Item: { id: { S: 'a' }, n: { N: '1' } } }));
    writer.destroy();
    first.parent.kill('SIGTERM');
    await first.exited;
    expect(await gone(storePid)).toBe(true);

    // A second store opens the same LevelDB files (the first released their lock) and reads them.
    const second = startParent(path);
    const again = await second.started;
    const reader = localDynamoClient(again.endpoint);
    const { Item } = await reader.send(
      new GetItemCommand({ TableName: 'kept', Key: { id: { S: 'a' } }, ConsistentRead: true }),
    );
    reader.destroy();
    second.parent.kill('SIGKILL');
    await second.exited;
    expect(Item?.n).toEqual({ N: '1' });
    expect(await gone(again.storePid)).toBe(true);
  }, 60_000);
});
