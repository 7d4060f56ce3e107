import Taro from '@tarojs/taro';
import { isWeapp } from '../config/env';
import { ensurePrivacyAgreed } from '../privacy/store';

/** Shown before any location prompt (SPEC C5: ask only when needed, with the reason). */
export const locationReason = '用于查找附近的托育机构，不会保存。';
export const servicePointsLocationReason = '用于查找附近的证件打印、领取和咨询网点，不会保存。';

export interface Point {
  lat: number;
  lng: number;
}

/**
 * The phone's approximate position, or null when refused or unavailable (the caller falls back
 * to the district picker). weapp uses getFuzzyLocation (declared in requiredPrivateInfos; the
 * privacy agreement must come first); h5 uses the browser's geolocation when there is one.
 */
export async function locate(): Promise<Point | null> {
  if (!(await ensurePrivacyAgreed())) return null;
  try {
    if (isWeapp) {
      const res = await Taro.getFuzzyLocation({ type: 'wgs84' });
      return { lat: res.latitude, lng: res.longitude };
    }
    return await browserLocation();
  } catch {
    return null;
  }
}

function browserLocation(): Promise<Point | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ lat: pos.coords.latitude, lng: pos.coords.longitude }),
      () => resolve(null),
      // Coarse is enough for a 1–20 km radius, and quicker.
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 600_000 },
    );
  });
}
