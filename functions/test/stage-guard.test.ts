import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertNoDevModeOutsideLocal } from '../src/commons/stage-guard';

/** Decision 0017: dev sign-in and the accept-all face check never start outside local/test. */
describe('dev mode is impossible in production', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('refuses WECHAT_AUTH_MODE=dev with any stage but local and test', () => {
    for (const stage of ['prod', 'staging', 'bench', undefined]) {
      expect(() => assertNoDevModeOutsideLocal({ STAGE: stage, WECHAT_AUTH_MODE: 'dev' }), stage).toThrow(
        /allowed only with STAGE local or test/,
      );
    }
    expect(() => assertNoDevModeOutsideLocal({ STAGE: 'prod', WECHAT_AUTH_MODE: 'fake' })).toThrow();
    expect(() => assertNoDevModeOutsideLocal({ STAGE: 'local', WECHAT_AUTH_MODE: 'dev' })).not.toThrow();
    expect(() => assertNoDevModeOutsideLocal({ STAGE: 'test', WECHAT_AUTH_MODE: 'dev' })).not.toThrow();
    expect(() => assertNoDevModeOutsideLocal({ STAGE: 'prod', WECHAT_AUTH_MODE: 'wechat' })).not.toThrow();
  });

  const deployedEnv = {
    STAGE: 'prod',
    WECHAT_AUTH_MODE: 'dev',
    WECHAT_APP_ID: 'wx0000000000000000',
    TABLE_NAME: 'main',
    ACCESS_TABLE_NAME: 'access',
    AUDIT_TABLE_NAME: 'audit',
    IDEMPOTENCY_TABLE_NAME: 'idempotency',
    // The registration and families groups hold the upload bucket (decision 0039).
    UPLOAD_BUCKET: 'uploads',
    AWS_REGION: 'cn-northwest-1',
  };

  it.each([
    ['auth (dev sign-in)', '../src/groups/auth'],
    ['families (accept-all face check)', '../src/groups/families'],
    ['childcare (any HTTP handler)', '../src/groups/childcare'],
    ['workers', '../src/groups/workers'],
  ])('the %s handler throws at import with STAGE=prod', async (_name, path) => {
    for (const [key, value] of Object.entries(deployedEnv)) vi.stubEnv(key, value);
    await expect(import(path)).rejects.toThrow(/WECHAT_AUTH_MODE=dev/);
  });

  it('the same handler imports with STAGE=prod and the real mode', async () => {
    for (const [key, value] of Object.entries({ ...deployedEnv, WECHAT_AUTH_MODE: 'wechat' })) {
      vi.stubEnv(key, value);
    }
    await expect(import('../src/groups/auth')).resolves.toHaveProperty('handler');
  });
});
