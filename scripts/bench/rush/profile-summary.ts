import type { CpuProfile } from './app-process';

/**
 * A V8 CPU profile's self time grouped by where the code comes from (its script URL):
 * the store client (AWS SDK and Smithy, the marshalling and HTTP of every DynamoDB call),
 * the data-access library (ElectroDB), validation (zod), our code (functions, shared,
 * local), other libraries, Node itself, and the garbage collector. Idle time is left
 * out: shares are of the time the process was busy.
 */
export const groups = [
  'store client (AWS SDK, Smithy)',
  'data access (ElectroDB)',
  'validation (zod)',
  'app code (functions, shared, local)',
  'other libraries',
  'Node internals (no caller of ours)',
  'garbage collector',
  'other (V8 program)',
] as const;
export type Group = (typeof groups)[number];

export function groupOf(url: string, functionName: string): Group | 'idle' {
  if (!url) {
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(garbage collector)') return 'garbage collector';
    return 'other (V8 program)';
  }
  if (/\/node_modules\/@(aws-sdk|smithy|aws-crypto)\//.test(url)) return 'store client (AWS SDK, Smithy)';
  if (url.includes('/node_modules/electrodb/')) return 'data access (ElectroDB)';
  if (url.includes('/node_modules/zod/')) return 'validation (zod)';
  if (url.includes('/node_modules/')) return 'other libraries';
  if (/\/(functions|shared)\/src\/|\/local\//.test(url)) return 'app code (functions, shared, local)';
  if (url.startsWith('node:') || !url.includes('/')) return 'Node internals (no caller of ours)';
  return 'other libraries';
}

/**
 * Non-idle sampled ms per group, and their total. Node's own code (http, net, streams) is
 * charged to the nearest caller outside Node on its stack: the SDK's HTTP client sending a
 * store call counts as the store client, the adapter's response as app code; only what
 * Node runs on its own (the HTTP server parsing a request, timers) stays "Node internals".
 * The sampler counts wall time while not idle, which is more than CPU time when other work
 * takes the core: read the shares, and scale them by the CPU time measured apart.
 */
export function summarize(profile: CpuProfile): { busyMs: number; byGroup: Record<Group, number> } {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const ownGroup = (id: number) => {
    const frame = nodes.get(id)?.callFrame;
    return frame ? groupOf(frame.url, frame.functionName) : 'other (V8 program)';
  };
  const groupOfNode = new Map<number, Group | 'idle'>();
  const charged = (id: number): Group | 'idle' => {
    const known = groupOfNode.get(id);
    if (known) return known;
    let group = ownGroup(id);
    if (group === 'Node internals (no caller of ours)') {
      for (let up = parentOf.get(id); up !== undefined; up = parentOf.get(up)) {
        const caller = ownGroup(up);
        if (
          caller !== 'Node internals (no caller of ours)' &&
          caller !== 'other (V8 program)' &&
          caller !== 'idle'
        ) {
          group = caller;
          break;
        }
      }
    }
    groupOfNode.set(id, group);
    return group;
  };
  const byGroup = Object.fromEntries(groups.map((group) => [group, 0])) as Record<Group, number>;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let busyMs = 0;
  samples.forEach((id, i) => {
    // The time until the next sample is spent where this sample was taken.
    const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    const group = charged(id);
    if (group === 'idle') return;
    byGroup[group] += ms;
    busyMs += ms;
  });
  return { busyMs, byGroup };
}
