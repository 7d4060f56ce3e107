import { config } from 'zod/v4';

/**
 * Every `import … from 'zod'` of the build resolves here (config/index.ts, alias `zod$`).
 * WeChat forbids `new Function`, which zod 4 uses to speed up object parsing, and a schema
 * decides at construction whether it may: so jitless must be set before any schema module runs.
 * As the module every schema module imports zod through, this runs first wherever zod is loaded
 * — the subpackages that validate forms — and the main package, which has no zod, never pays.
 */
config({ jitless: true });

export * from 'zod/v4';
export { default } from 'zod/v4';
