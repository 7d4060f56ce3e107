import { describe, expect, it } from 'vitest';
import type { CpuProfile } from '../bench/rush/app-process';
import { groupOf, summarize } from '../bench/rush/profile-summary';

const root = '/repo';
const frame = (url: string, functionName = 'f') => ({ url, functionName });

describe('the rush CPU profile summary', () => {
  it('groups by script URL', () => {
    expect(groupOf(`file://${root}/node_modules/@smithy/core/dist/index.js`, 'x')).toBe(
      'store client (AWS SDK, Smithy)',
    );
    expect(groupOf(`file://${root}/node_modules/@aws-sdk/client-dynamodb/dist/index.js`, 'x')).toBe(
      'store client (AWS SDK, Smithy)',
    );
    expect(groupOf(`file://${root}/node_modules/electrodb/src/entity.js`, 'x')).toBe(
      'data access (ElectroDB)',
    );
    expect(groupOf(`file://${root}/node_modules/zod/v4/core/parse.js`, 'x')).toBe('validation (zod)');
    expect(groupOf(`file://${root}/functions/src/childcare/booking/service.ts`, 'x')).toBe(
      'app code (functions, shared, local)',
    );
    expect(groupOf(`file://${root}/local/http-adapter.ts`, 'x')).toBe('app code (functions, shared, local)');
    expect(groupOf('node:internal/streams/readable', 'x')).toBe('Node internals (no caller of ours)');
    expect(groupOf('', '(idle)')).toBe('idle');
    expect(groupOf('', '(garbage collector)')).toBe('garbage collector');
  });

  it("charges Node's own code to its nearest caller outside Node, and leaves idle time out", () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('', '(root)'), children: [2, 5, 6] },
        {
          id: 2,
          callFrame: frame(`file://${root}/node_modules/@smithy/node-http-handler/dist/index.js`),
          children: [3],
        },
        { id: 3, callFrame: frame('node:_http_client'), children: [4] },
        { id: 4, callFrame: frame('node:net') },
        { id: 5, callFrame: frame('node:_http_server') },
        { id: 6, callFrame: frame('', '(idle)') },
      ],
      // Each sample's time is the delta to the next one: 1 ms apart.
      samples: [4, 2, 5, 6, 6, 4],
      timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000],
    };
    const { busyMs, byGroup } = summarize(profile);
    expect(busyMs).toBe(4);
    expect(byGroup['store client (AWS SDK, Smithy)']).toBe(3);
    expect(byGroup['Node internals (no caller of ours)']).toBe(1);
  });
});
