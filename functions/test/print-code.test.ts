import { describe, expect, it } from 'vitest';
import { isLive, newPrintCode, printCodeExpiry } from '../src/certificates/print-rules';

describe('print codes', () => {
  it('are six digits, leading zeros kept', () => {
    expect(newPrintCode(() => 42)).toBe('000042');
    expect(newPrintCode(() => 999_999)).toBe('999999');
    for (let i = 0; i < 200; i++) expect(newPrintCode()).toMatch(/^\d{6}$/);
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
