import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { AppError } from '../errors';

const baseHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function jsonResponse(
  statusCode: number,
  body: unknown,
  requestId: string,
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { ...baseHeaders, 'x-request-id': requestId },
    body: JSON.stringify(body),
  };
}

/** A route whose contract names another content type (a CSV download, a report) answers its body as is. */
export function textResponse(
  statusCode: number,
  body: string,
  contentType: string,
  requestId: string,
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { ...baseHeaders, 'content-type': contentType, 'x-request-id': requestId },
    body,
  };
}

/**
 * A document answered by a `responseFile` route (a PDF or HTML report): base64 with
 * `isBase64Encoded`, as API Gateway v2 expects for a binary body (it decodes it).
 */
export function fileResponse(
  statusCode: number,
  answer: { contentType: string; base64: string; headers: Record<string, string> },
  requestId: string,
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: {
      ...baseHeaders,
      ...answer.headers,
      'content-type': answer.contentType,
      'x-request-id': requestId,
    },
    body: answer.base64,
    isBase64Encoded: true,
  };
}

/** The envelope; a 429 also says when to come back (`Retry-After`, seconds; 60 when the limit did not say). */
export function errorResponse(error: AppError, requestId: string): APIGatewayProxyStructuredResultV2 {
  const response = jsonResponse(
    error.status,
    { error: { code: error.code, message: error.message, details: error.details, requestId } },
    requestId,
  );
  if (error.status === 429) {
    response.headers = { ...response.headers, 'retry-after': String(error.retryAfterSeconds ?? 60) };
  }
  return response;
}

export function internalErrorResponse(requestId: string): APIGatewayProxyStructuredResultV2 {
  return jsonResponse(
    500,
    {
      error: {
        code: 'INTERNAL',
        message: '服务暂时不可用，请稍后再试',
        details: [],
        requestId,
      },
    },
    requestId,
  );
}
