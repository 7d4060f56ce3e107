import type { AttachmentLink } from '@hongjia/shared';
import Taro from '@tarojs/taro';
import { call } from '../api/client';
import { api } from '../api/endpoints';
import { ApiError } from '../api/errors';
import { isWeapp } from '../config/env';
import { viewerOf } from './viewer';

/** h5: the tab the file will open in, made during the tap (a tab opened after an await is blocked). */
function blankTab(): Window | null {
  const tab = window.open('', '_blank');
  // The file's page must not reach back into the app (window.opener).
  if (tab) tab.opener = null;
  return tab;
}

async function showInWeChat(link: AttachmentLink) {
  if (viewerOf(link.contentType) === 'image') {
    await Taro.previewImage({ urls: [link.url], current: link.url });
    return;
  }
  const download = await Taro.downloadFile({ url: link.url });
  if (download.statusCode !== 200) {
    throw new ApiError({
      code: 'BAD_RESPONSE',
      status: download.statusCode,
      message: '附件下载失败，请稍后再试',
    });
  }
  await Taro.openDocument({ filePath: download.tempFilePath, fileType: 'pdf', showMenu: false });
}

/**
 * Opens an attachment of a registration for its reader: asks for a 5-minute link (a staff read
 * is recorded by the server before the link is made), then h5 opens it in a new tab, weapp
 * downloads a PDF and opens it, or previews an image. Throws ApiError with a message to show.
 */
export function openAttachment(registrationId: string, uploadId: string): Promise<void> {
  return openLink(() => call(api.registrationAttachment, { params: { id: registrationId, uploadId } }));
}

/** The same for a special family's proof of a fact (decision 0039): the family that sent it, or staff. */
export function openFactClaimAttachment(claimId: string, uploadId: string): Promise<void> {
  return openLink(() => call(api.factClaimAttachment, { params: { id: claimId, uploadId } }));
}

async function openLink(load: () => Promise<AttachmentLink>): Promise<void> {
  const tab = isWeapp ? null : blankTab();
  try {
    const link = await load();
    if (isWeapp) await showInWeChat(link);
    else if (tab) tab.location.href = link.url;
    else window.location.assign(link.url);
  } catch (error) {
    tab?.close();
    if (error instanceof ApiError) throw error;
    throw new ApiError({ code: 'NETWORK', status: 0, message: '附件打开失败，请稍后再试' });
  }
}
