import Taro from '@tarojs/taro';

/**
 * Storage keys of the app, and reads that never throw: a corrupt or missing entry is treated
 * as "nothing stored", which is always a safe default (signed out, not agreed, mode from system).
 */
export const storageKeys = {
  session: 'hongjia.session',
  privacyAgreedVersion: 'hongjia.privacy.agreedVersion',
  elderlyChoice: 'hongjia.elderly.choice',
  /** The last search origin choice of 托育服务 (a district code or 'location'; never coordinates). */
  childcareOrigin: 'hongjia.childcare.origin',
  /** The same for 附近服务网点. */
  servicePointsOrigin: 'hongjia.servicePoints.origin',
  /** The mother's household district of the last registration: the next form starts with it. */
  registrationMotherDistrict: 'hongjia.registration.motherDistrict',
  /** Ids of the family's 出生一件事 applications (there is no list endpoint); no personal data. */
  birthBundles: 'hongjia.birthBundles',
} as const;

export function readStorage(key: string): unknown {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

export function writeStorage(key: string, value: unknown): void {
  Taro.setStorageSync(key, value);
}

export function removeStorage(key: string): void {
  Taro.removeStorageSync(key);
}
