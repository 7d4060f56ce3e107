import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localSecrets } from '../../local/runtime';

/** A data dir made before decision 0017 (HS256 sessions) must start and keep its keys. */
describe('local secrets', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates what an old data dir lacks once, and keeps what it has', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hongjia-secrets-'));
    const file = join(dir, 'local-secrets.json');
    const old = {
      sessionSecret: 'x'.repeat(64),
      piiMasterKey: 'p'.repeat(43),
      certSigningKey: '{"kid":"local-1"}',
    };
    writeFileSync(file, JSON.stringify(old));

    const first = await localSecrets(dir);
    expect(first).toMatchObject(old);
    const signing = JSON.parse(first.sessionSigningKey);
    const verify = JSON.parse(first.sessionVerifyKeys);
    expect(signing).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: 'local-session-1' });
    expect(typeof signing.d).toBe('string');
    expect(verify.keys).toHaveLength(1);
    expect(verify.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', x: signing.x, kid: signing.kid });
    expect(verify.keys[0]).not.toHaveProperty('d');
    expect(first.cursorSecret).not.toBe(first.rateLimitSecret);

    // A restart reads the same keys: tokens and cursors issued before it stay valid.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
    expect(await localSecrets(dir)).toEqual(first);
  });
});
