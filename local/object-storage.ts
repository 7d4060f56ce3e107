import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';

/**
 * s3rver: an S3-compatible server on local files, so presigned PUT URLs are
 * signed, uploaded to and checked exactly as on S3.
 */
export async function startObjectStorage(
  directory: string,
  bucket: string,
): Promise<{ endpoint: string; close: () => Promise<void> }> {
  mkdirSync(directory, { recursive: true });
  const cors = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [cors] }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => server.close(),
  };
}
