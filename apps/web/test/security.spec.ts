import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import { signUp, type Visitor } from './support/npm-start.js';
import { startStack, type Stack } from './support/stack.js';

const PASSWORD = 'correct-horse-battery';
let stack: Stack;
let visitor: Visitor;
let emails = 0;
const uniqueEmail = (who: string) => `${who}-${Date.now()}-${(emails += 1)}@example.test`;
/** Each sign-up comes from an address of its own (through a trusted local proxy): sign-ups are limited per address. */
let addresses = 0;
const newAddress = () => ({ 'x-forwarded-for': `192.0.2.${(addresses += 1)}` });

beforeAll(async () => {
  stack = await startStack({ TRUSTED_PROXIES: '127.0.0.1,::1' });
  visitor = await signUp(stack.webUrl, uniqueEmail('sec'), PASSWORD);
});

afterAll(async () => {
  await stack?.stop();
});

/** A request as a browser page would send it, with the visitor's session cookie. */
function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return fetch(`${stack.webUrl}${path}`, {
    method: init.method ?? 'POST',
    headers: { cookie: visitor.cookie, origin: stack.webUrl, 'content-type': 'application/json', ...init.headers },
    body: init.body ?? JSON.stringify({ title: 'a task' }),
  });
}

describe('CSRF: state-changing requests come from this app only', () => {
  test('another site cannot add a task with the session cookie', async () => {
    const evil = await send('/api/tasks', { headers: { origin: 'https://evil.example' } });
    expect({ status: evil.status, body: await evil.json() }).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        message: "requests from https://evil.example are not accepted; use this app's own pages",
      },
    });
    const crossSite = await send('/api/tasks', { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    const noOrigin = await fetch(`${stack.webUrl}/api/tasks`, {
      method: 'POST',
      headers: { cookie: visitor.cookie, 'content-type': 'application/json' },
      body: '{"title":"x"}',
    });
    expect(noOrigin.status).toBe(403);
    expect((await send('/api/tasks', { headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(201);
  });

  test('a form post (not JSON) to the BFF is 415', async () => {
    const form = await send('/api/tasks', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=x',
    });
    expect(form.status).toBe(415);
    expect((await form.json()).message).toMatch(/must be JSON/);
  });

  test('better-auth routes refuse another site too (sign-up and sign-out)', async () => {
    const signUpFromEvil = await fetch(`${stack.webUrl}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: uniqueEmail('evil'), password: PASSWORD, name: 'evil' }),
    });
    expect(signUpFromEvil.status).toBe(403);
    const signOut = await send('/api/auth/sign-out', { headers: { origin: 'https://evil.example' }, body: '{}' });
    expect(signOut.status).toBe(403);
    const stillSignedIn = await fetch(`${stack.webUrl}/api/tasks`, { headers: { cookie: visitor.cookie } });
    expect(stillSignedIn.status).toBe(200);
  });
});

describe('limits', () => {
  const MB20 = 20 * 1024 * 1024;

  interface Upload {
    status?: number;
    message?: string;
    /** Body bytes written before the server answered or closed the connection. */
    sent: number;
    /** The server closed the connection while the body was still coming (EPIPE/ECONNRESET). */
    cut: boolean;
  }

  /**
   * A 20 MB request to /api/tasks. Declared: only the headers (Content-Length 20 MB) are sent, and the
   * server must answer them without waiting for the body. Streamed (chunked, no length): 64 KB chunks
   * until the server answers or cuts the connection — a server that stops reading early does one or the
   * other (which one depends on timing; fetch reports both as "fetch failed").
   */
  function upload(declareLength: boolean): Promise<Upload> {
    const headers: Record<string, string | number> = {
      cookie: visitor.cookie,
      origin: stack.webUrl,
      'content-type': 'application/json',
    };
    if (declareLength) headers['content-length'] = MB20;
    return new Promise((resolve, reject) => {
      let sent = 0;
      let done = false;
      const finish = (result: Omit<Upload, 'sent'>) => {
        if (done) return;
        done = true;
        req.destroy();
        resolve({ ...result, sent });
      };
      const req = httpRequest(new URL('/api/tasks', stack.webUrl), { method: 'POST', headers }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          finish({ status: res.statusCode, message: (JSON.parse(text) as { message: string }).message, cut: false }),
        );
      });
      req.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'EPIPE' || error.code === 'ECONNRESET' ? finish({ cut: true }) : done || reject(error),
      );
      req.flushHeaders();
      if (declareLength) return void setTimeout(() => finish({ cut: false }), 10_000);
      const chunk = Buffer.alloc(64 * 1024, ' ');
      const pump = () => {
        while (!done && sent < MB20) {
          sent += chunk.byteLength;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!done) req.end();
      };
      pump();
    });
  }

  test('a 20 MB body is refused with 413 without being read: declared, or streamed without a length', async () => {
    expect(await upload(true)).toEqual({
      status: 413,
      message: 'the request body is larger than 64 KB',
      sent: 0,
      cut: false,
    });
    const streamed = await upload(false);
    expect(streamed.sent).toBeLessThan(MB20);
    if (!streamed.cut)
      expect(streamed).toMatchObject({ status: 413, message: 'the request body is larger than 64 KB' });
  });

  test('a chat message body over 16 KB is 413', async () => {
    const chat = await send('/api/chat', {
      body: JSON.stringify({ message: 'x'.repeat(17 * 1024), client_message_id: crypto.randomUUID() }),
    });
    expect(chat.status).toBe(413);
  });

  test('sign-up refuses a name over 100 characters and an email over 254, with a sentence', async () => {
    const signUpWith = (name: string, email: string) =>
      fetch(`${stack.webUrl}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: stack.webUrl, ...newAddress() },
        body: JSON.stringify({ name, email, password: PASSWORD }),
      });
    const longName = await signUpWith('n'.repeat(101), uniqueEmail('long-name'));
    expect({ status: longName.status, message: (await longName.json()).message }).toEqual({
      status: 400,
      message: 'name must be at most 100 characters',
    });
    const longEmail = await signUpWith('ok', `${'e'.repeat(250)}@example.test`);
    expect({ status: longEmail.status, message: (await longEmail.json()).message }).toEqual({
      status: 400,
      message: 'email must be at most 254 characters',
    });
    expect((await signUpWith('n'.repeat(100_000), uniqueEmail('huge-name'))).status).toBe(413);
  });
});

