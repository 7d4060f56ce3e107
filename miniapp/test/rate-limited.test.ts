import { describe, expect, it } from 'vitest';
import { rateLimitedMessage, retryAfterSeconds } from '../src/api/errors';

describe('RATE_LIMITED in the mini-program', () => {
  it('reads Retry-After as seconds, and nothing from a missing or odd header', () => {
    expect(retryAfterSeconds('42')).toBe(42);
    expect(retryAfterSeconds(' 3600 ')).toBe(3600);
    expect(retryAfterSeconds(undefined)).toBeUndefined();
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:00 GMT')).toBeUndefined();
    expect(retryAfterSeconds('0')).toBeUndefined();
  });

  it('says kindly why and when to come back, in seconds, minutes or hours', () => {
    expect(rateLimitedMessage('登录过于频繁，请稍后再试', 42)).toBe(
      '登录过于频繁，请约 42 秒后再试。已填写的内容不会丢失。',
    );
    expect(rateLimitedMessage('提交过于频繁，请一小时后再试', 1800)).toBe(
      '提交过于频繁，请约 30 分钟后再试。已填写的内容不会丢失。',
    );
    expect(rateLimitedMessage('实名认证尝试次数过多，请明天再试', 20_000)).toContain('约 6 小时后再试');
    expect(rateLimitedMessage(undefined, undefined)).toBe('操作过于频繁，请稍后再试。已填写的内容不会丢失。');
  });
});
