import type { UploadContentType } from './api/uploads';

/**
 * The first bytes every file of a type starts with ("magic numbers"). A file
 * named .pdf and declared application/pdf must also BE one: the server checks
 * the stored bytes when a registration claims an upload, and the mini-program
 * checks before it uploads, with the same table.
 */
const signatures: Record<UploadContentType, readonly number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
};

/** How many leading bytes the check needs. */
export const fileSignatureLength = 8;

/** Whether `head` (the file's first bytes) starts as a file of `contentType` must. */
export function matchesFileSignature(contentType: UploadContentType, head: Uint8Array): boolean {
  const signature = signatures[contentType];
  return signature.length <= head.length && signature.every((byte, i) => head[i] === byte);
}

/** 图片 / PDF in messages: what the family called the file. */
export const uploadTypeNames: Record<UploadContentType, string> = {
  'image/jpeg': 'JPG 图片',
  'image/png': 'PNG 图片',
  'application/pdf': 'PDF 文件',
};
