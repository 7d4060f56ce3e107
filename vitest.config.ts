import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * One vitest run, five projects:
 * - unit: pure code of shared/ and functions/ (no network);
 * - infra: CDK assertion tests on the synthesized templates;
 * - integration: handlers through the local HTTP adapter on a real dynalite;
 * - miniapp: miniprogram-simulate against the weapp build output;
 * - e2e: Playwright (Debian chromium) against the h5 build and the local runtime.
 */
export default defineConfig({
  test: {
    // Two files at once even on 2 cores (vitest's default there is one): an integration file's
    // worker and its store's process take turns on the CPU, so one file at a time left a core
    // idle for most of CI's test step. e2e files still run one at a time (their project says so).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/test/**/*.test.ts', 'functions/test/**/*.test.ts', 'scripts/test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'infra',
          include: ['infra/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // After each file: no answer to a family named another family's record (tests/integration/disclosure.ts).
          setupFiles: ['tests/integration/setup.ts'],
          // The demo city is seeded once per run; each file starts on a copy (tests/seeded-city/).
          globalSetup: ['tests/seeded-city/global-setup.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'miniapp',
          include: ['miniapp/test/**/*.test.ts'],
          environment: 'jsdom',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/seeded-city/global-setup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
