import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSigningJwk } from '@hongjia/functions/certificates/signing';
import { runAsGroup } from '@hongjia/functions/commons/group-scope';
import { generateSessionKeyPair } from '@hongjia/functions/commons/session';
import { functionGroups } from '@hongjia/functions/manifest';
import { tableSpecs } from '@hongjia/infra/table-spec';
import { ensureTables, localDynamoClient, localTableName, type StoreStats, startDynalite } from './dynamodb';
import { compileRoutes, createApiListener, type LambdaHttpHandler } from './http-adapter';
import { enforceGroupGrants } from './least-privilege';
import { startObjectStorage } from './object-storage';
import { createWebListener } from './web-server';

export interface LocalRuntimeOptions {
  dataDir: string;
  /** API port; 0 picks a free one. */
  port: number;
  /** h5 port; `undefined` serves no web app (API-only, as in integration tests). */
  webPort?: number;
  h5Directory?: string;
  seed?: boolean;
  /**
   * Births per district of the seeded monitoring year (local/seed/monitoring.ts); 0 seeds none.
   * Default: the demo's. The tests' seeded city takes a small one (tests/seeded-city/template.ts).
   */
  monitoringBirthsPerDistrict?: number;
  log?: (line: string) => void;
  logRequests?: boolean;
  /** Run the scheduled workers (outbox drains) on this interval; tests that drain by hand leave it off. */
  workers?: { intervalMs: number };
}

export interface LocalRuntime {
  apiUrl: string;
  webUrl?: string;
  dynamoEndpoint: string;
  /** The store's own process (dynalite, decision 0028): its pid and the calls it served. */
  store: { pid: number; stats(): Promise<StoreStats> };
  s3Endpoint: string;
  uploadBucket: string;
  /** The queue-triggered workers (local/queues.ts): tests wait for them to settle. */
  queues: { idle(): Promise<void> };
  stop(): Promise<void>;
}

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const functionsDir = join(repoRoot, 'functions');
export const defaultH5Directory = join(repoRoot, 'miniapp', 'dist', 'h5');
const uploadBucket = 'hongjia-local-uploads';
let started = false;

/**
 * Secrets that must survive restarts (tokens stay valid), kept beside the data.
 * A data dir made before a key existed gets the missing ones generated once and
 * written back; nothing already there is replaced. `sessionSecret` (the HS256
 * key of sessions before decision 0017) is kept in old files but no longer used.
 */
interface LocalSecrets {
  sessionSecret?: string;
  /** Ed25519 private JWK (JSON) that signs session tokens; the sign-in group only. */
  sessionSigningKey: string;
  /** Its public half as a JWK set (JSON): every group verifies with it. */
  sessionVerifyKeys: string;
  cursorSecret: string;
  rateLimitSecret: string;
  piiMasterKey: string;
  /** Ed25519 private JWK (JSON) that signs certificate QR payloads. */
  certSigningKey: string;
}

export async function localSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = join(dataDir, 'local-secrets.json');
  const stored: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  // The pair is made together: a file with only one half (hand-edited) gets both anew.
  const sessionPair =
    stored.sessionSigningKey && stored.sessionVerifyKeys
      ? { sessionSigningKey: stored.sessionSigningKey, sessionVerifyKeys: stored.sessionVerifyKeys }
      : await generateSessionKeyPair('local-session-1').then(({ privateJwk, publicJwks }) => ({
          sessionSigningKey: JSON.stringify(privateJwk),
          sessionVerifyKeys: JSON.stringify(publicJwks),
        }));
  const secrets: LocalSecrets = {
    ...stored,
    ...sessionPair,
    cursorSecret: stored.cursorSecret ?? randomBytes(48).toString('base64url'),
    rateLimitSecret: stored.rateLimitSecret ?? randomBytes(48).toString('base64url'),
    piiMasterKey: stored.piiMasterKey ?? randomBytes(32).toString('base64url'),
    certSigningKey: stored.certSigningKey ?? JSON.stringify(await generateSigningJwk('local-1')),
  };
  if ((Object.keys(secrets) as (keyof LocalSecrets)[]).some((key) => stored[key] !== secrets[key])) {
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  return secrets;
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    // A deeper accept queue than Node's 511: the rush bench's 1,000 requests fired at once come
    // from another process now (decision 0028), and an overflowing queue resets connections.
    server.listen(port, '127.0.0.1', 2048, () => done());
  });
  return (server.address() as AddressInfo).port;
}

