import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

/**
 * Serves the h5 build with an SPA fallback and forwards API paths to the API
 * listener, so the browser app calls its own origin (no CORS locally) while
 * the weapp build calls the API port directly.
 */
export function createWebListener(
  h5Directory: string,
  apiListener: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
) {
  const assets = sirv(h5Directory, { single: true, dev: false, etag: true, gzip: false });
  return (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/health' || path.startsWith('/v1/')) {
      void apiListener(request, response);
      return;
    }
    assets(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
    });
  };
}