describe('passwords', () => {
  test.each([
    ['short1234', 'the password must be at least 10 characters'],
    ['Password123', 'this password is one of the most common ones; choose another'],
    ['qwertyuiop', 'this password is one of the most common ones; choose another'],
  ])('sign-up with %s is 400: %s', async (password, message) => {
    const response = await fetch(`${stack.webUrl}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.webUrl, ...newAddress() },
      body: JSON.stringify({ name: 'pw', email: uniqueEmail('pw'), password }),
    });
    expect({ status: response.status, message: (await response.json()).message }).toEqual({ status: 400, message });
  });
});

describe('errors carry a request id', () => {
  test("this server's own errors and the api's carry X-Request-Id, and an incoming sane one is kept", async () => {
    const signedOut = await fetch(`${stack.webUrl}/api/tasks`);
    expect({
      status: signedOut.status,
      body: await signedOut.json(),
      id: signedOut.headers.get('x-request-id'),
    }).toEqual({
      status: 401,
      body: { statusCode: 401, message: 'sign in first' },
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    const refused = await send('/api/tasks', {
      body: JSON.stringify({ title: '' }),
      headers: { 'x-request-id': 'ingress-42' },
    });
    expect({ status: refused.status, id: refused.headers.get('x-request-id') }).toEqual({
      status: 400,
      id: 'ingress-42',
    });
    expect((await refused.json()).message).toMatch(/^title/);
  });
});

describe('served over https (BETTER_AUTH_URL https)', () => {
  const PUBLIC_URL = 'https://todo.example';
  let https: Stack;

  beforeAll(async () => {
    https = await startStack({ BETTER_AUTH_URL: PUBLIC_URL });
  });

  afterAll(async () => {
    await https?.stop();
  });

  test('every response carries HSTS, pages upgrade insecure requests, and the session cookie is Secure', async () => {
    for (const path of ['/sign-in', '/api/health', '/favicon.ico']) {
      const response = await fetch(`${https.webUrl}${path}`);
      expect({ path, hsts: response.headers.get('strict-transport-security') }).toEqual({
        path,
        hsts: 'max-age=63072000; includeSubDomains',
      });
    }
    expect((await fetch(`${https.webUrl}/sign-in`)).headers.get('content-security-policy')).toContain(
      'upgrade-insecure-requests',
    );
    const signUp = await fetch(`${https.webUrl}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PUBLIC_URL },
      body: JSON.stringify({ name: 'tls', email: uniqueEmail('tls'), password: PASSWORD }),
    });
    expect(signUp.status).toBe(200);
    const cookie = signUp.headers.getSetCookie().find((value) => value.includes('session_token='));
    expect(cookie).toMatch(/^__Secure-better-auth\.session_token=.*; Secure/i);
  });
});
