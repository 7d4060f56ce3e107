import type { UploadTicket } from '@hongjia/shared';
import Taro from '@tarojs/taro';
import { call } from '../api/client';
import { api } from '../api/endpoints';
import { ApiError } from '../api/errors';
import { isWeapp } from '../config/env';
import { sha256Base64 } from './digest';
import { fileProblem, putHeaders, uploadRequest } from './put-request';

/** A file the user picked: weapp gives a temp path, h5 a File. */
export type PickedFile =
  | { kind: 'path'; name: string; size: number; path: string }
  | { kind: 'blob'; name: string; size: number; blob: Blob };

/** What a picker offers: weapp's chooseMessageFile filter, h5's `accept`, and the input's id on h5. */
export interface FileKinds {
  weappType: 'all' | 'file';
  extensions: string[];
  accept: string;
  /** When set, the h5 input is put in the document under this id, so a test can set its files. */
  inputId?: string;
}

/** Attachments: jpg, png or pdf, from a chat file or the album. */
export const attachmentKinds: FileKinds = {
  weappType: 'all',
  extensions: ['jpg', 'jpeg', 'png', 'pdf'],
  accept: '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf',
};

/**
 * Lets the user pick one file of `kinds`. weapp: chooseMessageFile (a chat file or an album
 * image; there is no general file browser). h5: a hidden file input. Null when cancelled.
 */
export async function pickFile(kinds: FileKinds = attachmentKinds): Promise<PickedFile | null> {
  if (isWeapp) {
    try {
      const res = await Taro.chooseMessageFile({
        count: 1,
        type: kinds.weappType,
        extension: kinds.extensions,
      });
      const file = res.tempFiles[0];
      return file ? { kind: 'path', name: file.name, size: file.size, path: file.path } : null;
    } catch {
      return null; // cancelled
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = kinds.accept;
    input.onchange = () => {
      const file = input.files?.[0];
      if (kinds.inputId) input.remove();
      resolve(file ? { kind: 'blob', name: file.name, size: file.size, blob: file } : null);
    };
    if (kinds.inputId) {
      input.id = kinds.inputId;
      input.style.display = 'none';
      document.body.appendChild(input);
    }
    input.click();
  });
}

function readTempFile(path: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: path,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: reject,
    });
  });
}

/** h5: XMLHttpRequest rather than fetch, because only XHR reports upload progress. */
function putBlob(url: string, headers: Record<string, string>, blob: Blob, onProgress: (p: number) => void) {
  return new Promise<number>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(blob);
  });
}

/** The file's bytes: weapp reads its temp path, h5 the File. */
export async function readBytes(file: PickedFile): Promise<ArrayBuffer> {
  try {
    return file.kind === 'blob' ? await file.blob.arrayBuffer() : await readTempFile(file.path);
  } catch {
    throw new ApiError({ code: 'VALIDATION_FAILED', status: 400, message: '无法读取该文件，请重新选择' });
  }
}

/**
 * One attachment: the contract's checks, the file's SHA-256 (and its first bytes against its
 * type), POST /v1/uploads for a presigned URL signed with that digest, then a raw PUT of the
 * bytes with the signed headers (Taro.uploadFile would send multipart, which a presigned PUT does
 * not accept). `onProgress` gets 0–1 on h5; weapp's request has no upload progress.
 */
export async function uploadFile(
  file: PickedFile,
  idempotencyKey: string,
  onProgress: (fraction: number | undefined) => void,
): Promise<string> {
  const refused = (message: string) => new ApiError({ code: 'VALIDATION_FAILED', status: 400, message });
  const early = fileProblem(file.name, file.size);
  if (early) throw refused(early);
  const data = await readBytes(file);
  const request = uploadRequest(file.name, new Uint8Array(data), sha256Base64);
  if (!request.ok) throw refused(request.message);
  const ticket = await call(api.createUpload, { body: request.body, idempotencyKey, loading: false });
  await putToTicket(ticket, request.body.contentType, file, data, onProgress);
  return ticket.uploadId;
}

/**
 * The raw PUT of a file's bytes to its presigned URL with the signed headers (attachments and
 * monitoring imports alike). h5 reports progress; weapp's request has none.
 */
export async function putToTicket(
  ticket: UploadTicket,
  contentType: string,
  file: PickedFile,
  data: ArrayBuffer,
  onProgress: (fraction: number | undefined) => void,
): Promise<void> {
  const header = putHeaders(ticket, contentType);
  onProgress(file.kind === 'blob' ? 0 : undefined);
  let status: number;
  try {
    if (file.kind === 'blob') status = await putBlob(ticket.url, header, file.blob, onProgress);
    else {
      const res = await Taro.request({ url: ticket.url, method: 'PUT', header, data, dataType: '其他' });
      status = res.statusCode;
    }
  } catch {
    throw new ApiError({ code: 'NETWORK', status: 0, message: '上传失败：网络不可用，请稍后再试' });
  }
  if (status < 200 || status >= 300) {
    throw new ApiError({
      code: 'BAD_RESPONSE',
      status,
      message: `上传失败（${status}），请重新选择文件上传`,
    });
  }
}
