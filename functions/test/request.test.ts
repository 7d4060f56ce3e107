import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../src/commons/errors';
import { maxBodyBytes, parseJsonBody, rawBody } from '../src/commons/http/request';

function thrown(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('request bodies', () => {
  it('parses JSON sent as application/json with a charset', () => {
    expect(parseJsonBody({ 'content-type': 'application/json; charset=utf-8' }, '{"a":1}')).toEqual({ a: 1 });
  });

  it('refuses another content type with a 400 naming the header', () => {
    const error = thrown(() => parseJsonBody({ 'content-type': 'text/plain' }, '{"a":1}'));
    expect(isAppError(error) && error.status).toBe(400);
    expect(isAppError(error) && error.details[0]?.path).toBe('headers.content-type');
  });

  it('refuses malformed JSON with a 400', () => {
    const error = thrown(() => parseJsonBody({ 'content-type': 'application/json' }, '{"a":'));
    expect(isAppError(error) && error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a body over the limit with 413 before parsing it', () => {
    const event = { body: 'x'.repeat(maxBodyBytes + 1), isBase64Encoded: false } as APIGatewayProxyEventV2;
    const error = thrown(() => rawBody(event));
    expect(isAppError(error) && error.status).toBe(413);
  });

  it('decodes a base64 body as API Gateway sends binary-typed ones', () => {
    const event = {
      body: Buffer.from('{"a":1}').toString('base64'),
      isBase64Encoded: true,
    } as APIGatewayProxyEventV2;
    expect(rawBody(event)).toBe('{"a":1}');
  });
});
