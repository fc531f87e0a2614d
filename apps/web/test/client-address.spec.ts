import { describe, expect, test } from '@jest/globals';
import { clientAddress, parseTrustedProxies } from '../server/client-address.js';

describe('the client address the app keys its limits on', () => {
  const proxies = parseTrustedProxies('10.0.0.0/8, 192.168.49.2, fd00::/8');

  test.each([
    ['a direct client: its header is ignored', '203.0.113.9', '198.51.100.1', '203.0.113.9'],
    ['a direct client without a header', '::ffff:203.0.113.9', undefined, '203.0.113.9'],
    ['behind a trusted proxy: the address it saw', '10.1.2.3', '198.51.100.7', '198.51.100.7'],
    ['a forged left part is ignored', '10.1.2.3', '6.6.6.6, 198.51.100.7', '198.51.100.7'],
    ['two trusted hops', '10.1.2.3', '6.6.6.6, 198.51.100.7, 192.168.49.2', '198.51.100.7'],
    ['garbage from a trusted proxy stops at the proxy', '10.1.2.3', 'not-an-ip', '10.1.2.3'],
    ['IPv6 proxy', 'fd00::1', '2001:db8::5', '2001:db8::5'],
  ])('%s', (_, peer, header, client) => {
    expect(clientAddress(peer, header, proxies)).toBe(client);
  });

  test('a wrong TRUSTED_PROXIES entry is one sentence', () => {
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(
      'TRUSTED_PROXIES: "10.0.0.0/33" is not an IP address or CIDR range',
    );
  });
});
