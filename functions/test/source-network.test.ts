import { describe, expect, it } from 'vitest';
import { sourceNetwork } from '../src/commons/read-audit';

describe('the client address in application logs', () => {
  it('keeps only the network: IPv4 /24, IPv6 /48', () => {
    expect(sourceNetwork('117.40.12.201')).toBe('117.40.12.0/24');
    expect(sourceNetwork('240e:3b2:1234:5678:9abc::1')).toBe('240e:3b2:1234::/48');
    expect(sourceNetwork('2001:db8::1')).toBe('2001:db8::/48');
    expect(sourceNetwork('unknown')).toBe('unknown');
  });
});
