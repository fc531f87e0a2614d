import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { signUp } from './support/npm-start.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

describe('the JWT the web server mints for the api', () => {
  test('carries only sub, iss, aud, iat and exp, lives at most 60 s, and is refused once the session signed out and it expired', async () => {
    const visitor = await signUp(stack.webUrl, `jwt-${Date.now()}@example.test`, 'correct-horse-battery');
    const minted = await fetch(`${stack.webUrl}/api/auth/token`, { headers: { cookie: visitor.cookie } });
    const { token } = (await minted.json()) as { token: string };
    const claims = claimsOf(token);
    expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'sub']);
    expect(Number(claims.exp) - Number(claims.iat)).toBeLessThanOrEqual(60);

    const asApi = () => fetch(`${stack.apiUrl}/api/tasks`, { headers: { authorization: `Bearer ${token}` } });
    expect((await asApi()).status).toBe(200);
    const signOut = await fetch(`${stack.webUrl}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie: visitor.cookie, origin: stack.webUrl, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(signOut.status).toBe(200);
    expect((await fetch(`${stack.webUrl}/api/tasks`, { headers: { cookie: visitor.cookie } })).status).toBe(401);
    // Sign-out reaches the api when the last token it minted expires: at most 60 s later.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(61, Number(claims.exp) + 1 - Date.now() / 1000) * 1000),
    );
    expect((await asApi()).status).toBe(401);
  });
});
