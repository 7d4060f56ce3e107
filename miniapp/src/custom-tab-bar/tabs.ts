import { createStore, useStore } from '../state/store';

/** The tabs of app.config's tabBar, in its order (the icons are the ones app.json lists). */
export const tabs = [
  {
    name: 'home',
    path: '/pages/index/index',
    text: '首页',
    icon: '/assets/tabbar/home.png',
    selectedIcon: '/assets/tabbar/home-selected.png',
  },
  {
    name: 'me',
    path: '/pages/me/index',
    text: '我的',
    icon: '/assets/tabbar/me.png',
    selectedIcon: '/assets/tabbar/me-selected.png',
  },
] as const;

const selected = createStore(0);

/** Called by PageShell when a page shows: a tab page marks itself in the custom tab bar. */
export function tabShown(pageName: string): void {
  const index = tabs.findIndex((tab) => tab.name === pageName);
  if (index >= 0) selected.set(index);
}

export function useSelectedTab(): number {
  return useStore(selected);
}
