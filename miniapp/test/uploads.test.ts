import { describe, expect, it } from 'vitest';
import { contentTypeOf, formatBytes, putHeaders, uploadRequest } from '../src/uploads/put-request';

describe('upload request', () => {
  it('derives the content type from the file name', () => {
    expect(contentTypeOf('结婚证.JPG')).toBe('image/jpeg');
    expect(contentTypeOf('a.png')).toBe('image/png');
    expect(contentTypeOf('a.pdf')).toBe('application/pdf');
    expect(contentTypeOf('a.heic')).toBeUndefined();
  });

  it('refuses with the contract’s message before anything is sent', () => {
    expect(uploadRequest('a.heic', 100)).toEqual({ ok: false, message: '只能上传 jpg、png 或 pdf 文件' });
    expect(uploadRequest('a.pdf', 11 * 1024 * 1024)).toEqual({ ok: false, message: '文件不能超过 10 MB' });
    expect(uploadRequest('a.pdf', 2048)).toEqual({
      ok: true,
      body: { fileName: 'a.pdf', contentType: 'application/pdf', size: 2048 },
    });
  });
});

describe('putHeaders', () => {
  it('keeps the ticket’s headers and drops those the runtime sets itself', () => {
    expect(
      putHeaders(
        {
          headers: {
            'content-type': 'image/png',
            'Content-Length': '2048',
            Host: 's3',
            'x-amz-meta-owner': 'u1',
          },
        },
        'image/png',
      ),
    ).toEqual({ 'content-type': 'image/png', 'x-amz-meta-owner': 'u1' });
  });

  it('adds the declared Content-Type when the ticket leaves it out', () => {
    expect(putHeaders({ headers: {} }, 'application/pdf')).toEqual({ 'Content-Type': 'application/pdf' });
  });

  it('formats sizes', () => {
    expect(formatBytes(380 * 1024)).toBe('380 KB');
    expect(formatBytes(2.4 * 1024 * 1024)).toBe('2.4 MB');
  });
});
