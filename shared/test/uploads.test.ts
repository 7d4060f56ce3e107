import { describe, expect, it } from 'vitest';
import { CreateUploadRequest } from '../src/api/uploads';
import { fileSignatureLength, matchesFileSignature } from '../src/file-signatures';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
// SHA-256 of the 6 bytes "a file", in base64 (as S3 writes checksums), in hex, and in base64url.
const digest = 'c2XQKYYeMsUh+AibAKb7MtrwYVAltptZnRzlNQG4RcI=';
const hexDigest = '7365d029861e32c521f8089b00a6fb32daf0615025b69b599d1ce53501b845c2';
const urlDigest = 'xH0rlvSxYJy8QSIn_cN8pDrCnnRfV9Q66dePA0-Gb6w=';

describe('declared digest of an upload', () => {
  const request = { fileName: '结婚证.pdf', contentType: 'application/pdf', size: 100 };

  it('accepts the base64 SHA-256 as S3 writes it', () => {
    expect(CreateUploadRequest.parse({ ...request, sha256: digest }).sha256).toBe(digest);
    expect(CreateUploadRequest.safeParse({ ...request, sha256: `${'A'.repeat(43)}=` }).success).toBe(true);
  });

  it('requires it and refuses hex, base64url, a truncated digest and impossible padding', () => {
    for (const sha256 of [undefined, hexDigest, urlDigest, digest.slice(0, 43), `${'A'.repeat(42)}B=`]) {
      const parsed = CreateUploadRequest.safeParse({ ...request, sha256 });
      expect(parsed.success, String(sha256)).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['sha256']);
    }
  });
});

describe('file signatures', () => {
  it('knows jpg, png and pdf by their first bytes', () => {
    expect(matchesFileSignature('image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0))).toBe(true);
    expect(matchesFileSignature('image/png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(
      true,
    );
    expect(matchesFileSignature('application/pdf', ascii('%PDF-1.7\n'))).toBe(true);
    expect(fileSignatureLength).toBe(8);
  });

  it('refuses a file of another type, a truncated signature and an empty head', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    expect(matchesFileSignature('application/pdf', png)).toBe(false);
    expect(matchesFileSignature('image/jpeg', png)).toBe(false);
    expect(matchesFileSignature('image/png', png.subarray(0, 7))).toBe(false);
    expect(matchesFileSignature('application/pdf', ascii('%PDF'))).toBe(false);
    expect(matchesFileSignature('image/jpeg', bytes())).toBe(false);
  });
});
