/**
 * The background work a deployed stack runs on schedules, run in the local
 * runtime's process on an interval: today the 出生一件事 outbox drain. Runs
 * never overlap here (the next starts after the previous ends), though the
 * drain is safe to overlap. Imported after the runtime has set the
 * environment (the functions' DynamoDB client reads it on import).
 */
export interface LocalWorkers {
  stop(): Promise<void>;
}

export async function startLocalWorkers(options: {
  intervalMs: number;
  log?: (line: string) => void;
}): Promise<LocalWorkers> {
  const { documentClient, mainTableName } = await import('@hongjia/functions/commons/dynamo');
  const { drainBundleOutbox } = await import('@hongjia/functions/workers/bundle-outbox');
  const { bundleOutboxDepsFromEnv } = await import('@hongjia/functions/workers/from-env');
  const deps = bundleOutboxDepsFromEnv(documentClient, mainTableName());
  const log = options.log ?? (() => {});
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = () => {
    running = drainBundleOutbox(deps, new Date())
      .then((report) => {
        if (report.claimed > 0) {
          log(
            `outbox: ${report.accepted} accepted, ${report.retrying} retrying, ${report.failed} failed of ${report.due} due`,
          );
        }
      })
      .catch((error: unknown) =>
        log(`outbox drain failed: ${error instanceof Error ? error.message : 'error'}`),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs);
      });
  };
  timer = setTimeout(tick, options.intervalMs);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
