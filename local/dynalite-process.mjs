/**
 * dynalite in a process of its own, forked by local/dynamodb.ts (`startDynalite`), so the
 * local DynamoDB no longer shares the app's thread (decision 0028).
 *
 * Plain JavaScript on purpose: forked with a bare `node`, no TypeScript loader to start
 * (the store is ready in ≈ 0.2 s instead of ≈ 0.6 s under tsx).
 *
 * Protocol over the IPC channel: the parent sends `{ path }`; the child answers
 * `{ port }` once it listens on 127.0.0.1, or `{ error }`. `{ close: true }` closes the
 * server and its LevelDB and exits. `{ stats: true }` is answered `{ stats: { requests,
 * rounds } }`: the API calls served so far, and the rounds among them (a call that arrives
 * while none is in flight starts a round; calls sent together are one round), which the
 * rush bench reads to count a booking's round trips at the store, not in the app. The child lives no longer than its parent: when the
 * channel goes (the parent exited, crashed or was killed with SIGKILL) it closes and exits
 * too, so no test run or Ctrl-C leaves a dynalite behind. SIGINT is ignored: Ctrl-C reaches
 * the whole process group, and the parent still needs the store while it stops (workers
 * drain, queues settle) before it closes it.
 */
import { mkdirSync } from 'node:fs';
import dynalite from 'dynalite';

/** @type {import('node:http').Server | undefined} */
let server;
let closing = false;
const stats = { requests: 0, rounds: 0 };
let inFlight = 0;

function closeAndExit(code = 0) {
  if (closing) return;
  closing = true;
  if (!server) process.exit(code);
  // Closing the server closes dynalite's LevelDB (its `close` handler): the data is on disk.
  server.close(() => process.exit(code));
  // Keep-alive sockets of a parent that died would hold `close` open: they carry nothing now.
  server.closeAllConnections();
  setTimeout(() => process.exit(code), 10_000).unref();
}

process.on('SIGINT', () => {});
process.on('SIGTERM', () => closeAndExit(0));
process.on('disconnect', () => closeAndExit(0));
process.on('message', (message) => {
  if (message && typeof message === 'object' && 'close' in message) return closeAndExit(0);
  if (message && typeof message === 'object' && 'stats' in message) return process.send?.({ stats });
  if (!message || typeof message !== 'object' || typeof message.path !== 'string' || server) return;
  try {
    mkdirSync(message.path, { recursive: true });
    server = dynalite({ path: message.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
    // Before dynalite's own handler: counted as the request arrives, released when answered.
    server.prependListener('request', (_request, response) => {
      stats.requests += 1;
      if (inFlight++ === 0) stats.rounds += 1;
      response.once('close', () => {
        inFlight -= 1;
      });
    });
    server.once('error', (error) => {
      process.send?.({ error: String(error) });
      closeAndExit(1);
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server?.address();
      process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
    });
  } catch (error) {
    process.send?.({ error: String(error) });
    closeAndExit(1);
  }
});
