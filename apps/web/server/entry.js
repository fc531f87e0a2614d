// The standalone server's entry (server.js): the edge of the app, then Next's own server.
import http from 'node:http';
import { clientAddress, parseTrustedProxies } from './client-address.js';

/** HSTS on every response, only when the app is served over https (its public URL says so). */
const HSTS = 'max-age=63072000; includeSubDomains';

let proxies;
try {
  proxies = parseTrustedProxies(process.env.TRUSTED_PROXIES ?? '');
} catch (error) {
  console.error(/** @type {Error} */ (error).message);
  process.exit(1);
}
const https = (process.env.BETTER_AUTH_URL ?? '').startsWith('https:');

/** Runs before Next.js sees each request, on every server this process creates (Next's included). */
const createServer = http.createServer;
/** @type {any} */ (http).createServer = (/** @type {any[]} */ ...args) => {
  const server = /** @type {(...a: any[]) => http.Server} */ (createServer)(...args);
  server.prependListener('request', (request, response) => {
    const peer = request.socket.remoteAddress;
    delete request.headers['x-real-ip'];
    if (peer) request.headers['x-forwarded-for'] = clientAddress(peer, request.headers['x-forwarded-for'], proxies);
    else delete request.headers['x-forwarded-for'];
    if (https) response.setHeader('strict-transport-security', HSTS);
  });
  return server;
};

await import('./next-server.js');
