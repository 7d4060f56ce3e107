/**
 * `npm start`: the whole product on this machine. Builds the h5 app when its
 * sources changed, starts dynalite + s3rver under $DATA_DIR, creates the tables
 * from the CDK table specs, seeds a fresh data dir, and serves the API on
 * $PORT and the h5 app on $WEB_PORT until SIGINT/SIGTERM.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultH5Directory, startLocalRuntime } from '../local/runtime';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const port = Number(process.env.PORT ?? 3000);
const webPort = Number(process.env.WEB_PORT ?? 10086);
const dataDir = resolve(process.env.DATA_DIR ?? join(repoRoot, '.data'));
const buildStamp = join(defaultH5Directory, '.hongjia-local-build');

const say = (line: string) => console.log(`[hongjia] ${line}`);

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestChange(join(path, entry))),
    stat.mtimeMs,
  );
}

function ensureH5Build(): void {
  const sources = ['miniapp/src', 'miniapp/config', 'shared/src'].map((dir) => join(repoRoot, dir));
  const sourcesChanged = Math.max(...sources.filter(existsSync).map(newestChange));
  if (existsSync(buildStamp) && statSync(buildStamp).mtimeMs >= sourcesChanged) {
    say('h5 build is up to date');
    return;
  }
  say('building the h5 app (Taro, about 1 min on 2 cores) …');
  const build = spawnSync('npm', ['run', 'build:h5:local', '-w', 'miniapp'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('h5 build failed');
  writeFileSync(buildStamp, new Date().toISOString());
}

async function main() {
  const started = Date.now();
  ensureH5Build();
  const runtime = await startLocalRuntime({
    dataDir,
    port,
    webPort,
    log: say,
    logRequests: true,
    workers: { intervalMs: 5000 },
  });
  say(`API  ${runtime.apiUrl}   (try ${runtime.apiUrl}/health)`);
  say(`App  ${runtime.webUrl}   (h5 build; sign in as dev:<anything>, dev:staff-360102, dev:staff-city …)`);
  say(`data ${dataDir}   ready in ${((Date.now() - started) / 1000).toFixed(1)} s; Ctrl-C stops`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping …`);
    await runtime.stop();
    say('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('[hongjia] failed to start:', error);
  process.exit(1);
});
