import { afterEach, describe, expect, test } from '@jest/globals';
import { useApi } from './support/harness.js';
import { connectMcp, type McpSession } from './support/mcp-client.js';

const h = useApi();
const sessions: McpSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
});

async function session() {
  const user = await h.newUser();
  const mcp = await connectMcp(h.api.url, user);
  sessions.push(mcp);
  return { user, mcp };
}

describe('MCP task tools over Streamable HTTP', () => {
  test('offers the five tools, none of them taking a user id', async () => {
    const { mcp } = await session();
    const { tools } = await mcp.client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'add_task',
      'complete_task',
      'delete_task',
      'list_tasks',
      'update_task',
    ]);
    for (const tool of tools) expect(Object.keys(tool.inputSchema.properties ?? {})).not.toContain('user_id');
  });

  test('add, list, update, complete and delete with priorities, tags and due dates', async () => {
    const { mcp } = await session();
    const added = await mcp.call('add_task', {
      title: 'Buy groceries',
      priority: 'high',
      tags: ['home'],
      due_at: '2026-12-01T17:00:00Z',
    });
    expect(added.isError).toBe(false);
    expect(added.data).toMatchObject({
      status: 'created',
      title: 'Buy groceries',
      task: { priority: 'high', tags: ['home'], due_at: '2026-12-01T17:00:00.000Z' },
    });
    const id = added.data.task_id as number;

    const listed = await mcp.call('list_tasks', { status: 'pending' });
    expect(listed.data).toMatchObject({ count: 1, tasks: [{ id, title: 'Buy groceries' }] });

    const updated = await mcp.call('update_task', { task_id: id, title: 'Buy groceries and bread', priority: 'low' });
    expect(updated.data).toMatchObject({
      task_id: id,
      status: 'updated',
      title: 'Buy groceries and bread',
      task: { priority: 'low' },
    });

    const completed = await mcp.call('complete_task', { task_id: id });
    expect(completed.data).toMatchObject({ task_id: id, status: 'completed', task: { completed: true } });
    expect(completed.data.next_task_id).toBeUndefined();
    const reopened = await mcp.call('complete_task', { task_id: id, completed: false });
    expect(reopened.data).toMatchObject({ status: 'uncompleted', task: { completed: false } });

    const deleted = await mcp.call('delete_task', { task_id: id });
    expect(deleted.data).toMatchObject({ task_id: id, status: 'deleted', title: 'Buy groceries and bread' });
    expect((await mcp.call('list_tasks')).data).toEqual({ tasks: [], count: 0 });
  });

  test('search, filters and sort', async () => {
    const { mcp } = await session();
    const add = async (args: Record<string, unknown>) => (await mcp.call('add_task', args)).data.task_id as number;
    const milk = await add({ title: 'Buy milk', priority: 'low', tags: ['shopping'], due_at: '2026-12-03T09:00:00Z' });
    const report = await add({
      title: 'Write report',
      priority: 'high',
      tags: ['work'],
      due_at: '2026-12-01T09:00:00Z',
    });
    const ids = async (args: Record<string, unknown>) =>
      (await mcp.call('list_tasks', args)).data.tasks.map((t: { id: number }) => t.id);

    expect(await ids({ search: 'milk' })).toEqual([milk]);
    expect(await ids({ tag: 'work' })).toEqual([report]);
    expect(await ids({ priority: 'low' })).toEqual([milk]);
    expect(await ids({ due_before: '2026-12-02T00:00:00Z' })).toEqual([report]);
    expect(await ids({ sort_by: 'due_at' })).toEqual([report, milk]);
    expect(await ids({ sort_by: 'priority', order: 'asc' })).toEqual([milk, report]);
    expect(await ids({ sort_by: 'title', order: 'desc' })).toEqual([report, milk]);
  });

  test('a recurring task yields its next occurrence when completed', async () => {
    const { mcp } = await session();
    const added = await mcp.call('add_task', {
      title: 'Standup',
      due_at: '2026-11-30T09:00:00Z',
      recurrence: { frequency: 'weekly', interval: 1 },
    });
    const completed = await mcp.call('complete_task', { task_id: added.data.task_id });
    expect(completed.data.next_task_id).toEqual(expect.any(Number));
    const pending = await mcp.call('list_tasks', { status: 'pending' });
    expect(pending.data.tasks).toEqual([
      expect.objectContaining({
        id: completed.data.next_task_id,
        due_at: '2026-12-07T09:00:00.000Z',
        recurrence: { frequency: 'weekly', interval: 1 },
      }),
    ]);
  });

  test('a reminder set by a tool is delivered by /api/reminders/due', async () => {
    const { user, mcp } = await session();
    const remindAt = new Date(Date.now() - 1000).toISOString();
    const added = await mcp.call('add_task', { title: 'Pay bills', remind_at: remindAt });
    const due = await h.get(user, '/api/reminders/due').expect(200);
    expect(due.body).toEqual([expect.objectContaining({ id: added.data.task_id, remind_at: remindAt })]);
  });

  test('errors are tool results with a clear message', async () => {
    const { mcp } = await session();
    const missing = await mcp.call('complete_task', { task_id: 987654321 });
    expect(missing).toMatchObject({ isError: true, text: 'task 987654321 not found' });
    const deleted = await mcp.call('delete_task', { task_id: 987654321 });
    expect(deleted.text).toBe('task 987654321 not found');
    const tooLong = await mcp.call('add_task', { title: 'x'.repeat(501) });
    expect(tooLong.isError).toBe(true);
    expect(tooLong.text).toContain('title must be at most 500 characters');
    const empty = await mcp.call('update_task', { task_id: 1 });
    expect(empty).toMatchObject({ isError: true, text: 'at least one field to update is required' });
  });

  test('requires a bearer token, and GET is refused on the stateless endpoint', async () => {
    const unauthenticated = await fetch(`${h.api.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(unauthenticated.status).toBe(401);
    const { user } = await session();
    const get = await fetch(`${h.api.url}/mcp`, { headers: { authorization: `Bearer ${user.token}` } });
    expect(get.status).toBe(405);
  });
});
