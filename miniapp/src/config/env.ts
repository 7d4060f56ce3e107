/**
 * Build-time settings, replaced by webpack's DefinePlugin (config/index.ts `env`).
 * Read them here only, so a page never depends on how the build injects them.
 */
export const isLocalBuild = process.env.TARO_APP_LOCAL === 'true';

/** '' in the local h5 build (same origin, the local server proxies /v1); an origin otherwise. */
export const apiBase = process.env.TARO_APP_API_BASE;

export const isWeapp = process.env.TARO_ENV === 'weapp';
