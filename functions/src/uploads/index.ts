/**
 * The public entry of uploads: what other capabilities may use of it (the import rule,
 * functions/test/import-rules.test.ts). Anything not listed here is its own business.
 */
export { createUploadEntity, type UploadEntity } from './entity';
export { uploadKeyPrefixes } from './keys';
export type { Attachment, UploadService } from './service';
export { createUploadServices, type UploadDeps } from './services';
