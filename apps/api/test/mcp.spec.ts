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
  test('offers the seven tools, none of them taking a user id, every argument described for a model', async () => {
    const { mcp } = await session();
    const { tools } = await mcp.client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'add_task',
      'bulk_update_tasks',
      'complete_task',
      'delete_task',
      'list_tasks',
      'undo_last_change',
      'update_task',
    ]);
    for (const tool of tools) {
      expect(tool.description).toEqual(expect.any(String));
      const properties = (tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
      expect(Object.keys(properties)).not.toContain('user_id');
      for (const [name, property] of Object.entries(properties)) {
        expect({ tool: tool.name, name, description: property.description }).toEqual({
          tool: tool.name,
          name,
          description: expect.any(String),
        });
      }
    }
    const update = tools.find((tool) => tool.name === 'update_task')!;
    expect(update.inputSchema.required).toEqual(['number']);
  });

  test('date-time arguments advertise a short pattern (the schemas go with every model call) and are validated exactly', async () => {
    const { mcp } = await session();
    const { tools } = await mcp.client.listTools();
    const patterns = JSON.stringify(tools).match(/"pattern":"(?:[^"\\]|\\.)*"/g) ?? [];
    expect(patterns.length).toBeGreaterThanOrEqual(5);
    for (const pattern of patterns) expect(pattern.length).toBeLessThan(100);
    // The advertised pattern admits 30 February; the tool does not.
    const refused = await mcp.call('add_task', { title: 'x', due_at: '2026-02-30T09:00:00+01:00' });
    expect(refused.isError).toBe(true);
    expect(refused.text).toContain('is not a date and time');
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
      task: { number: 1, title: 'Buy groceries', priority: 'high', tags: ['home'], due_at: '2026-12-01T17:00:00.000Z' },
    });
    const { id, number } = added.data.task as { id: number; number: number };

    const listed = await mcp.call('list_tasks', { status: 'pending' });
    expect(listed.data).toMatchObject({ count: 1, tasks: [{ id, number, title: 'Buy groceries' }] });

    const updated = await mcp.call('update_task', { number, title: 'Buy groceries and bread', priority: 'low' });
    expect(updated.data).toMatchObject({
      status: 'updated',
      task: { id, number, title: 'Buy groceries and bread', priority: 'low' },
    });
    const retagged = await mcp.call('update_task', { number, add_tags: ['errands', 'home'], remove_tags: ['home'] });
    expect(retagged.data.task.tags).toEqual(['errands']);

    const completed = await mcp.call('complete_task', { number });
    expect(completed.data).toMatchObject({ status: 'completed', task: { number, completed: true } });
    expect(completed.data.next_task).toBeUndefined();
    const reopened = await mcp.call('complete_task', { number, completed: false });
    expect(reopened.data).toMatchObject({ status: 'uncompleted', task: { completed: false } });

    const deleted = await mcp.call('delete_task', { number });
    expect(deleted.data).toMatchObject({ status: 'deleted', task: { id, number, title: 'Buy groceries and bread' } });
    expect((await mcp.call('list_tasks')).data).toEqual({ tasks: [], count: 0 });
  });

  test('search, filters and sort', async () => {
    const { mcp } = await session();
    const add = async (args: Record<string, unknown>) => (await mcp.call('add_task', args)).data.task.number as number;
    const milk = await add({ title: 'Buy milk', priority: 'low', tags: ['shopping'], due_at: '2026-12-03T09:00:00Z' });
    const report = await add({
      title: 'Write report',
      priority: 'high',
      tags: ['work'],
      due_at: '2026-12-01T09:00:00Z',
    });
    const ids = async (args: Record<string, unknown>) =>
      (await mcp.call('list_tasks', args)).data.tasks.map((t: { number: number }) => t.number);

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
    const completed = await mcp.call('complete_task', { number: added.data.task.number });
    expect(completed.data.next_task).toMatchObject({ number: 2, title: 'Standup', completed: false });
    const pending = await mcp.call('list_tasks', { status: 'pending' });
    expect(pending.data.tasks).toEqual([
      expect.objectContaining({
        number: 2,
        due_at: '2026-12-07T09:00:00.000Z',
        recurrence: { frequency: 'weekly', interval: 1 },
      }),
    ]);
  });

  test.each([
    ['weekdays', 'a Friday', '2026-11-27T09:00:00Z', 'the Monday', '2026-11-30T09:00:00.000Z'],
    ['weekends', 'a Sunday', '2026-11-29T10:00:00Z', 'the Saturday', '2026-12-05T10:00:00.000Z'],
  ])('a %s task due %s comes back %s after', async (frequency, _day, dueAt, _next, nextDueAt) => {
    const { mcp } = await session();
    await mcp.call('add_task', { title: 'Stretch', due_at: dueAt, recurrence: { frequency } });
    const completed = await mcp.call('complete_task', { number: 1 });
    expect(completed.data.next_task).toMatchObject({
      number: 2,
      due_at: nextDueAt,
      recurrence: { frequency, interval: 1 },
    });
  });

  test('a reminder set by a tool is delivered by /api/reminders/due', async () => {
    const { user, mcp } = await session();
    const remindAt = new Date(Date.now() - 1000).toISOString();
    const added = await mcp.call('add_task', { title: 'Pay bills', remind_at: remindAt });
    const due = await h.get(user, '/api/reminders/due').expect(200);
    expect(due.body).toEqual([expect.objectContaining({ id: added.data.task.id, remind_at: remindAt })]);
  });

  test.each([
    ['an unknown number', 'complete_task', { number: 987654321 }, 'You have no task 987654321.'],
    ['an unknown number to delete', 'delete_task', { number: 42 }, 'You have no task 42.'],
    [
      'a 2,000-character title',
      'add_task',
      { title: 'x'.repeat(2000) },
      'That title is 2,000 characters; the limit is 500. Shorter?',
    ],
    ['no title', 'add_task', {}, 'A task needs a title.'],
    ['a blank title', 'add_task', { title: '   ' }, 'A task needs a title.'],
    ['no number', 'complete_task', {}, 'Which task? Give its number.'],
    ['a number that is not whole', 'delete_task', { number: 2.5 }, 'A task number is a whole number, like 3.'],
    [
      'an unknown priority',
      'add_task',
      { title: 'x', priority: 'urgent' },
      'The priority must be low, medium or high.',
    ],
    [
      'a date without a time',
      'add_task',
      { title: 'x', due_at: 'friday' },
      'The due date "friday" is not a date and time; write it like 2026-11-27T09:00:00Z.',
    ],
    ['21 tags', 'add_task', { title: 'x', tags: [...'abcdefghijklmnopqrstu'] }, 'That is 21 tags; the limit is 20.'],
    [
      'an update without changes',
      'update_task',
      { number: 1 },
      'Say what to change: the title, description, priority, tags, due date, reminder, repeat rule or whether it is done.',
    ],
    ['an unknown tool', 'rename_task', { number: 1 }, 'There is no tool called rename_task.'],
  ])('%s is a tool error with a sentence for a person', async (_case, tool, args, sentence) => {
    const { mcp } = await session();
    await mcp.call('add_task', { title: 'Buy milk' });
    const result = await mcp.call(tool, args);
    expect(result).toMatchObject({ isError: true, text: sentence });
    expect((await mcp.call('list_tasks')).data.tasks).toEqual([expect.objectContaining({ title: 'Buy milk' })]);
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
