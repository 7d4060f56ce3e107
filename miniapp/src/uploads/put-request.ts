import {
  CreateUploadRequest,
  matchesFileSignature,
  type UploadContentType,
  type UploadTicket,
  uploadTypeNames,
} from '@hongjia/shared';

export type { UploadContentType };

/** The content type the contract expects for a file name, or undefined when it is not allowed. */
export function contentTypeOf(fileName: string): UploadContentType | undefined {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  if (ext === 'png') return 'image/png';
  if (ext === 'pdf') return 'application/pdf';
  return undefined;
}

/** What the file is checked for before its bytes are read: name, type and size. */
export function fileProblem(fileName: string, size: number): string | undefined {
  const parsed = CreateUploadRequest.pick({ fileName: true, contentType: true, size: true }).safeParse({
    fileName,
    contentType: contentTypeOf(fileName),
    size,
  });
  return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? '只能上传 jpg、png 或 pdf 文件');
}

/**
 * The POST /v1/uploads body for the file's bytes (with their SHA-256), or the message when the
 * file is refused before upload: the contract's checks, and the first bytes must be those of the
 * type its name says (the server refuses it otherwise, after the upload).
 */
export function uploadRequest(
  fileName: string,
  bytes: Uint8Array,
  sha256: (bytes: Uint8Array) => string,
): { ok: true; body: CreateUploadRequest } | { ok: false; message: string } {
  const problem = fileProblem(fileName, bytes.length);
  const contentType = contentTypeOf(fileName);
  if (problem || !contentType) return { ok: false, message: problem ?? '只能上传 jpg、png 或 pdf 文件' };
  if (!matchesFileSignature(contentType, bytes.subarray(0, 8))) {
    return { ok: false, message: `文件内容不是 ${uploadTypeNames[contentType]}，请选择原始文件` };
  }
  const parsed = CreateUploadRequest.safeParse({
    fileName,
    contentType,
    size: bytes.length,
    sha256: sha256(bytes),
  });
  if (parsed.success) return { ok: true, body: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? '文件无法上传' };
}

/**
 * Headers of the presigned PUT: the ticket's own (Content-Type and x-amz-checksum-sha256 are
 * signed: the storage refuses the PUT without them), plus the declared Content-Type when the
 * ticket leaves it out. Content-Length and Host are dropped: both runtimes set them from the body
 * and the URL, and browsers refuse a script that sets them.
 */
export function putHeaders(
  ticket: Pick<UploadTicket, 'headers'>,
  contentType: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(ticket.headers)) {
    const lower = name.toLowerCase();
    if (lower === 'content-length' || lower === 'host') continue;
    out[name] = value;
  }
  if (!Object.keys(out).some((name) => name.toLowerCase() === 'content-type'))
    out['Content-Type'] = contentType;
  return out;
}

/** 2.4 MB / 380 KB: sizes in the attachment list. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
