import { call } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { ApiError } from '../../../api/errors';
import { sha256Base64 } from '../../../uploads/digest';
import { type PickedFile, pickFile, putToTicket, readBytes } from '../../../uploads/upload';
import { importFileProblem, importUploadBody } from './monitoring';

/**
 * A monitoring import file (csv or xlsx, ≤ 100 MB): picked like an
 * attachment (weapp: a chat file through chooseMessageFile; h5: a file
 * input), hashed with the same SHA-256 code, announced with POST /v1/uploads
 * and PUT to the presigned URL with the signed headers.
 */
export function pickImportFile(): Promise<PickedFile | null> {
  return pickFile({
    weappType: 'file',
    extensions: ['csv', 'xlsx'],
    accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    // In the document, so a test (or an assistive tool) can set its files.
    inputId: 'monitoring-file-input',
  });
}

/** Uploads the file and returns its upload id for POST …/imports. */
export async function uploadImportFile(
  file: PickedFile,
  idempotencyKey: string,
  onProgress: (fraction: number | undefined) => void,
): Promise<string> {
  const refused = (message: string) => new ApiError({ code: 'VALIDATION_FAILED', status: 400, message });
  const early = importFileProblem(file.name, file.size);
  if (early) throw refused(early);
  const data = await readBytes(file);
  const request = importUploadBody(file.name, data.byteLength, sha256Base64(new Uint8Array(data)));
  if (!request.ok) throw refused(request.message);
  const ticket = await call(api.createUpload, { body: request.body, idempotencyKey, loading: false });
  await putToTicket(ticket, request.body.contentType, file, data, onProgress);
  return ticket.uploadId;
}
