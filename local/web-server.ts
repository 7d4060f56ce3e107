import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants } from 'node:zlib';
import { cacheControlOf } from '@hongjia/infra/web-cache';
import compression from 'compression';
import sirv from 'sirv';

type Listener = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/** CloudFront compresses objects of 1,000 bytes to 10 MB; so does this server. */
const minCompressBytes = 1000;

/**
 * Serves the h5 build as production does (infra/lib/web-hosting.ts, decision 0041), so the
 * Lighthouse bench measures what CloudFront would serve: text compressed (Brotli when accepted,
 * else gzip), hashed files immutable for a year, index.html `no-cache`, and the SPA fallback (an
 * unknown path is the app shell, 200). sirv serves the files; the `compression` middleware
 * compresses on the fly, as CloudFront does (sirv alone only serves files compressed ahead).
 * API paths go to the API listener, so the browser app calls its own origin (no CORS locally)
 * while the weapp build calls the API port directly.
 */
export function createWebListener(
  h5Directory: string,
  apiListener: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
) {
  const assets = sirv(h5Directory, {
    single: true,
    dev: false,
    etag: true,
    setHeaders: (response, pathname) => response.setHeader('Cache-Control', cacheControlOf(pathname)),
  });
  // Brotli quality 5: ≈ 14 ms for the 265 KB app chunk against ≈ 600 ms at 11 (decision 0041).
  // The middleware is typed for Express; it only uses Node's request and response.
  const compress = compression({
    threshold: minCompressBytes,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  }) as unknown as Listener;
  return (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/health' || path.startsWith('/v1/')) {
      void apiListener(request, response);
      return;
    }
    compress(request, response, () =>
      assets(request, response, () => {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Not found');
      }),
    );
  };
}
