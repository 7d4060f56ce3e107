import { beforeEach, describe, expect, it, vi } from 'vitest';
import { shouldUseElderlyMode } from '../src/elderly/decide';

const stored = new Map<string, unknown>();
const system = { fontSizeSetting: 17 };

vi.mock('@tarojs/taro', () => ({
  default: {
    getStorageSync: (key: string) => (stored.has(key) ? stored.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => stored.set(key, value),
    removeStorageSync: (key: string) => stored.delete(key),
    getSystemInfoSync: () => system,
  },
}));

const store = await import('../src/elderly/store');

describe('elderly mode default for special-family members (decision)', () => {
  it('is on for a member who never chose, even with the standard font', () => {
    expect(shouldUseElderlyMode(undefined, 17, true)).toBe(true);
  });

  it('lets the member switch it off for good', () => {
    expect(shouldUseElderlyMode('off', 17, true)).toBe(false);
    expect(shouldUseElderlyMode('off', 24, true)).toBe(false);
  });

  it('changes nothing for everyone else', () => {
    expect(shouldUseElderlyMode(undefined, 17, false)).toBe(false);
    expect(shouldUseElderlyMode(undefined, 20, false)).toBe(true);
    expect(shouldUseElderlyMode(undefined, 17)).toBe(false);
  });
});

describe('elderly mode store', () => {
  beforeEach(() => {
    stored.clear();
    system.fontSizeSetting = 17;
    store.initElderlyMode();
  });

  it('turns on when the user turns out to be a member, and off again when not', () => {
    expect(store.isElderlyModeOn()).toBe(false);
    store.setSpecialFamilyDefault(true);
    expect(store.isElderlyModeOn()).toBe(true);
    store.setSpecialFamilyDefault(false);
    expect(store.isElderlyModeOn()).toBe(false);
  });

  it('keeps the default across launches without storing why', () => {
    store.setSpecialFamilyDefault(true);
    store.initElderlyMode();
    expect(store.isElderlyModeOn()).toBe(true);
    expect([...stored.keys()].join(' ')).not.toMatch(/special|family/i);
  });

  it('lets an explicit choice win over the member default', () => {
    store.setSpecialFamilyDefault(true);
    store.setElderlyMode(false);
    store.initElderlyMode();
    expect(store.isElderlyModeOn()).toBe(false);
    store.setSpecialFamilyDefault(true);
    expect(store.isElderlyModeOn()).toBe(false);
  });
});
