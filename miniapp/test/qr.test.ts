import { describe, expect, it } from 'vitest';
import { qrDataUrl } from '../src/lib/qr';

describe('certificate QR', () => {
  it('draws a signed payload as a GIF data URL that an Image can show', () => {
    const payload = `eyJhbGciOiJFZERTQSJ9.${'x'.repeat(260)}.${'s'.repeat(86)}`;
    const { dataUrl, modules } = qrDataUrl(payload);
    expect(dataUrl).toMatch(/^data:image\/gif;base64,[A-Za-z0-9+/=]+$/);
    // ~350 bytes at level M needs version 12+ (65+ modules); a tiny code would mean a lost payload.
    expect(modules).toBeGreaterThanOrEqual(65);
  });

  it('gives different codes for different payloads', () => {
    expect(qrDataUrl('a.b.c').dataUrl).not.toBe(qrDataUrl('a.b.d').dataUrl);
  });
});
