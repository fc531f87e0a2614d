import { describe, expect, test } from '@jest/globals';
import { setTimeout } from 'node:timers/promises';
import request from 'supertest';
import { TEST_ISSUER } from './support/auth.js';
import { useApi } from './support/harness.js';

const h = useApi();

/** GET /api/tasks with the given Authorization header value (none when undefined). */
const get = (authorization?: string) => {
  const call = request(h.api.url).get('/api/tasks');
  return authorization === undefined ? call : call.set('authorization', authorization);
};
const bearer = async (token: Promise<string> | string) => `Bearer ${await token}`;

describe('bearer JWT verification against the JWKS', () => {
  test.each(['EdDSA', 'ES256', 'RS256'] as const)(
    'a valid %s token is accepted and its sub is the user',
    async (alg) => {
      await get(await bearer(h.issuer.token(`alg-${alg}`, { alg }))).expect(200, []);
    },
  );

  test.each([
    ['no Authorization header', async () => undefined, 'missing bearer token'],
    ['a non-bearer scheme', async () => 'Basic dXNlcjpwYXNz', 'missing bearer token'],
    [
      'an expired token',
      () => bearer(h.issuer.token('u', { expiresIn: Math.floor(Date.now() / 1000) - 60 })),
      '"exp" claim timestamp check failed',
    ],
    [
      'the wrong issuer',
      () => bearer(h.issuer.token('u', { issuer: 'https://evil.example' })),
      'unexpected "iss" claim value',
    ],
    [
      'the wrong audience',
      () => bearer(h.issuer.token('u', { audience: 'https://other.example' })),
      'unexpected "aud" claim value',
    ],
    [
      'a signature by a key the JWKS does not publish',
      () => bearer(h.issuer.token('u', { foreignKey: true })),
      'no applicable key found in the JSON Web Key Set',
    ],
    ['a tampered payload', async () => bearer(tamper(await h.issuer.token('u'))), 'signature verification failed'],
    ['an unsigned (alg none) token', () => bearer(unsigned()), '"alg" (Algorithm) Header Parameter value not allowed'],
    ['a token without sub', () => bearer(h.issuer.token('u', { withoutSubject: true })), 'token has no subject'],
    ['garbage', () => bearer('not.a.jwt'), 'JWS Protected Header is invalid'],
    [
      'a token without exp',
      () => bearer(h.issuer.token('u', { withoutExpiry: true })),
      'invalid token: the token has no expiry (exp claim); tokens must expire',
    ],
    [
      'a token without iat',
      () => bearer(h.issuer.token('u', { withoutIssuedAt: true })),
      'invalid token: the token has no issue time (iat claim)',
    ],
    [
      'a token valid for 15 minutes',
      () => bearer(h.issuer.token('u', { expiresIn: '15m' })),
      "invalid token: the token's lifetime (exp - iat) exceeds 300 seconds",
    ],
    [
      'a token issued long ago that expires in a minute',
      () =>
        bearer(
          h.issuer.token('u', {
            issuedAt: Math.floor(Date.now() / 1000) - 3600,
            expiresIn: Math.floor(Date.now() / 1000) + 60,
          }),
        ),
      "invalid token: the token's lifetime (exp - iat) exceeds 300 seconds",
    ],
  ])('%s is a 401 JSON answer', async (_case, authorization, reason) => {
    const response = await get(await authorization())
      .expect(401)
      .expect('content-type', /json/);
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(response.body.message).toContain(reason);
  });

  test('a token living exactly 5 minutes is accepted', async () => {
    const now = Math.floor(Date.now() / 1000);
    await get(await bearer(h.issuer.token('five-minutes', { issuedAt: now, expiresIn: now + 300 }))).expect(200, []);
  });

  test('a token accepted before is refused once it has expired', async () => {
    const expiry = Math.floor(Date.now() / 1000) + 2;
    const authorization = await bearer(h.issuer.token('expiring', { expiresIn: expiry }));
    await get(authorization).expect(200, []);
    // The api remembers tokens it verified: it must still stop at their expiry.
    await setTimeout(expiry * 1000 - Date.now() + 100);
    const response = await get(authorization).expect(401);
    expect(response.body.message).toContain('"exp" claim timestamp check failed');
  });

  test('health, readiness and metrics need no token', async () => {
    await request(h.api.url).get('/health').expect(200, { status: 'ok' });
    await request(h.api.url).get('/ready').expect(200);
    expect((await fetch(h.api.metricsUrl)).status).toBe(200);
  });
});

function tamper(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  claims.sub = 'someone-else';
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

function unsigned(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none' })}.${encode({ sub: 'u', iss: TEST_ISSUER, aud: TEST_ISSUER, exp: now + 600 })}.`;
}
