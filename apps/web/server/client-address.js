// @ts-check
/**
 * The edge of the app: before Next.js sees a request, its X-Forwarded-For becomes the one address of
 * the real client. A header sent by the client is believed only when the connecting peer is a proxy
 * listed in TRUSTED_PROXIES (IPs or CIDR ranges, comma-separated; default none), walking the chain
 * from the right past trusted proxies. better-auth's rate limits key on this address; server/entry.js
 * applies it to every request.
 */
import { BlockList, isIP } from 'node:net';

/** @param {string} list */
export function parseTrustedProxies(list) {
  const blocks = new BlockList();
  for (const entry of list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    if (
      !family ||
      (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= (family === 4 ? 32 : 128)))
    ) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) blocks.addAddress(address, type);
    else blocks.addSubnet(address, bits, type);
  }
  return blocks;
}

/** @param {string} address */
const unmapped = (address) =>
  address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;

/** @param {BlockList} proxies @param {string} address */
const isTrusted = (proxies, address) => {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

/**
 * @param {string} peer the connecting socket's address
 * @param {string | undefined} forwardedFor the X-Forwarded-For header as received
 * @param {BlockList} proxies
 */
export function clientAddress(peer, forwardedFor, proxies) {
  let client = unmapped(peer);
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => unmapped(hop.trim()))
    .filter(Boolean);
  while (isTrusted(proxies, client) && hops.length > 0) {
    const next = /** @type {string} */ (hops.pop());
    if (!isIP(next)) break;
    client = next;
  }
  return client;
}
