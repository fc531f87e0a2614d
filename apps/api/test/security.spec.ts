import { describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { useApi } from './support/harness.js';

const h = useApi();

describe('JSON-only bodies', () => {
  test('a form-encoded task is a 415 with a sentence, and nothing is created', async () => {
    const user = await h.newUser();
    const response = await request(h.api.url)
      .post('/api/tasks')
      .set('authorization', `Bearer ${user.token}`)
      .type('form')
      .send('title=from+a+form');
    expect(response.status).toBe(415);
    expect(response.body).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message:
        'the request body must be JSON: send it with Content-Type: application/json, not application/x-www-form-urlencoded',
    });
    await h.get(user, '/api/tasks').expect(200, []);
  });

  test('a text/plain update is a 415 and leaves the task as it was', async () => {
    const user = await h.newUser();
    const task = (await h.post(user, '/api/tasks', { title: 'Keep' }).expect(201)).body;
    await request(h.api.url)
      .patch(`/api/tasks/${task.id}`)
      .set('authorization', `Bearer ${user.token}`)
      .set('content-type', 'text/plain')
      .send('{"title":"changed"}')
      .expect(415);
    await h.get(user, `/api/tasks/${task.id}`).expect(200, task);
  });

  test('/mcp answers a non-JSON body with a JSON-RPC error carrying a sentence', async () => {
    const user = await h.newUser();
    const response = await fetch(`${h.api.url}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${user.token}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json, text/event-stream',
      },
      body: 'jsonrpc=2.0&method=tools/list',
    });
    expect(response.status).toBe(415);
    const body = (await response.json()) as any;
    expect(body).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32600 } });
    expect(body.error.message).toContain('must be JSON');
  });
});

describe('security headers', () => {
  test.each([
    ['a JSON answer', '/api/tasks', 200],
    ['an error', '/api/tasks/abc', 400],
    ['an unknown route', '/nowhere', 404],
    ['liveness', '/health', 200],
  ])(
    '%s carries nosniff, no-referrer and a CSP forbidding framing, and no X-Powered-By',
    async (_case, path, status) => {
      const user = await h.newUser();
      const response = await h.get(user, path).expect(status);
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    },
  );
});
