/**
 * The background work a deployed stack runs on schedules, run in the local
 * runtime's process on an interval: the 出生一件事 outbox drain and the
 * 育儿补贴 renewal reminder. Runs never overlap here (the next starts after
 * the previous ends), though both are safe to overlap. Imported after the runtime has set the
 * environment (the functions' DynamoDB client reads it on import).
 */
export interface LocalWorkers {
  stop(): Promise<void>;
}

export async function startLocalWorkers(options: {
  intervalMs: number;
  log?: (line: string) => void;
}): Promise<LocalWorkers> {
  const { rootFromEnv, scheduledWorkEntities } = await import('@hongjia/functions/root');
  const { runScheduledWork } = await import('@hongjia/functions/workers/scheduled');
  const { scheduledWorkDepsFromEnv } = await import('@hongjia/functions/workers/from-env');
  const { runAsGroup } = await import('@hongjia/functions/commons/group-scope');
  const { functionGroups } = await import('@hongjia/functions/manifest');
  const deps = scheduledWorkDepsFromEnv(rootFromEnv({}, scheduledWorkEntities));
  // As deployed: the scheduled group's grants, no more (local/least-privilege.ts).
  const group = functionGroups.find((candidate) => candidate.schedule);
  if (!group) throw new Error('The manifest has no scheduled group');
  const scope = { name: group.name, access: group.access };
  const log = options.log ?? (() => {});
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = () => {
    running = runAsGroup(scope, () => runScheduledWork(deps, new Date()))
      .then(({ outbox: report, renewals }) => {
        if (report.claimed > 0) {
          log(
            `outbox: ${report.accepted} accepted, ${report.retrying} retrying, ${report.failed} failed of ${report.due} due`,
          );
        }
        if (renewals.reminded > 0) log(`subsidy renewals: ${renewals.reminded} reminded`);
      })
      .catch((error: unknown) =>
        log(`scheduled work failed: ${error instanceof Error ? error.message : 'error'}`),
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
