import { describe, expect, it } from 'vitest';
import { sha256Base64, toBase64 } from '../src/uploads/digest';
import {
  contentTypeOf,
  fileProblem,
  formatBytes,
  putHeaders,
  uploadRequest,
} from '../src/uploads/put-request';
import { viewerOf } from '../src/uploads/viewer';

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const pdf = (size: number) => {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(ascii('%PDF-1.7\n'));
  return bytes;
};

describe('digest', () => {
  it('is the SHA-256 in base64, as S3 writes checksums', () => {
    expect(sha256Base64(ascii('abc'))).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
    expect(sha256Base64(new Uint8Array())).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(sha256Base64(ascii('%PDF-1.7 test'))).toBe('7dwxk3+9r3COhmrw0gufuMed0AGIHIoR5MYX8ogud58=');
  });

  it('pads base64 like btoa does', () => {
    expect(toBase64(Uint8Array.from([0x00, 0xff, 0x10, 0x20]))).toBe('AP8QIA==');
    expect(toBase64(Uint8Array.from([0x00, 0xff, 0x10]))).toBe('AP8Q');
    expect(toBase64(Uint8Array.from([0x01]))).toBe('AQ==');
  });
});

describe('upload request', () => {
  it('derives the content type from the file name', () => {
    expect(contentTypeOf('结婚证.JPG')).toBe('image/jpeg');
    expect(contentTypeOf('a.png')).toBe('image/png');
    expect(contentTypeOf('a.pdf')).toBe('application/pdf');
    expect(contentTypeOf('a.heic')).toBeUndefined();
  });

  it('refuses with the contract’s message before the file is read', () => {
    expect(fileProblem('a.heic', 100)).toBe('只能上传 jpg、png 或 pdf 文件');
    expect(fileProblem('a.pdf', 11 * 1024 * 1024)).toBe('文件不能超过 10 MB');
    expect(fileProblem('a.pdf', 2048)).toBeUndefined();
  });

  it('declares the file with its SHA-256', () => {
    const bytes = pdf(2048);
    expect(uploadRequest('a.pdf', bytes, sha256Base64)).toEqual({
      ok: true,
      body: { fileName: 'a.pdf', contentType: 'application/pdf', size: 2048, sha256: sha256Base64(bytes) },
    });
  });

  it('refuses a file whose first bytes are not those of the type its name says', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
    expect(uploadRequest('扫描件.pdf', png, sha256Base64)).toEqual({
      ok: false,
      message: '文件内容不是 PDF 文件，请选择原始文件',
    });
    expect(uploadRequest('扫描件.png', png, sha256Base64)).toMatchObject({ ok: true });
  });
});

describe('putHeaders', () => {
  it('keeps the ticket’s signed headers and drops those the runtime sets itself', () => {
    expect(
      putHeaders(
        {
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Length': '2048',
            Host: 's3',
            'x-amz-checksum-sha256': 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=',
          },
        },
        'application/pdf',
      ),
    ).toEqual({
      'Content-Type': 'application/pdf',
      'x-amz-checksum-sha256': 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=',
    });
  });

  it('adds the declared Content-Type when the ticket leaves it out', () => {
    expect(putHeaders({ headers: {} }, 'application/pdf')).toEqual({ 'Content-Type': 'application/pdf' });
  });

  it('formats sizes', () => {
    expect(formatBytes(380 * 1024)).toBe('380 KB');
    expect(formatBytes(2.4 * 1024 * 1024)).toBe('2.4 MB');
  });
});

describe('opening an attachment', () => {
  it('opens a PDF as a document and previews images', () => {
    expect(viewerOf('application/pdf')).toBe('document');
    expect(viewerOf('image/jpeg')).toBe('image');
    expect(viewerOf('image/png')).toBe('image');
  });
});
