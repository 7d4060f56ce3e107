import Taro from '@tarojs/taro';
import { ApiError } from '../../../api/errors';
import { currentToken } from '../../../auth/session';
import { isWeapp } from '../../../config/env';

/**
 * Opens or saves a file a staff route answers (errors.csv, a 形势报告),
 * sending the session's bearer token: a plain link would carry none. h5:
 * fetched into a blob, opened in a new tab (pdf, html) or saved (csv). weapp:
 * downloaded, a PDF opened; other files sent to a chat (文件传输助手 puts it on
 * the desktop), since WeChat opens neither CSV nor HTML.
 */
export async function openStaffFile(url: string, fileName: string, kind: 'pdf' | 'html' | 'csv') {
  const token = currentToken();
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  if (isWeapp) {
    const download = await Taro.downloadFile({ url, header });
    if (download.statusCode !== 200) throw failed(download.statusCode);
    if (kind === 'pdf') {
      await Taro.openDocument({ filePath: download.tempFilePath, fileType: 'pdf', showMenu: true });
    } else {
      await Taro.shareFileMessage({ filePath: download.tempFilePath, fileName });
    }
    return;
  }
  // The tab is opened during the tap: a tab opened after an await is blocked.
  const tab = kind === 'csv' ? null : window.open('', '_blank');
  try {
    const response = await fetch(url, { headers: header });
    if (!response.ok) throw failed(response.status);
    const objectUrl = URL.createObjectURL(await response.blob());
    if (tab) tab.location.href = objectUrl;
    else {
      const anchor = document.createElement('a');
      anchor.href = objectUrl;
      anchor.download = fileName;
      anchor.click();
    }
    setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
  } catch (error) {
    tab?.close();
    if (error instanceof ApiError) throw error;
    throw new ApiError({ code: 'NETWORK', status: 0, message: '文件下载失败，请稍后再试' });
  }
}

const failed = (status: number) =>
  new ApiError({
    code: 'BAD_RESPONSE',
    status,
    message:
      status === 404
        ? '未找到该文件（报告可能尚未生成）'
        : status === 403
          ? '无权查看该文件'
          : `文件下载失败（${status}）`,
  });
