/**
 * How the h5 build is cached, one rule for production (web-hosting.ts, the
 * objects' Cache-Control) and the local server (local/web-server.ts), so the
 * Lighthouse bench measures what CloudFront serves. Plain data: local/ imports
 * it without aws-cdk-lib.
 */

/** Folders of the h5 build whose file names carry a content hash: cached a year, never revalidated. */
export const hashedFolders = ['js', 'css', 'static'] as const;

/** `Cache-Control` of the hashed files and of everything else (index.html: revalidated each load). */
export const cacheControl = {
  hashed: 'public, max-age=31536000, immutable',
  page: 'no-cache',
} as const;

/** The Cache-Control of a URL path of the build (`/js/app.1a2b.js`, `/index.html`, `/pages/…`). */
export function cacheControlOf(path: string): string {
  const folder = path.replace(/^\/+/, '').split('/')[0] ?? '';
  return (hashedFolders as readonly string[]).includes(folder) && path.split('/').length > 2
    ? cacheControl.hashed
    : cacheControl.page;
}
