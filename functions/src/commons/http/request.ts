import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { AppError, validationFailed } from '../errors';

/** Bodies above this are refused with 413 before parsing (HTTP API itself allows 10 MB). */
export const maxBodyBytes = 1024 * 1024;

export function lowerCaseHeaders(event: APIGatewayProxyEventV2): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  return headers;
}

export function rawBody(event: APIGatewayProxyEventV2): string | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (bytes.byteLength > maxBodyBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `请求内容过大，不能超过 ${maxBodyBytes / 1024} KB`);
  }
  return bytes.toString('utf8');
}

/**
 * The JSON body of a request, or a 400 in the envelope when the content type
 * is not JSON or the text does not parse. A route without a body schema
 * ignores the body.
 */
export function parseJsonBody(headers: Record<string, string>, text: string | undefined): unknown {
  if (text === undefined) return undefined;
  const contentType = headers['content-type'] ?? '';
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType)) {
    throw validationFailed('请求内容类型必须是 application/json', [
      { path: 'headers.content-type', message: `不支持的内容类型：${contentType || '未提供'}` },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw validationFailed('请求内容不是合法的 JSON', [{ path: 'body', message: 'JSON 格式错误' }]);
  }
}
