import { describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/common/config.js';
import { useApi } from './support/harness.js';
import { parseEvents, readStream } from './support/sse.js';

const h = useApi();

describe('streaming chat (SSE)', () => {
  test('the offline engine streams: start, tool calls, its reply in several pieces, then the stored reply', async () => {
    const user = await h.newUser();
    const response = await readStream(
      h.post(user, '/api/chat/stream', {
        message: 'add a task to buy stamps, envelopes and a birthday card for grandma',
        client_message_id: randomUUID(),
      }),
    )
      .expect(200)
      .expect('content-type', /text\/event-stream/);
    const events = parseEvents(response.body as string);
    const names = events.map((e) => e.event);
    expect(names.filter((name) => name !== 'delta')).toEqual(['start', 'tool_call', 'done']);
    expect(names.filter((name) => name === 'delta').length).toBeGreaterThan(1);
    expect(events[1]!.data).toMatchObject({ name: 'add_task', is_error: false });
    const done = events.at(-1)!.data;
    const deltas = events.filter((e) => e.event === 'delta').map((e) => e.data.text);
    expect(deltas.join('')).toBe(done.response);
    const messages = (await h.get(user, `/api/conversations/${done.conversation_id}/messages`).expect(200)).body;
    expect(events[0]!.data).toEqual({ conversation_id: done.conversation_id, message_id: messages[0].id });
    expect(messages[1]).toMatchObject({
      role: 'assistant',
      content: done.response,
      tool_calls: done.tool_calls,
      stopped: false,
    });
  });

  test('bad input is a plain 400 before any stream opens', async () => {
    const user = await h.newUser();
    await h.post(user, '/api/chat/stream', { message: '' }).expect(400).expect('content-type', /json/);
  });
});

describe('metrics and engine', () => {
  test('/metrics counts requests by route, chat turns and tool calls', async () => {
    const user = await h.newUser();
    await h
      .post(user, '/api/chat', { message: 'add a task to count metrics', client_message_id: randomUUID() })
      .expect(200);
    const metrics = (await fetch(h.api.metricsUrl).then((r) => r.text())) as string;
    expect(metrics).toMatch(
      /http_request_duration_seconds_count\{method="POST",route="\/api\/chat",status_code="200"\} [1-9]/,
    );
    expect(metrics).toMatch(/chat_turns_total\{engine="offline",outcome="completed"\} [1-9]/);
    expect(metrics).toMatch(/mcp_tool_calls_total\{tool="add_task",error="false"\} [1-9]/);
    expect(metrics).toContain('process_cpu_seconds_total');
  });

  test('/metrics is served on METRICS_PORT only: the app port answers 404', async () => {
    const scrape = await fetch(h.api.metricsUrl);
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain('http_request_duration_seconds');
    expect((await fetch(`${h.api.url}/metrics`)).status).toBe(404);
    const elsewhere = await fetch(h.api.metricsUrl.replace('/metrics', '/api/tasks'));
    expect(elsewhere.status).toBe(404);
  });

  test('development (npm start) binds loopback only; production binds every interface unless HOST says otherwise', () => {
    const base = {
      DATABASE_URL: 'postgresql://x@127.0.0.1/x',
      BETTER_AUTH_URL: 'http://localhost:3000',
      AUTH_JWKS_URL: 'http://localhost:3000/api/auth/jwks',
    };
    expect(loadConfig({ ...base, NODE_ENV: 'development' })).toMatchObject({ host: '127.0.0.1', metricsPort: 9464 });
    expect(loadConfig({ ...base, NODE_ENV: 'production' })).toMatchObject({ host: '0.0.0.0', metricsPort: 9464 });
    expect(loadConfig({ ...base, NODE_ENV: 'production', HOST: '10.0.0.5', METRICS_PORT: '0' })).toMatchObject({
      host: '10.0.0.5',
      metricsPort: 0,
    });
  });

  test('reports which chat engine answers', async () => {
    const user = await h.newUser();
    await h.get(user, '/api/chat/engine').expect(200, { engine: 'offline' });
  });
});
