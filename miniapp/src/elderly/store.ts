import Taro from '@tarojs/taro';
import { readStorage, storageKeys, writeStorage } from '../state/storage';
import { createStore, useStore } from '../state/store';
import { parseChoice, shouldUseElderlyMode } from './decide';

const elderly = createStore(false);

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

/** Called once at launch: the stored explicit choice, else the WeChat font setting. */
export function initElderlyMode(): void {
  const on = shouldUseElderlyMode(parseChoice(readStorage(storageKeys.elderlyChoice)), systemFontSize());
  elderly.set(on);
  markDocument(on);
}

/** The user's switch: remembered as an explicit choice so a large font no longer overrides it. */
export function setElderlyMode(on: boolean): void {
  writeStorage(storageKeys.elderlyChoice, on ? 'on' : 'off');
  elderly.set(on);
  markDocument(on);
}

export function useElderlyMode(): boolean {
  return useStore(elderly);
}
