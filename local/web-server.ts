import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { cacheControlOf } from '@hongjia/infra/web-cache';

/**
 * Serves the h5 build as production does (infra/lib/web-hosting.ts, decision 0041), so the
 * Lighthouse bench measures what CloudFront would serve: JS, CSS, HTML, JSON and SVG compressed
 * (Brotli when accepted, else gzip), hashed files immutable for a year, index.html `no-cache`,
 * and the SPA fallback (an unknown path is the app shell, 200). API paths go to the API
 * listener, so the browser app calls its own origin (no CORS locally) while the weapp build
 * calls the API port directly.
 */
export function createWebListener(
  h5Directory: string,
  apiListener: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
) {
  const files = new FileCache(h5Directory);
  return (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/health' || path.startsWith('/v1/')) {
      void apiListener(request, response);
      return;
    }
    serveFile(files, path, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Internal error');
    });
  };
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);
/** CloudFront compresses objects of 1,000 bytes to 10 MB; so do we. */
const minCompressBytes = 1000;

type Encoding = 'br' | 'gzip' | 'identity';
// Brotli quality 5: ≈ 14 ms for the 265 KB app chunk against ≈ 600 ms at 11, and still ≈ 6 %
// smaller than gzip 6 over the whole build (decision 0041); compressed once per file, then kept.
const compressors: Record<Exclude<Encoding, 'identity'>, (body: Buffer) => Promise<Buffer>> = {
  br: (body) =>
    promisify(brotliCompress)(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => promisify(gzip)(body, { level: 6 }),
};

/** Brotli if the browser accepts it, else gzip, else none (q=0 refuses an encoding). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase())
      .filter((part) => part !== '' && !/;\s*q=0(\.0+)?$/.test(part))
      .map((part) => part.split(';')[0]?.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

interface CachedFile {
  mtimeMs: number;
  etag: string;
  bodies: Partial<Record<Encoding, Promise<Buffer>>>;
}

/** The build's files, read and compressed at most once per version (mtime) and encoding. */
class FileCache {
  private readonly files = new Map<string, CachedFile>();
  constructor(private readonly root: string) {}

  /** The file at a URL path, or undefined when there is none (or the path leaves the root). */
  async find(urlPath: string): Promise<{ file: string; cached: CachedFile } | undefined> {
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(urlPath)).replace(/^[/\\]+/, '');
    } catch {
      return undefined;
    }
    if (relative === '' || relative.endsWith(sep)) relative = join(relative, 'index.html');
    const file = join(this.root, relative);
    if (!file.startsWith(this.root + sep) && file !== this.root) return undefined;
    const stats = await stat(file).catch(() => undefined);
    if (!stats?.isFile()) return undefined;
    let cached = this.files.get(file);
    if (!cached || cached.mtimeMs !== stats.mtimeMs) {
      cached = { mtimeMs: stats.mtimeMs, etag: `W/"${stats.size}-${Math.trunc(stats.mtimeMs)}"`, bodies: {} };
      this.files.set(file, cached);
    }
    return { file, cached };
  }

  body(file: string, cached: CachedFile, encoding: Encoding): Promise<Buffer> {
    let body = cached.bodies[encoding];
    if (!body) {
      body =
        encoding === 'identity'
          ? readFile(file)
          : this.body(file, cached, 'identity').then((raw) => compressors[encoding](raw));
      cached.bodies[encoding] = body;
      // A failed read is not remembered.
      body.catch(() => delete cached.bodies[encoding]);
    }
    return body;
  }
}

async function serveFile(
  files: FileCache,
  urlPath: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    response.end('Method not allowed');
    return;
  }
  // SPA fallback, as CloudFront's error responses: no such file → the app shell, 200.
  const found = (await files.find(urlPath)) ?? (await files.find('/index.html'));
  if (!found) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  const { file, cached } = found;
  const extension = extname(file).toLowerCase();
  const headers: Record<string, string> = {
    'content-type': contentTypes[extension] ?? 'application/octet-stream',
    // The fallback's shell is index.html, whatever the path asked for.
    'cache-control': cacheControlOf(file.endsWith(`${sep}index.html`) ? '/index.html' : urlPath),
    etag: cached.etag,
    'x-content-type-options': 'nosniff',
  };
  if (compressible.has(extension)) headers.vary = 'Accept-Encoding';
  if (request.headers['if-none-match'] === cached.etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  const raw = await files.body(file, cached, 'identity');
  const encoding =
    compressible.has(extension) && raw.length >= minCompressBytes
      ? chooseEncoding(request.headers['accept-encoding'])
      : 'identity';
  const body = await files.body(file, cached, encoding);
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.length);
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}
