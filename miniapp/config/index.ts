import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type { IMiniAppConfig } from '@tarojs/taro/types/compile';

/**
 * One source, two targets: `taro build --type weapp` → dist/weapp, `--type h5` → dist/h5.
 * Build-time switches come from the shell (see README): TARO_APP_LOCAL and TARO_APP_API_BASE.
 */
const isLocal = process.env.TARO_APP_LOCAL === 'true';
// The local h5 build is served by the local web server, which proxies /v1 and /health: same origin.
// weapp talks to the API directly (WeChat DevTools with the domain check off, or a deployed URL).
const apiBase =
  isLocal && process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000');

// The shared zod contracts are TS source outside src/: babel must compile them too.
const sharedSource = path.resolve(__dirname, '../../shared/src');
// @noble/hashes (the upload digest) ships modern ESM (class fields, `**`); WeChat's ES5 setting is
// off (project.config.json), so babel lowers it like our own code.
const nobleHashes = path.resolve(__dirname, '../../node_modules/@noble/hashes');

/**
 * Keeps the main package lean (decision 0027), for both targets:
 * - the shared package is pure (schemas, rules, tables): marked free of side effects, a barrel
 *   import (`import { districtByCode } from '@hongjia/shared'`) brings only the modules whose
 *   exports are used, not every route contract and zod with them;
 * - `zod` resolves to src/zod-jitless.ts, which sets jitless (WeChat forbids `new Function`)
 *   before any schema is built, in whichever package first loads zod.
 */
function leanChain(chain: Parameters<NonNullable<IMiniAppConfig['webpackChain']>>[0]) {
  chain.module.rule('shared-is-pure').include.add(sharedSource).end().set('sideEffects', false);
  chain.resolve.alias.set('zod$', path.resolve(__dirname, '../src/zod-jitless.ts'));
}

/**
 * h5 splits only the initial chunk (Taro sets `chunks: 'initial'`) and loads each page as an async
 * chunk: with zod out of app.ts, every page that validates a form would carry its own copy of zod
 * and the contracts. One `schemas` chunk, fetched by the first such page and cached, instead.
 */
function h5Chain(chain: Parameters<NonNullable<IMiniAppConfig['webpackChain']>>[0]) {
  leanChain(chain);
  const splitChunks = chain.optimization.get('splitChunks');
  chain.optimization.splitChunks({
    ...splitChunks,
    cacheGroups: {
      ...splitChunks.cacheGroups,
      // Taro's h5 components (the React wrappers), its API layer (toast, modal, request) and what
      // they bring (hammerjs, the fetch polyfill): every page uses them, yet each page chunk
      // carried its own copy (≈ 150 KiB of its ≈ 200 KiB). One chunk, fetched with the first page
      // and cached. Async only: pulling them into the entry (`chunks: 'all'`) made a cold load of
      // any one page ≈ 60 KiB heavier (measured; decision 0031).
      taro: {
        name: 'taro',
        chunks: 'async',
        minChunks: 2,
        priority: 40,
        enforce: true,
        test: (module: { resource?: string }) =>
          /[\\/]node_modules[\\/](@tarojs[\\/](components|components-react|taro-h5)|hammerjs|whatwg-fetch)[\\/]/.test(
            module.resource ?? '',
          ),
      },
      // zod and the route contracts only (shared/src/api): the pure rules and tables of shared/
      // (calendar formats, labels, districts) stay with the pages that use them. With every
      // shared module in this chunk, a page that only formats a date (生育登记's list) fetched
      // and ran all of zod and the contracts (199 KiB) before its first paint (decision 0031).
      schemas: {
        name: 'schemas',
        chunks: 'async',
        priority: 50,
        enforce: true,
        test: (module: { resource?: string }) =>
          /[\\/]node_modules[\\/]zod[\\/]|[\\/]shared[\\/]src[\\/]api[\\/]|zod-jitless/.test(
            module.resource ?? '',
          ),
      },
    },
  });
}

/**
 * The h5 root font size (pxtransform turns the design's px into rem). Taro's own script sizes it
 * from the shorter side of the `<html>` box, and again 500 ms after every resize: a viewport
 * briefly shorter than wide while a page loads (a soft keyboard, a WebView's toolbar, a turn to
 * landscape; Lighthouse's screen emulation in the bench) set 20 px, and the timer then 21.97 px
 * with the page drawn, so every box grew ≈ 10 % at once (CLS 0.237 on 生育登记, decision 0031).
 * The same formula (design width 750, root 40 px, clamped 20–40 px) on the viewport's width
 * alone: a phone page is laid out for its width, and the height no longer rescales it.
 */
const rootFontSizeScript =
  '!function(n){var e=n.document.documentElement;function f(){var x=40*(e.clientWidth||n.innerWidth)/750;e.style.fontSize=x>=40?"40px":x<=20?"20px":x+"px"}n.addEventListener("resize",function(){f();setTimeout(f,500)});f()}(window);';

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'hongjia-miniapp',
    date: '2026-11-29',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // HONGJIA_OUTPUT_ROOT: the Lighthouse bench builds the production h5 beside the local one.
    outputRoot: process.env.HONGJIA_OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV}`,
    plugins: [],
    // Injected with webpack's DefinePlugin as `process.env.*` so dead branches are dropped.
    env: {
      TARO_APP_LOCAL: JSON.stringify(isLocal ? 'true' : 'false'),
      TARO_APP_API_BASE: JSON.stringify(apiBase),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Template levels in base.wxml (weapp main package; Taro's default 16, ≈ 2.7 KiB a level):
    // nodes deeper than this render through Taro's recursive `comp` component instead — the same
    // output, a little slower for those nodes (decision 0027, 2026-12-01: main 351.9 → 346.6 KiB).
    baseLevel: 14,
    // Taro's terser writes every non-ASCII character as `\uXXXX` (6 bytes where UTF-8 takes 3):
    // the Chinese text of the pages would cost twice its size. WeChat reads its JS as UTF-8, as
    // it reads the WXML and JSON that already carry the same text (decision 0027).
    ...(process.env.TARO_ENV === 'weapp'
      ? { terser: { enable: true, config: { output: { ascii_only: false } } } }
      : {}),
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: [sharedSource, nobleHashes] },
      // Modules used only by a subpackage stay in that subpackage (main-package budget 1 MB).
      optimizeMainPackage: { enable: true },
      webpackChain: leanChain,
      postcss: {
        pxtransform: { enable: true, config: {} },
        // WeChat renders with its own engines (iOS WKWebView, Android XWeb, Chromium ≥ 53 on every
        // supported version): the package.json browserslist (Android 4.1, IE's -ms-) only added
        // prefixes no WeChat needs, ≈ 20 % of every WXSS file's bytes (decision 0029).
        autoprefixer: { enable: true, config: { overrideBrowserslist: ['iOS >= 10', 'Chrome >= 53'] } },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [sharedSource, nobleHashes] },
      webpackChain: h5Chain,
      htmlPluginOption: { script: rootFontSizeScript },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return config;
});
