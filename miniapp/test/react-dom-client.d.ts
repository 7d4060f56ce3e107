/**
 * The one react-dom entry the hook tests use (the app itself renders through Taro, so the repo
 * carries no @types/react-dom): a root to mount a probe component in jsdom.
 */
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';
  export function createRoot(container: Element): { render(children: ReactNode): void; unmount(): void };
}