/**
 * Runs the deployed handlers on this machine: dynalite for DynamoDB (in a child
 * process of its own, local/dynalite-process.mjs), s3rver for S3, an API Gateway
 * v2 adapter on `port`, the h5 build on `webPort`.
 * One runtime per process: handlers read their environment when imported.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  if (started) throw new Error('One local runtime per process: handlers bind their environment on import');
  started = true;
  const log = options.log ?? (() => {});
  mkdirSync(options.dataDir, { recursive: true });
  const secrets = await localSecrets(options.dataDir);

  // Together: the store's process boots while s3rver starts here.
  log('starting DynamoDB (dynalite, its own process) and object storage (s3rver) …');
  const [dynamo, storage] = await Promise.all([
    startDynalite(join(options.dataDir, 'dynamodb')),
    startObjectStorage(join(options.dataDir, 's3'), uploadBucket),
  ]);

  Object.assign(process.env, {
    STAGE: 'local',
    AWS_REGION: process.env.AWS_REGION ?? 'cn-northwest-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    ...Object.fromEntries(tableSpecs.map((spec) => [spec.envVar, localTableName(spec)])),
    UPLOAD_BUCKET: uploadBucket,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    S3_ENDPOINT: storage.endpoint,
    SESSION_SIGNING_KEY: secrets.sessionSigningKey,
    SESSION_VERIFY_KEYS: secrets.sessionVerifyKeys,
    CURSOR_SECRET: secrets.cursorSecret,
    RATE_LIMIT_SECRET: secrets.rateLimitSecret,
    PII_MASTER_KEY: secrets.piiMasterKey,
    CERT_SIGNING_KEY: secrets.certSigningKey,
    WECHAT_AUTH_MODE: 'dev',
    WECHAT_APP_ID: 'local',
  });

  const client = localDynamoClient(dynamo.endpoint);
  const { created } = await ensureTables(client);
  if (created.length) log(`created tables ${created.join(', ')}`);
  if (options.seed ?? true) {
    // Imported only now: the seed writes through the functions' DynamoDB client, which reads its env on import.
    const { seedIfFresh } = await import('./seed/index');
    const seeded = await seedIfFresh(log, new Date(), options.monitoringBirthsPerDistrict);
    if (!seeded) log('data dir already seeded, keeping its data');
  }
  client.destroy();

  const handlers = new Map<string, LambdaHttpHandler>();
  // Workers (no routes) run on the local interval below instead of behind the adapter.
  const httpGroups = functionGroups.filter((group) => group.routes.length > 0);
  // Each group runs with no more than its deployed IAM policy allows (decision 0016).
  const { documentClient } = await import('@hongjia/functions/commons/dynamo');
  enforceGroupGrants(documentClient);
  for (const group of httpGroups) {
    const module = (await import(join(functionsDir, group.entry))) as { handler: LambdaHttpHandler };
    const scope = { name: group.name, access: group.access };
    handlers.set(group.name, (event, context) => runAsGroup(scope, () => module.handler(event, context)));
  }
  const apiListener = createApiListener(
    compileRoutes(httpGroups, handlers),
    options.logRequests ? (line) => log(line) : undefined,
  );
  const queues = await (await import('./queues')).startLocalQueues(functionsDir, functionGroups);
  const workers = options.workers
    ? await (await import('./workers')).startLocalWorkers({ intervalMs: options.workers.intervalMs, log })
    : undefined;
  const apiServer = createServer((request, response) => void apiListener(request, response));
  // The client closes its idle connections, not the server: Node's 5 s keep-alive timeout races a
  // client that reuses a pooled connection just as the timer fires (the server resets a socket
  // with a request already on it, ECONNRESET, no answer at all). API Gateway answers such a request.
  apiServer.keepAliveTimeout = 0;
  const apiPort = await listen(apiServer, options.port);
  const servers = [apiServer];

  let webUrl: string | undefined;
  if (options.webPort !== undefined) {
    const h5Directory = options.h5Directory ?? defaultH5Directory;
    const webServer = createServer(createWebListener(h5Directory, apiListener));
    const webPort = await listen(webServer, options.webPort);
    servers.push(webServer);
    webUrl = `http://127.0.0.1:${webPort}`;
  }

  return {
    apiUrl: `http://127.0.0.1:${apiPort}`,
    ...(webUrl ? { webUrl } : {}),
    dynamoEndpoint: dynamo.endpoint,
    store: { pid: dynamo.pid, stats: dynamo.stats },
    s3Endpoint: storage.endpoint,
    uploadBucket,
    queues,
    async stop() {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((done) => {
              server.close(() => done());
              server.closeAllConnections();
            }),
        ),
      );
      await workers?.stop();
      await queues.stop();
      await storage.close();
      await dynamo.close();
    },
  };
}
