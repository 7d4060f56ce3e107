import { CreateUploadRequest, type UploadTicket, type uploadContentTypes } from '@hongjia/shared';

export type UploadContentType = (typeof uploadContentTypes)[number];

/** The content type the contract expects for a file name, or undefined when it is not allowed. */
export function contentTypeOf(fileName: string): UploadContentType | undefined {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  if (ext === 'png') return 'image/png';
  if (ext === 'pdf') return 'application/pdf';
  return undefined;
}

/** The POST /v1/uploads body, or the contract's message when the file is refused before upload. */
export function uploadRequest(
  fileName: string,
  size: number,
): { ok: true; body: CreateUploadRequest } | { ok: false; message: string } {
  const parsed = CreateUploadRequest.safeParse({ fileName, contentType: contentTypeOf(fileName), size });
  if (parsed.success) return { ok: true, body: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? '只能上传 jpg、png 或 pdf 文件' };
}

/**
 * Headers of the presigned PUT: the ticket's own, plus the declared Content-Type when the ticket
 * leaves it out (the storage checks it). Content-Length and Host are dropped: both runtimes set
 * them from the body and the URL, and browsers refuse a script that sets them.
 */
export function putHeaders(
  ticket: Pick<UploadTicket, 'headers'>,
  contentType: UploadContentType,
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
