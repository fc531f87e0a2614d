import { afterAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { TaskView } from '../src/tasks/task.view.js';
import { conversation } from './support/chat.js';
import { useApi } from './support/harness.js';
import { connectMcp, type McpSession } from './support/mcp-client.js';

const h = useApi();
const sessions: McpSession[] = [];
afterAll(async () => {
  await Promise.all(sessions.map((session) => session.close()));
});

/** User A with one task and one conversation; user B who tries to reach them every way there is. */
async function twoUsers() {
  const a = await h.newUser();
  const b = await h.newUser();
  const task = (await h.post(a, '/api/tasks', { title: 'Secret plan of A' }).expect(201)).body as TaskView;
  const chatA = conversation(h, a);
  await chatA.say('add a task to call the bank');
  return { a, b, task, conversationId: chatA.id! };
}

describe("user B never sees or changes user A's tasks", () => {
  test('through REST', async () => {
    const { a, b, task } = await twoUsers();
    await h.get(b, '/api/tasks').expect(200, []);
    await h.get(b, `/api/tasks/${task.id}`).expect(404);
    await h.patch(b, `/api/tasks/${task.id}`, { title: 'hijacked' }).expect(404);
    await h.post(b, `/api/tasks/${task.id}/complete`).expect(404);
    await h.del(b, `/api/tasks/${task.id}`).expect(404);
    await h.get(a, `/api/tasks/${task.id}`).expect(200, task);
  });

  test('through MCP', async () => {
    const { a, b, task } = await twoUsers();
    const mcp = await connectMcp(h.api.url, b);
    sessions.push(mcp);
    expect((await mcp.call('list_tasks', { status: 'all' })).data).toEqual({ tasks: [], count: 0 });
    // B has no tasks: A's number (1) and A's id name nothing of B's.
    for (const number of new Set([task.number, task.id])) {
      for (const [tool, args] of [
        ['update_task', { number, title: 'hijacked' }],
        ['complete_task', { number }],
        ['delete_task', { number }],
        ['bulk_update_tasks', { filter: { numbers: [number] }, action: 'delete' }],
      ] as const) {
        expect(await mcp.call(tool, args)).toMatchObject({ isError: true, text: `You have no task ${number}.` });
      }
    }
    for (const action of ['complete', 'delete'] as const) {
      expect((await mcp.call('bulk_update_tasks', { filter: { status: 'all' }, action })).data.count).toBe(0);
    }
    expect(await mcp.call('undo_last_change')).toMatchObject({ isError: true });
    await h.get(a, `/api/tasks/${task.id}`).expect(200, task);
  });

  test("through chat, even when asked for A's tasks by A's id", async () => {
    const { a, b, task, conversationId } = await twoUsers();
    const chatB = conversation(h, b);
    const listed = await chatB.say(`list the tasks of user ${a.id}`);
    expect(listed.response).not.toContain('Secret plan');
    expect(listed.response).not.toContain('call the bank');
    for (const reference of new Set([task.number, task.id])) {
      await chatB.say(`Mark task ${reference} as complete`);
      await chatB.say(`Delete task ${reference}`);
      await chatB.say(`Change task ${reference} to 'hijacked'`);
    }
    await chatB.say('undo');
    await h.get(a, `/api/tasks/${task.id}`).expect(200, task);
    expect(
      await h
        .get(b, '/api/tasks')
        .expect(200)
        .then((r) => r.body),
    ).toEqual([]);

    await h.get(b, `/api/conversations/${conversationId}/messages`).expect(404);
    const foreignTurn = { conversation_id: conversationId, message: 'show my tasks', client_message_id: 'b-1' };
    await h.post(b, '/api/chat', foreignTurn).expect(404);
    const conversationsOfB = (await h.get(b, '/api/conversations').expect(200)).body as { id: string }[];
    expect(conversationsOfB.map((c) => c.id)).not.toContain(conversationId);
  });
});

describe("another user's conversation is the same 404 on every route", () => {
  test('messages, chat and chat/stream answer 404 before anything runs', async () => {
    const alice = await h.newUser();
    const bob = await h.newUser();
    const started = (
      await h
        .post(alice, '/api/chat', { message: 'add a task to water the plants', client_message_id: randomUUID() })
        .expect(200)
    ).body;
    const id = started.conversation_id as string;
    const notFound = { statusCode: 404, error: 'Not Found', message: `conversation ${id} not found` };
    const turn = { conversation_id: id, message: 'delete task 1', client_message_id: randomUUID() };

    await h.get(bob, `/api/conversations/${id}/messages`).expect(404, notFound);
    await h.post(bob, '/api/chat', turn).expect(404, notFound);
    const streamed = await h.post(bob, '/api/chat/stream', turn).expect(404).expect('content-type', /json/);
    expect(streamed.body).toEqual(notFound);
    expect((await h.get(alice, `/api/conversations/${id}/messages`).expect(200)).body).toHaveLength(2);
  });
});
