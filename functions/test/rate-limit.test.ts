import { describe, expect, it } from 'vitest';
import { AppError } from '../src/commons/errors';
import { errorResponse } from '../src/commons/http/response';
import { limitInForce, limits, routeLimits } from '../src/commons/limits';
import { addressSubject, rateLimited, shardLimit, windowOf } from '../src/commons/rate-limit';

describe('rate-limit windows', () => {
  it('puts every instant of an aligned window in the same counter, the next instant in the next one', () => {
    const start = Date.UTC(2030, 0, 1, 8, 0, 0);
    const first = windowOf(new Date(start), 60);
    expect(windowOf(new Date(start + 59_999), 60).index).toBe(first.index);
    expect(windowOf(new Date(start + 60_000), 60).index).toBe(first.index + 1);
    // Ten-minute windows for the print-code failures, an hour for submits, a day for identity bindings.
    expect(windowOf(new Date(start + 599_999), 600).index).toBe(windowOf(new Date(start), 600).index);
    expect(windowOf(new Date(start + 600_000), 600).index).toBe(windowOf(new Date(start), 600).index + 1);
  });

  it('says how long until the window ends (Retry-After, whole seconds, at least 1)', () => {
    const start = Date.UTC(2030, 0, 1, 8, 0, 0);
    expect(windowOf(new Date(start), 60).retryAfterSeconds).toBe(60);
    expect(windowOf(new Date(start + 59_001), 60).retryAfterSeconds).toBe(1);
    expect(windowOf(new Date(start + 59_999), 60).retryAfterSeconds).toBe(1);
    expect(windowOf(new Date(start + 1_500), 3600).retryAfterSeconds).toBe(3599);
  });

  it('lets DynamoDB expire a counter one window after its window ended', () => {
    const start = Date.UTC(2030, 0, 1, 8, 0, 0);
    expect(windowOf(new Date(start + 10_000), 60).ttl).toBe(start / 1000 + 60 + 60);
  });

  it('splits a sharded limit so the shards together allow about the limit, each at least one', () => {
    expect(shardLimit(600, 20)).toBe(30);
    expect(shardLimit(120, 4)).toBe(30);
    expect(shardLimit(5, 10)).toBe(1);
  });
});

describe('the address a limit counts', () => {
  it('is the IPv4 address, also when IPv4-mapped', () => {
    expect(addressSubject('203.0.113.7')).toBe('ip4:203.0.113.7');
    expect(addressSubject('::ffff:203.0.113.7')).toBe('ip4:203.0.113.7');
    expect(addressSubject('203.0.113.8')).not.toBe(addressSubject('203.0.113.7'));
  });

  it('is the /64 of an IPv6 address: cycling through one line does not multiply the allowance', () => {
    expect(addressSubject('2408:8207:1:2:aaaa::1')).toBe(addressSubject('2408:8207:1:2:bbbb:cccc:dddd:eeee'));
    expect(addressSubject('2408:8207:1:2::1')).toBe('ip6:2408:8207:0001:0002');
    expect(addressSubject('2408:8207:1:3::1')).not.toBe(addressSubject('2408:8207:1:2::1'));
    expect(addressSubject('::1')).toBe('ip6:0000:0000:0000:0000');
  });
});

describe('limits in one place', () => {
  it('limit what the issue names at the values it names', () => {
    expect([limits.signIn.limit, limits.signIn.windowSeconds]).toEqual([30, 60]);
    expect([limits.registrationSubmit.limit, limits.registrationSubmit.windowSeconds]).toEqual([20, 3600]);
    expect([limits.uploads.limit, limits.uploads.windowSeconds]).toEqual([50, 3600]);
    expect([limits.identityBinding.limit, limits.identityBinding.windowSeconds]).toEqual([5, 86_400]);
    expect([limits.printRedeemFailures.limit, limits.printRedeemFailures.windowSeconds]).toEqual([10, 600]);
    expect(routeLimits.get('POST /v1/auth/wechat')).toEqual({
      limit: limits.signInPerAddress,
      subject: 'address',
    });
    expect(routeLimits.get('POST /v1/registrations')?.limit).toBe(limits.registrationSubmit);
    expect(routeLimits.get('POST /v1/uploads')?.limit).toBe(limits.uploads);
  });

  it('can be raised for a bench by RATE_LIMIT_<NAME>, and refuses nonsense', () => {
    process.env.RATE_LIMIT_SIGN_IN_ADDRESS = '100000';
    try {
      expect(limitInForce(limits.signInPerAddress)).toBe(100_000);
      process.env.RATE_LIMIT_SIGN_IN_ADDRESS = '-3';
      expect(() => limitInForce(limits.signInPerAddress)).toThrow(/positive integer/);
    } finally {
      delete process.env.RATE_LIMIT_SIGN_IN_ADDRESS;
    }
    expect(limitInForce(limits.signInPerAddress)).toBe(limits.signInPerAddress.limit);
  });
});

describe('429 in the envelope', () => {
  it('carries Retry-After in seconds', () => {
    const response = errorResponse(rateLimited('登录过于频繁，请稍后再试', 17), 'req-1');
    expect(response.statusCode).toBe(429);
    expect(response.headers?.['retry-after']).toBe('17');
    expect(JSON.parse(String(response.body)).error).toMatchObject({
      code: 'RATE_LIMITED',
      requestId: 'req-1',
    });
  });

  it('says 60 seconds when the limit did not say', () => {
    expect(errorResponse(new AppError('RATE_LIMITED', '太快了'), 'r').headers?.['retry-after']).toBe('60');
    expect(errorResponse(new AppError('CONFLICT', 'x'), 'r').headers?.['retry-after']).toBeUndefined();
  });
});
