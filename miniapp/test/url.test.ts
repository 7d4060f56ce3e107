import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from '../src/api/idempotency';
import { buildUrl } from '../src/api/url';

describe('buildUrl', () => {
  it('joins the base and the contract path', () => {
    expect(buildUrl('http://127.0.0.1:3000/', '/v1/me')).toBe('http://127.0.0.1:3000/v1/me');
  });

  it('keeps same-origin paths when the base is empty (local h5)', () => {
    expect(buildUrl('', '/v1/auth/wechat')).toBe('/v1/auth/wechat');
  });

  it('fills and encodes path parameters', () => {
    expect(buildUrl('', '/v1/childcare/slots/{slotId}/bookings', { slotId: 'a/b c' })).toBe(
      '/v1/childcare/slots/a%2Fb%20c/bookings',
    );
  });

  it('refuses a missing path parameter instead of calling a wrong URL', () => {
    expect(() => buildUrl('', '/v1/registrations/{id}', {})).toThrow('missing path parameter id');
  });

  it('adds query parameters and skips undefined ones', () => {
    expect(
      buildUrl('', '/v1/childcare/nearby', undefined, {
        lat: 28.68,
        affordableOnly: true,
        cursor: undefined,
      }),
    ).toBe('/v1/childcare/nearby?lat=28.68&affordableOnly=true');
  });
});

describe('newIdempotencyKey', () => {
  it('looks like a v4 UUID and differs between calls', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});
