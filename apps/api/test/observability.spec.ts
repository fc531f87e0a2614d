import { describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { useApi } from './support/harness.js';

const h = useApi();

/** Reads an SSE body into its events. */
function parseEvents(body: string): { event: string; data: any }[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1] ?? 'message';
      const data = JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? 'null');
      return { event, data };
    });
}

describe('streaming chat (SSE)', () => {
  test('streams tool calls and text, then the stored reply', async () => {
    const user = await h.newUser();
    const response = await h
      .post(user, '/api/chat/stream', { message: 'add a task to buy stamps', client_message_id: randomUUID() })
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      })
      .expect(200)
      .expect('content-type', /text\/event-stream/);
    const events = parseEvents(response.body as string);
    expect(events.map((e) => e.event)).toEqual(['tool_call', 'delta', 'done']);
    expect(events[0]!.data).toMatchObject({ name: 'add_task', arguments: { title: 'Buy stamps' }, is_error: false });
    const done = events[2]!.data;
    expect(done.response).toBe(events[1]!.data.text);
    const messages = (await h.get(user, `/api/conversations/${done.conversation_id}/messages`).expect(200)).body;
    expect(messages[1]).toMatchObject({ role: 'assistant', content: done.response, tool_calls: done.tool_calls });
  });

  test('bad input is a plain 400 before any stream opens', async () => {
    const user = await h.newUser();
    await h.post(user, '/api/chat/stream', { message: '' }).expect(400).expect('content-type', /json/);
  });
});

describe('metrics and engine', () => {
  test('/metrics counts requests by route, chat turns and tool calls', async () => {
    const user = await h.newUser();
    await h.post(user, '/api/chat', { message: 'add a task to count metrics', client_message_id: randomUUID() }).expect(200);
    const metrics = (await fetch(`${h.api.url}/metrics`).then((r) => r.text())) as string;
    expect(metrics).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/api\/chat",status_code="200"\} [1-9]/);
    expect(metrics).toMatch(/chat_turns_total\{engine="offline",outcome="completed"\} [1-9]/);
    expect(metrics).toMatch(/mcp_tool_calls_total\{tool="add_task",error="false"\} [1-9]/);
    expect(metrics).toContain('process_cpu_seconds_total');
  });

  test('reports which chat engine answers', async () => {
    const user = await h.newUser();
    await h.get(user, '/api/chat/engine').expect(200, { engine: 'offline' });
  });
});
