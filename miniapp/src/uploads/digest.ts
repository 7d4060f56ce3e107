import { sha256 } from '@noble/hashes/sha2.js';

/**
 * The file's SHA-256 in base64, as S3 writes checksums: what POST /v1/uploads
 * declares and the PUT sends as x-amz-checksum-sha256. weapp has no WebCrypto,
 * so one small audited implementation (@noble/hashes) serves both builds; it is
 * imported only by the upload code, which lives in the family subpackage.
 */
export function sha256Base64(bytes: Uint8Array): string {
  return toBase64(sha256(bytes));
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (weapp has no btoa, and a digest is 32 bytes: no need for more). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const triple = (a << 16) | (b << 8) | c;
    out += alphabet[(triple >> 18) & 63];
    out += alphabet[(triple >> 12) & 63];
    out += i + 1 < bytes.length ? alphabet[(triple >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? alphabet[triple & 63] : '=';
  }
  return out;
}
