import Taro from '@tarojs/taro';

/** Fast calls show nothing; a call slower than this shows WeChat's loading toast. */
const showAfterMs = 300;

export async function withLoading<T>(work: Promise<T>): Promise<T> {
  let shown = false;
  const timer = setTimeout(() => {
    shown = true;
    Taro.showLoading({ title: '加载中', mask: true });
  }, showAfterMs);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    if (shown) Taro.hideLoading();
  }
}
