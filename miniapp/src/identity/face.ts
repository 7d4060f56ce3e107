import Taro from '@tarojs/taro';
import { isWeapp } from '../config/env';

export type FaceOutcome = { ok: true; verifyResult?: string } | { ok: false; message: string };

/**
 * WeChat face verification (人脸核身) of the person named, in weapp only: its `verifyResult` goes
 * to the server, which checks it with WeChat. h5 and local builds have no face check; the local
 * server accepts without one and a deployed one refuses, saying so.
 */
export async function verifyFace(name: string, idCardNumber: string): Promise<FaceOutcome> {
  if (!isWeapp || typeof Taro.startFacialRecognitionVerify !== 'function') return { ok: true };
  try {
    const res = await Taro.startFacialRecognitionVerify({ name, idCardNumber, checkAliveType: 2 });
    if (res.verifyResult) return { ok: true, verifyResult: res.verifyResult };
    return { ok: false, message: '人脸核验没有完成，请稍后再试' };
  } catch {
    return {
      ok: false,
      message: '人脸核验没有完成。请在光线充足的地方，按提示正对手机重试；也可以请家人帮忙操作。',
    };
  }
}
