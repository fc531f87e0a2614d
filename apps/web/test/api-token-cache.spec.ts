import { describe, expect, test } from '@jest/globals';
import { ApiTokenCache, sessionKey, TOKEN_REUSE_MS } from '../src/lib/api-token-cache.js';

/** An unsigned JWT-shaped token expiring at `exp` (seconds); the cache only reads its payload. */
const tokenExpiringAt = (exp: number) => `h.${Buffer.from(JSON.stringify({ sub: 'u1', exp })).toString('base64url')}.s`;

describe("the BFF's api token cache", () => {
  test('a session reuses its token for at most 45 s', () => {
    let now = 1_000_000;
    const cache = new ApiTokenCache(() => now);
    const token = tokenExpiringAt(now / 1000 + 60);
    cache.set('session', token);
    now += TOKEN_REUSE_MS - 1;
    expect(cache.get('session')).toBe(token);
    now += 1;
    expect(cache.get('session')).toBeUndefined();
  });

  test('a token is not reused within 15 s of its expiry, nor when it carries none', () => {
    const now = 1_000_000;
    const cache = new ApiTokenCache(() => now);
    cache.set('short', tokenExpiringAt(now / 1000 + 10));
    cache.set('no-exp', 'not-a-jwt');
    expect(cache.get('short')).toBeUndefined();
    expect(cache.get('no-exp')).toBeUndefined();
  });

  test('sessions are told apart by their credentials; a request without any has no key', () => {
    const a = sessionKey(new Headers({ cookie: 'better-auth.session_token=a' }));
    const b = sessionKey(new Headers({ cookie: 'better-auth.session_token=b' }));
    expect(a).not.toBe(b);
    expect(sessionKey(new Headers({ cookie: 'better-auth.session_token=a' }))).toBe(a);
    expect(sessionKey(new Headers())).toBeNull();
  });
});
