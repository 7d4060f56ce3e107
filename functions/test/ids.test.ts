import { describe, expect, it } from 'vitest';
import { newId, operationIdOf } from '../src/commons/ids';

const scope = {
  callerId: 'u_1',
  routeKey: 'POST /v1/assistance/requests',
  key: 'key-12345678',
  payload: '[{},"{}"]',
};

describe('operation ids', () => {
  it('names the same record for every retry of one request', () => {
    expect(newId('ast', operationIdOf(scope))).toBe(newId('ast', operationIdOf({ ...scope })));
    expect(operationIdOf(scope)).toMatch(/^[0-9a-f]{20}$/);
  });

  it('differs when the caller, the key or the content differs', () => {
    const base = operationIdOf(scope);
    expect(operationIdOf({ ...scope, callerId: 'u_2' })).not.toBe(base);
    expect(operationIdOf({ ...scope, key: 'key-87654321' })).not.toBe(base);
    expect(operationIdOf({ ...scope, payload: '[{},"{\\"a\\":1}"]' })).not.toBe(base);
  });

  it('is random without an operation', () => {
    expect(newId('ast')).toMatch(/^ast_[0-9a-f]{20}$/);
    expect(newId('ast')).not.toBe(newId('ast'));
  });
});
