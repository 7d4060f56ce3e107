import Taro from '@tarojs/taro';
import { readStorage, removeStorage, storageKeys, writeStorage } from '../state/storage';
import { createStore, useStore } from '../state/store';
import { parseChoice, shouldUseElderlyMode } from './decide';

const elderly = createStore(false);

/**
 * Set when the signed-in user is a bound special-family member. It says only "large text by
 * default", never why: least disclosure on a shared phone (SPEC C3).
 */
const defaultOnKey = 'hongjia.elderly.defaultOn';

/**
 * Pages style themselves from the store (PageShell), but h5's tab bar lives outside every
 * page: a class on <body> lets app.css enlarge it too. WeChat's native tab bar has a fixed
 * font size; a custom tabBar would be needed there.
 */
function markDocument(on: boolean): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
    document.body.classList.toggle('elderly-mode', on);
  }
}

function systemFontSize(): number | undefined {
  try {
    // h5 does not report fontSizeSetting; WeChat does (17 is standard).
    return Taro.getSystemInfoSync().fontSizeSetting;
  } catch {
    return undefined;
  }
}

function apply(): void {
  const on = shouldUseElderlyMode(
    parseChoice(readStorage(storageKeys.elderlyChoice)),
    systemFontSize(),
    readStorage(defaultOnKey) === true,
  );
  elderly.set(on);
  markDocument(on);
}

/** Called once at launch: the stored explicit choice, else the defaults (special family, WeChat font). */
export function initElderlyMode(): void {
  apply();
}

/** The user's switch: remembered as an explicit choice so no default overrides it any more. */
export function setElderlyMode(on: boolean): void {
  writeStorage(storageKeys.elderlyChoice, on ? 'on' : 'off');
  elderly.set(on);
  markDocument(on);
}

/**
 * What the server said about the user's special-family membership (after 实名认证, or on 我的):
 * a member gets elderly mode by default, unless they switched it off themselves.
 */
export function setSpecialFamilyDefault(member: boolean): void {
  if (member) writeStorage(defaultOnKey, true);
  else removeStorage(defaultOnKey);
  apply();
}

export function useElderlyMode(): boolean {
  return useStore(elderly);
}

/** The mode now, outside React (the hook is for rendering). */
export function isElderlyModeOn(): boolean {
  return elderly.get();
}
