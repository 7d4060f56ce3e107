import { describe, expect, it } from 'vitest';
import { candidatePrintCode, isLive, printCodeExpiry } from '../src/certificates/print-rules';

describe('print codes', () => {
  it('are six digits, leading zeros kept, spread over the whole range', () => {
    const key = new Uint8Array(32).fill(7);
    const codes = Array.from({ length: 2000 }, (_, i) => candidatePrintCode(key, `op-${i}`, 0));
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes.some((code) => code.startsWith('0'))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1990);
  });

  it('are the same for every retry of one request, and differ by attempt, request and key', () => {
    const key = new Uint8Array(32).fill(7);
    const first = candidatePrintCode(key, 'op-a', 0);
    expect(candidatePrintCode(key, 'op-a', 0)).toBe(first);
    const others = [
      candidatePrintCode(key, 'op-a', 1),
      candidatePrintCode(key, 'op-b', 0),
      candidatePrintCode(new Uint8Array(32).fill(8), 'op-a', 0),
    ];
    expect(others).not.toContain(first);
  });

  it('are valid for exactly 24 hours, the expiry instant itself excluded', () => {
    const now = new Date('2026-03-02T10:00:00.000Z');
    const expiresAt = printCodeExpiry(now).toISOString();
    expect(expiresAt).toBe('2026-03-03T10:00:00.000Z');
    expect(isLive({ used: false, expiresAt }, new Date('2026-03-03T09:59:59.999Z'))).toBe(true);
    expect(isLive({ used: false, expiresAt }, new Date(expiresAt))).toBe(false);
  });

  it('are dead once used', () => {
    expect(isLive({ used: true, expiresAt: '2099-01-01T00:00:00.000Z' }, new Date())).toBe(false);
  });
});
