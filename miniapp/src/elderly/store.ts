import Taro from '@tarojs/taro';
import { readStorage, storageKeys, writeStorage } from '../state/storage';
import { createStore, useStore } from '../state/store';
import { parseChoice, shouldUseElderlyMode } from './decide';

const elderly = createStore(false);

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
  elderly.set(shouldUseElderlyMode(parseChoice(readStorage(storageKeys.elderlyChoice)), systemFontSize()));
}

/** The user's switch: remembered as an explicit choice so a large font no longer overrides it. */
export function setElderlyMode(on: boolean): void {
  writeStorage(storageKeys.elderlyChoice, on ? 'on' : 'off');
  elderly.set(on);
}

export function useElderlyMode(): boolean {
  return useStore(elderly);
}
