import { afterAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { failInsertsContaining } from './support/failures.js';
import { useApi } from './support/harness.js';
import { connectMcp, type McpSession } from './support/mcp-client.js';
import { parseEvents, readStream } from './support/sse.js';

const h = useApi();
const sessions: McpSession[] = [];
afterAll(async () => {
  await Promise.all(sessions.map((session) => session.close()));
});

describe('request ids', () => {
  test('a sane incoming X-Request-Id is echoed; a missing or unsafe one is replaced by a generated id', async () => {
    const user = await h.newUser();
    const echoed = await h.get(user, '/api/tasks').set('x-request-id', 'abc123').expect(200);
    expect(echoed.headers['x-request-id']).toBe('abc123');
    const generated = await h.get(user, '/api/tasks').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
    const unsafe = await h.get(user, '/api/tasks').set('x-request-id', 'a b\tc<script>').expect(200);
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
    const tooLong = await request(h.api.url).get('/health').set('x-request-id', 'x'.repeat(65)).expect(200);
    expect(tooLong.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('errors carry sentences and the request id, never driver text', () => {
  test('a database failure over REST is a 500 with a sentence and the request id', async () => {
    const { marker, driverText } = await failInsertsContaining('tasks', 'title');
    const user = await h.newUser();
    const response = await h
      .post(user, '/api/tasks', { title: `task ${marker}` })
      .set('x-request-id', 'rest-failure-1')
      .expect(500);
    expect(response.headers['x-request-id']).toBe('rest-failure-1');
    expect(response.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'internal error: the request failed on our side (request id rest-failure-1).',
    });
    expect(JSON.stringify(response.body)).not.toContain(driverText);
  });

  test('a database failure in an MCP tool is a tool error with a sentence and the request id', async () => {
    const { marker, driverText } = await failInsertsContaining('tasks', 'title');
    const user = await h.newUser();
    const mcp = await connectMcp(h.api.url, user);
    sessions.push(mcp);
    const failed = await mcp.call('add_task', { title: `task ${marker}` });
    expect(failed.isError).toBe(true);
    expect(failed.text).toMatch(/^internal error: the request failed on our side \(request id [0-9a-f]{16}\)\.$/);
    expect(failed.text).not.toContain(driverText);
  });

  test('a chat turn whose tool fails answers a sentence, not the driver text', async () => {
    const { marker, driverText } = await failInsertsContaining('tasks', 'title');
    const user = await h.newUser();
    const reply = (
      await h
        .post(user, '/api/chat', { message: `add a task to buy ${marker}`, client_message_id: randomUUID() })
        .expect(200)
    ).body;
    expect(reply.response).toMatch(
      /^Sorry, I couldn't do that: internal error: the request failed on our side \(request id [0-9a-f]{16}\)\.$/,
    );
    expect(JSON.stringify(reply)).not.toContain(driverText);
  });

  test('an SSE error event carries a sentence and the request id', async () => {
    // The reply's insert fails: the user message was stored and the stream is open by then.
    const { marker, driverText } = await failInsertsContaining('messages', 'content', 'assistant');
    const user = await h.newUser();
    const response = await readStream(
      h
        .post(user, '/api/chat/stream', { message: `add a task to ${marker}`, client_message_id: randomUUID() })
        .set('x-request-id', 'sse-failure-1'),
    ).expect(200);
    const events = parseEvents(response.body as string);
    expect(events[0]?.event).toBe('start');
    expect(events.at(-1)).toEqual({
      event: 'error',
      data: {
        status: 500,
        message: 'internal error: the request failed on our side (request id sse-failure-1).',
        request_id: 'sse-failure-1',
      },
    });
    expect(response.body).not.toContain(driverText);
  });
});
