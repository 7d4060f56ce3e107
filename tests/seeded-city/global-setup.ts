import type { TestProject } from 'vitest/node';
import { ensureSeededTemplate } from './template';

/** `globalSetup` of the integration and e2e projects (vitest.config.ts). */
export default function provideSeededCity(project: TestProject): void {
  project.provide('seededDataDir', ensureSeededTemplate());
}
