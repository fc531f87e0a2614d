import { describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { TaskToolResult, UndoToolResult } from '../src/mcp/tool-contract.js';
import { ToolSessions } from '../src/mcp/tool-sessions.service.js';
import { useApi } from './support/harness.js';

const h = useApi();

describe('stateless chat with idempotent retries', () => {
  test('a retried turn returns the stored reply and never duplicates a message or a task', async () => {
    const user = await h.newUser();
    const turn = { message: 'add a task to buy milk', client_message_id: randomUUID() };
    const first = (await h.post(user, '/api/chat', turn).expect(200)).body;
    const retry = (await h.post(user, '/api/chat', turn).expect(200)).body;
    expect(retry).toEqual(first);

    const retryInConversation = { ...turn, conversation_id: first.conversation_id };
    expect((await h.post(user, '/api/chat', retryInConversation).expect(200)).body).toEqual(first);

    const messages = (await h.get(user, `/api/conversations/${first.conversation_id}/messages`).expect(200)).body;
    expect(messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
    expect(messages[1].tool_calls).toEqual(first.tool_calls);
    expect((await h.get(user, '/api/tasks').expect(200)).body).toHaveLength(1);
  });

  test('simultaneous copies of one turn store it once and agree on the reply', async () => {
    const user = await h.newUser();
    const turn = { message: 'add a task to water the plants', client_message_id: randomUUID() };
    const replies = await Promise.all(Array.from({ length: 5 }, () => h.post(user, '/api/chat', turn)));
    for (const reply of replies) expect(reply.status).toBe(200);
    const conversationIds = new Set(replies.map((reply) => reply.body.conversation_id));
    expect(conversationIds.size).toBe(1);
    expect(new Set(replies.map((reply) => reply.body.response)).size).toBe(1);
    const [conversationId] = conversationIds;
    const messages = (await h.get(user, `/api/conversations/${conversationId}/messages`).expect(200)).body;
    expect(messages).toHaveLength(2);
    expect((await h.get(user, '/api/tasks').expect(200)).body).toHaveLength(1);
  });

  test('copies and retries of a turn adding one task add it once, log it once and skip no number', async () => {
    const user = await h.newUser();
    await h.post(user, '/api/tasks', { title: 'Earlier task' }).expect(201);
    const tools = h.api.app.get(ToolSessions);
    const scope = { userId: user.id, turnKey: 'turn-1', changeScope: `conversation:${randomUUID()}` };
    const call = async (name: string, args: Record<string, unknown> = {}) => {
      const result = await tools.withScope(scope, () => tools.callTool(name, args));
      expect(result.isError).toBeFalsy();
      return result.structuredContent as unknown;
    };
    // The copies queue on the user's task counter, all having looked for the key before any adds it.
    const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    let copies: Promise<unknown>[];
    try {
      await locker.query('begin');
      await locker.query('select from task_number_counters where user_id = $1 for update', [user.id]);
      copies = Array.from({ length: 4 }, () => call('add_task', { title: 'Water the plants' }));
      // Each waits on the lock or on the copy queued ahead of it. (A transaction reads the activity once,
      // unless told to read it again.)
      const waiting = async () => {
        await locker.query('select pg_stat_clear_snapshot()');
        const { rows } = await locker.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and query like '%task_number_counters%'`,
        );
        return rows[0]!.n;
      };
      while ((await waiting()) < copies.length) await sleep(10);
      await locker.query('commit');
    } finally {
      await locker.end();
    }
    const added = (await Promise.all(copies)) as TaskToolResult[];
    expect(added.map((copy) => [copy.task.title, copy.task.number])).toEqual(
      Array.from({ length: 4 }, () => ['Water the plants', 2]),
    );
    const retried = (await call('add_task', { title: 'water the  plants' })) as TaskToolResult;
    expect(retried.task).toEqual(added[0]!.task);
    expect(((await call('add_task', { title: 'Feed the cat' })) as TaskToolResult).task.number).toBe(3);
    for (const title of ['Feed the cat', 'Water the plants']) {
      expect(((await call('undo_last_change')) as UndoToolResult).tasks.map((task) => task.title)).toEqual([title]);
    }
    const nothingLeft = await tools.withScope(scope, () => tools.callTool('undo_last_change', {}));
    expect(nothingLeft.isError).toBe(true);
  });

  test('a client_message_id reused for another message is a 409 and stores nothing', async () => {
    const user = await h.newUser();
    const first = (
      await h.post(user, '/api/chat', { message: 'add a task to buy milk', client_message_id: 'm-1' }).expect(200)
    ).body;
    const reuse = { conversation_id: first.conversation_id, message: 'delete everything', client_message_id: 'm-1' };
    await h.post(user, '/api/chat', reuse).expect(409);
    const messages = (await h.get(user, `/api/conversations/${first.conversation_id}/messages`).expect(200)).body;
    expect(messages).toHaveLength(2);
  });

  test('concurrent turns in one conversation are all stored, each reply after its message', async () => {
    const user = await h.newUser();
    const opening = (await h.post(user, '/api/chat', { message: 'hello', client_message_id: randomUUID() }).expect(200))
      .body;
    const titles = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
    const replies = await Promise.all(
      titles.map((title) =>
        h.post(user, '/api/chat', {
          conversation_id: opening.conversation_id,
          message: `add a task to call ${title}`,
          client_message_id: randomUUID(),
        }),
      ),
    );
    for (const reply of replies) expect(reply.status).toBe(200);
    const messages = (await h.get(user, `/api/conversations/${opening.conversation_id}/messages`).expect(200)).body as {
      role: string;
      content: string;
    }[];
    expect(messages).toHaveLength(2 + 2 * titles.length);
    for (let i = 0; i < messages.length; i += 2) {
      expect(messages[i]!.role).toBe('user');
      expect(messages[i + 1]!.role).toBe('assistant');
    }
    const tasks = (await h.get(user, '/api/tasks?sort_by=title').expect(200)).body as { title: string }[];
    expect(tasks.map((task) => task.title)).toEqual(titles.map((title) => `call ${title}`));
  });

  test('conversations are listed newest first and resume with their history', async () => {
    const user = await h.newUser();
    const older = (
      await h
        .post(user, '/api/chat', { message: 'add a task to plan trip', client_message_id: randomUUID() })
        .expect(200)
    ).body;
    const newer = (
      await h.post(user, '/api/chat', { message: 'show my tasks', client_message_id: randomUUID() }).expect(200)
    ).body;
    const listed = (await h.get(user, '/api/conversations').expect(200)).body as { id: string; title: string }[];
    expect(listed.map((c) => c.id)).toEqual([newer.conversation_id, older.conversation_id]);
    expect(listed[1]!.title).toBe('add a task to plan trip');
  });
});

describe('chat input validation', () => {
  test.each([
    ['a missing message', { client_message_id: 'x' }, 'message is required'],
    ['a missing client_message_id', { message: 'hi' }, 'client_message_id is required'],
    [
      'a message over 8 KB',
      { message: 'x'.repeat(8 * 1024 + 1), client_message_id: 'x' },
      'message: message must be at most 8192 bytes',
    ],
    [
      'a conversation id that is not a UUID',
      { conversation_id: '42', message: 'hi', client_message_id: 'x' },
      'conversation_id: Invalid UUID',
    ],
    [
      'an unknown time zone',
      { message: 'hi', client_message_id: 'x', time_zone: 'Mars/Olympus' },
      'time_zone: time_zone must be an IANA time zone such as Europe/Berlin',
    ],
  ])('%s is a 400 naming the field, and nothing is stored', async (_case, body, message) => {
    const user = await h.newUser();
    await h.post(user, '/api/chat', body).expect(400, { statusCode: 400, error: 'Bad Request', message });
    await h.get(user, '/api/conversations').expect(200, []);
  });

  test('an unknown conversation is a 404', async () => {
    const user = await h.newUser();
    const body = { conversation_id: randomUUID(), message: 'hi', client_message_id: 'x' };
    await h.post(user, '/api/chat', body).expect(404);
  });
});
