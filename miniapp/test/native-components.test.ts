import { act, createElement, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The WeChat-look components (Cell, LoadState, ServiceCard) rendered in jsdom: Taro's
 * components stand in as plain elements, so what is checked is our markup — names for screen
 * readers, chevrons, the three load states and what their buttons do.
 */
const navigations: string[] = [];

vi.mock('@tarojs/taro', () => ({
  default: {
    navigateTo: (options: { url: string }) => {
      navigations.push(options.url);
      return Promise.resolve();
    },
  },
}));

/** A Taro component as a DOM element: className → class, onClick kept, Taro-only props dropped. */
function plain(tag: string) {
  return ({
    children,
    className,
    hoverClass: _hover,
    mode: _mode,
    loading: _loading,
    ...rest
  }: Record<string, unknown> & { children?: ReactNode }) =>
    createElement(tag, { ...rest, className }, children);
}
vi.mock('@tarojs/components', () => ({
  View: plain('div'),
  Text: plain('span'),
  Button: plain('button'),
  Image: plain('img'),
}));

const { Cell, CellGroup } = await import('../src/components/Cell');
const { LoadState } = await import('../src/components/LoadState');
const { ServiceCard } = await import('../src/components/ServiceCard');
const { base64Ascii, serviceIcon } = await import('../src/components/service-icons');

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  navigations.length = 0;
});

function render(node: ReactNode): HTMLElement {
  const container = document.createElement('div');
  const root = createRoot(container);
  act(() => root.render(node));
  unmount = () => act(() => root.unmount());
  return container;
}

describe('Cell', () => {
  it('is a named button with a chevron when it goes somewhere, and plain text when not', () => {
    const tapped = vi.fn();
    const dom = render(
      createElement(
        CellGroup,
        { title: '我的服务' },
        createElement(Cell, {
          key: 'a',
          id: 'me-identity',
          title: '实名认证',
          value: '未认证',
          onClick: tapped,
        }),
        createElement(Cell, { key: 'b', title: '版本', value: '1.0' }),
      ),
    );
    const group = dom.querySelector('[role="group"]');
    expect(group?.getAttribute('aria-label')).toBe('我的服务');
    const link = dom.querySelector('#me-identity');
    expect(link?.getAttribute('role')).toBe('button');
    expect(link?.getAttribute('aria-label')).toBe('实名认证，未认证');
    expect(link?.querySelector('.cell__arrow')?.getAttribute('aria-hidden')).toBe('true');
    act(() => (link as HTMLElement).click());
    expect(tapped).toHaveBeenCalledOnce();
    const rows = dom.querySelectorAll('.cell');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.getAttribute('role')).toBeNull();
    expect(rows[1]?.querySelector('.cell__arrow')).toBeNull();
  });
});

describe('LoadState', () => {
  const empty = {
    title: '还没有预约',
    hint: '在“托育服务”中查找附近的托育机构。',
    action: { text: '查找托育机构', onClick: vi.fn() },
  };

  it('shows placeholder rows, announced once, while the first load is out', () => {
    const dom = render(
      createElement(LoadState, {
        id: 'bookings',
        rows: 3,
        empty,
        status: { loading: true, loaded: false, count: 0, reload: vi.fn() },
      }),
    );
    const skeleton = dom.querySelector('#bookings-loading');
    expect(skeleton?.getAttribute('role')).toBe('status');
    expect(skeleton?.getAttribute('aria-label')).toBe('加载中');
    expect(skeleton?.querySelectorAll('.skeleton__row[aria-hidden="true"]')).toHaveLength(3);
  });

  it('says why a load failed and tries again on 重新加载', () => {
    const reload = vi.fn();
    const dom = render(
      createElement(LoadState, {
        id: 'bookings',
        empty,
        status: { loading: false, loaded: false, error: '网络不可用，请稍后再试', count: 0, reload },
      }),
    );
    expect(dom.querySelector('#bookings-error')?.getAttribute('role')).toBe('alert');
    expect(dom.textContent).toContain('网络不可用，请稍后再试');
    const retry = dom.querySelector('#bookings-retry') as HTMLElement;
    expect(retry.getAttribute('aria-label')).toBe('重新加载');
    act(() => retry.click());
    expect(reload).toHaveBeenCalledOnce();
  });

  it('says what to do next on an empty answer, with the button that does it', () => {
    const dom = render(
      createElement(LoadState, {
        id: 'bookings',
        empty,
        status: { loading: false, loaded: true, count: 0, reload: vi.fn() },
      }),
    );
    expect(dom.querySelector('#bookings-empty')?.textContent).toContain('还没有预约');
    const action = dom.querySelector('#bookings-empty-action') as HTMLElement;
    expect(action.textContent).toBe('查找托育机构');
    act(() => action.click());
    expect(empty.action.onClick).toHaveBeenCalledOnce();
  });

  it('shows nothing once there are rows, even when loading more failed (the banner says so)', () => {
    const dom = render(
      createElement(LoadState, {
        id: 'bookings',
        empty,
        status: { loading: false, loaded: true, error: '加载失败', count: 3, reload: vi.fn() },
      }),
    );
    expect(dom.innerHTML).toBe('');
  });
});

describe('ServiceCard (the home grid)', () => {
  const service = {
    key: 'childcare',
    name: '托育服务',
    glyph: '托',
    description: '查找附近普惠托育机构并预约',
    url: '/packages/family/pages/childcare/index',
  };

  it('names the service and what it does, shows its icon as an SVG image, and opens it', () => {
    const dom = render(createElement(ServiceCard, { service }));
    const tile = dom.querySelector('#service-childcare') as HTMLElement;
    expect(tile.getAttribute('role')).toBe('button');
    // Named by what it shows (WCAG 2.5.3): its name and what it does, read from its text.
    expect(tile.getAttribute('aria-label')).toBeNull();
    expect(tile.textContent).toBe('托育服务查找附近普惠托育机构并预约');
    const icon = tile.querySelector('img');
    expect(icon?.getAttribute('aria-hidden')).toBe('true');
    const src = icon?.getAttribute('src') ?? '';
    expect(src.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const svg = Buffer.from(src.split(',')[1] ?? '', 'base64').toString('ascii');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 24 24">.*<\/svg>$/);
    act(() => tile.click());
    expect(navigations).toEqual([service.url]);
  });

  it('falls back to the glyph for a service without an icon', () => {
    const dom = render(
      createElement(ServiceCard, { service: { ...service, key: 'new-thing', glyph: '新' } }),
    );
    expect(dom.querySelector('img')).toBeNull();
    expect(dom.querySelector('.service-card__glyph')?.textContent).toBe('新');
    expect(serviceIcon('new-thing')).toBeUndefined();
  });

  it('encodes base64 as btoa does (WeChat has no btoa)', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', '<svg viewBox="0 0 24 24"/>']) {
      expect(base64Ascii(text)).toBe(Buffer.from(text, 'ascii').toString('base64'));
    }
  });
});
