import { afterAll, describe, expect, test } from '@jest/globals';
import { loadConfig } from '../src/common/config.js';
import { freePort } from '../src/common/free-port.js';
import { TestIssuer } from './support/auth.js';
import { API_ENTRY, spawnNode, waitFor200, type ApiProcess } from '@todo-chatbot/testing/processes';

const running: ApiProcess[] = [];
afterAll(() => {
  for (const api of running) api.child.kill('SIGKILL');
});

/** The client address the api logged for the request with this id (its JSON log line's client_ip). */
async function loggedClientIp(api: ApiProcess, requestId: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const line = api
      .output()
      .split('\n')
      .filter((text) => text.startsWith('{'))
      .map((text) => JSON.parse(text) as { req?: { id?: string }; client_ip?: string })
      .find((entry) => entry.req?.id === requestId);
    if (line) return line.client_ip ?? 'none';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no log line for request ${requestId}:\n${api.output()}`);
}

async function apiWith(issuer: TestIssuer, env: Record<string, string>): Promise<{ api: ApiProcess; url: string }> {
  const port = await freePort();
  const api = spawnNode(API_ENTRY, {
    NODE_ENV: 'production',
    PORT: String(port),
    METRICS_PORT: '0',
    DATABASE_URL: process.env.DATABASE_URL,
    BETTER_AUTH_URL: 'http://localhost:3000',
    AUTH_JWKS_URL: issuer.jwksUrl,
    LOG_LEVEL: 'info',
    ...env,
  });
  running.push(api);
  const url = `http://127.0.0.1:${port}`;
  await waitFor200(`${url}/ready`, 30_000);
  return { api, url };
}

describe('TRUSTED_PROXIES', () => {
  test('X-Forwarded-For names the client only behind a listed proxy', async () => {
    const issuer = await TestIssuer.start();
    try {
      const behindProxy = await apiWith(issuer, { TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1' });
      const direct = await apiWith(issuer, {});
      const headers = (id: string) => ({ 'x-forwarded-for': '203.0.113.7', 'x-request-id': id });

      await fetch(`${behindProxy.url}/api/tasks`, { headers: headers('via-trusted-proxy') });
      expect(await loggedClientIp(behindProxy.api, 'via-trusted-proxy')).toBe('203.0.113.7');

      await fetch(`${direct.url}/api/tasks`, { headers: headers('via-unlisted-peer') });
      expect(await loggedClientIp(direct.api, 'via-unlisted-peer')).toBe('127.0.0.1');
    } finally {
      await issuer.close();
    }
  }, 60_000);

  test('an entry that is not an IP or CIDR stops the api with a sentence naming the variable', () => {
    const base = { NODE_ENV: 'test', DATABASE_URL: 'postgresql://x@127.0.0.1/x' };
    expect(loadConfig({ ...base, TRUSTED_PROXIES: '10.0.0.1, 192.168.0.0/16, ::1' }).trustedProxies).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
    ]);
    expect(loadConfig(base).trustedProxies).toEqual([]);
    expect(() => loadConfig({ ...base, TRUSTED_PROXIES: '10.0.0.1,proxy.internal' })).toThrow(
      'TRUSTED_PROXIES is invalid: every entry must be an IP address or a CIDR such as 10.0.0.0/8.',
    );
    expect(() => loadConfig({ ...base, TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow('TRUSTED_PROXIES is invalid');
  });
});
