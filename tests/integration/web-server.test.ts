import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { cacheControl } from '@hongjia/infra/web-cache';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebListener } from '../../local/web-server';

// Prepare (shared): an h5 build of four files on a real listener; the API listener is a stub.
const appJs = `/* app */\n${'console.log("洪家 家庭服务");\n'.repeat(200)}`;
const indexHtml = `<!doctype html><html lang="zh-CN"><head><script defer src="/js/app.0123abcd.js"></script></head><body>${'<!-- shell -->'.repeat(80)}<div id="app"></div></body></html>`;
let directory: string;
let server: Server;
let base: string;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'hongjia-h5-'));
  mkdirSync(join(directory, 'js'));
  mkdirSync(join(directory, 'css'));
  writeFileSync(join(directory, 'index.html'), indexHtml);
  writeFileSync(join(directory, 'js', 'app.0123abcd.js'), appJs);
  writeFileSync(join(directory, 'css', 'app.0123abcd.css'), '#app{color:red}');
  server = createServer(
    createWebListener(directory, async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"api":true}');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(directory, { recursive: true, force: true });
});

/** A GET with exactly these request headers; the body as sent (still encoded). */
function request(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(`${base}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

describe('local web server: served as production serves the h5 build', () => {
  it('sends hashed JS Brotli-compressed when accepted, immutable for a year', async () => {
    const response = await request('/js/app.0123abcd.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe(cacheControl.hashed);
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(brotliDecompressSync(response.body).toString('utf8')).toBe(appJs);
    expect(response.body.length).toBeLessThan(Buffer.byteLength(appJs) / 4);
  });

  it('falls back to gzip, and to none when the browser accepts neither', async () => {
    const gzipped = await request('/js/app.0123abcd.js', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString('utf8')).toBe(appJs);

    const plain = await request('/js/app.0123abcd.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(appJs);
  });

  it('sends index.html compressed and no-cache, and answers its revalidation with 304', async () => {
    const page = await request('/', { 'accept-encoding': 'gzip' });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(page.headers['cache-control']).toBe(cacheControl.page);
    expect(gunzipSync(page.body).toString('utf8')).toBe(indexHtml);

    const again = await request('/index.html', { 'if-none-match': String(page.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('answers a deep link with the app shell, 200 and no-cache (the SPA fallback)', async () => {
    const response = await request('/pages/childcare/index?district=360102');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe(cacheControl.page);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body.toString('utf8')).toBe(indexHtml);
  });

  it('leaves files under 1,000 bytes uncompressed, as CloudFront does', async () => {
    const response = await request('/css/app.0123abcd.css', { 'accept-encoding': 'br' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['cache-control']).toBe(cacheControl.hashed);
    expect(response.body.toString('utf8')).toBe('#app{color:red}');
  });

  it('never serves a file outside the build directory', async () => {
    const response = await request('/..%2F..%2Fetc%2Fpasswd');
    expect(response.body.toString('utf8')).toBe(indexHtml);
  });

  it('still forwards the API paths to the API listener', async () => {
    const response = await request('/v1/articles');
    expect(response.body.toString('utf8')).toBe('{"api":true}');
  });
});

describe('content negotiation', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', undefined],
  ] as const)('%s → %s', async (accept, expected) => {
    const response = await request('/js/app.0123abcd.js', { 'accept-encoding': accept });
    expect(response.headers['content-encoding']).toBe(expected);
  });
});
