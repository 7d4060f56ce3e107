import Taro from '@tarojs/taro';
import './feedback.css';

/**
 * Toasts and confirmations as WeChat users know them: `Taro.showToast` / `Taro.showModal`, which
 * are WeChat's own on weapp and Taro's look-alikes on h5. One module so every page says things the
 * same way (and tests have one thing to stub). A toast is for what just happened and needs no
 * answer (已取消, 已保存); what the user must read or act on stays on the page (a banner, a field
 * error) — a toast is gone in two seconds, and an elderly reader may miss it.
 */

/** WeChat cuts a success/error toast's title at 7 Chinese characters; longer text goes without an icon. */
const iconTitleMax = 7;

export function toast(title: string, kind: 'success' | 'error' | 'info' = 'info'): void {
  const icon = kind === 'info' || title.length > iconTitleMax ? 'none' : kind;
  void Taro.showToast({ title, icon, duration: icon === 'none' ? 2500 : 1500 });
}

/**
 * A WeChat modal with 确定 and 取消 (or the texts given); resolves true when confirmed. `danger`
 * paints the confirm text red, as WeChat does for 删除 and 退出.
 */
export async function confirm({
  title,
  content,
  confirmText = '确定',
  cancelText = '取消',
  danger = false,
}: {
  title: string;
  content?: string;
  confirmText?: string;
  cancelText?: string;
  danger?: boolean;
}): Promise<boolean> {
  try {
    const answer = await Taro.showModal({
      title,
      content: content ?? '',
      confirmText,
      cancelText,
      ...(danger ? { confirmColor: '#a61b1b' } : {}),
    });
    return answer.confirm;
  } catch {
    return false;
  }
}

/** A modal with only 知道了: for what the user must see before going on. */
export async function alert(title: string, content?: string): Promise<void> {
  try {
    await Taro.showModal({ title, content: content ?? '', showCancel: false, confirmText: '知道了' });
  } catch {
    // Nothing to do: the modal could not show (a page was leaving).
  }
}
