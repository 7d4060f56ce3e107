/**
 * The few mini-program globals Taro's weapp output needs at start, for miniprogram-simulate
 * (which only provides `Component`). `Page` forwards to `Component` and runs the page lifecycle
 * on attach; `wx` answers the APIs used at launch and returns a no-op for any other API.
 */
type Fn = (...args: unknown[]) => unknown;
type Options = Record<string, unknown>;
interface PageInstance extends Record<string, unknown> {
  route?: string;
  __route__?: string;
  onLoad?: Fn;
  onShow?: Fn;
  onReady?: Fn;
}

const storage = new Map<string, unknown>();

const wxApis: Record<string, unknown> = {
  getSystemInfoSync: () => ({
    platform: 'devtools',
    model: 'test',
    pixelRatio: 2,
    screenWidth: 375,
    screenHeight: 812,
    windowWidth: 375,
    windowHeight: 812,
    statusBarHeight: 44,
    fontSizeSetting: 17,
    SDKVersion: '3.0.0',
    version: '8.0.0',
  }),
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => storage.set(key, value),
  removeStorageSync: (key: string) => storage.delete(key),
  nextTick: (fn: () => void) => setTimeout(fn, 0),
  canIUse: () => true,
};

export const wxStub = new Proxy(wxApis, {
  get(target, key) {
    if (typeof key !== 'string') return undefined;
    if (key in target) return target[key];
    // webpack's chunk registry lives on wx and must start undefined.
    if (key === 'webpackJsonp') return undefined;
    return () => undefined;
  },
});

export const launched: { app: Options | undefined; pages: PageInstance[] } = {
  app: undefined,
  pages: [],
};

export function installShim(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  g.wx = wxStub;
  g.getApp = () => launched.app;
  g.getCurrentPages = () => launched.pages;
  g.App = (options: Options) => {
    launched.app = options;
    (options.onLaunch as Fn | undefined)?.call(options, { path: 'pages/index/index', query: {} });
    (options.onShow as Fn | undefined)?.call(options, { path: 'pages/index/index', query: {} });
  };
  g.Page = (options: Options) => {
    const methods: Record<string, Fn> = {};
    for (const [key, value] of Object.entries(options)) {
      if (typeof value === 'function') methods[key] = value as Fn;
    }
    const Component = g.Component as (definition: Options) => void;
    Component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          this.route = pendingRoute;
          this.__route__ = pendingRoute;
          launched.pages.push(this);
          this.onLoad?.call(this, {});
          this.onShow?.call(this);
          this.onReady?.call(this);
        },
      },
    });
  };
}

let pendingRoute = '';
/** The route the next attached page reports as `this.route` (Taro keys pages by it). */
export function setRoute(route: string): void {
  pendingRoute = route;
}
