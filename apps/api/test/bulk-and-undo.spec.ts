import { afterAll, describe, expect, test } from '@jest/globals';
import pg from 'pg';
import { UNDO_DEPTH } from '../src/tasks/task-change-log.service.js';
import type { TaskView } from '../src/tasks/task.view.js';
import { type TestUser, useApi } from './support/harness.js';
import { connectMcp, type McpSession } from './support/mcp-client.js';

const h = useApi();
const sessions: McpSession[] = [];
afterAll(async () => {
  await Promise.all(sessions.map((session) => session.close()));
});

async function session(user?: TestUser) {
  const owner = user ?? (await h.newUser());
  const mcp = await connectMcp(h.api.url, owner);
  sessions.push(mcp);
  return { user: owner, mcp };
}

/** Every task of the user as stored, by number; updated_at aside (an undo is an update too). */
async function stateOf(user: TestUser): Promise<Omit<TaskView, 'updated_at'>[]> {
  const tasks = (await h.get(user, '/api/tasks?status=all&limit=200').expect(200)).body as TaskView[];
  return tasks.map(({ updated_at: _, ...task }) => task).sort((a, b) => a.number - b.number);
}

async function sql(text: string, values: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

const NOTHING_TO_UNDO = 'There is nothing to undo in this conversation.';

describe('bulk_update_tasks', () => {
  test('completes, re-tags, reschedules and deletes every task a filter matches, and says how many', async () => {
    const { user, mcp } = await session();
    await mcp.call('add_task', { title: 'buy milk', tags: ['shopping'] });
    await mcp.call('add_task', { title: 'buy bread', tags: ['shopping'] });
    await mcp.call('add_task', { title: 'call mom', tags: ['family'], priority: 'high' });

    const completed = await mcp.call('bulk_update_tasks', { filter: { tag: 'shopping' }, action: 'complete' });
    expect(completed.data).toMatchObject({ action: 'complete', count: 2 });
    expect(completed.data.tasks.map((task: TaskView) => [task.number, task.completed])).toEqual([
      [1, true],
      [2, true],
    ]);
    const again = await mcp.call('bulk_update_tasks', { filter: { tag: 'shopping' }, action: 'complete' });
    expect(again.data).toMatchObject({ count: 0, tasks: [] });

    const updated = await mcp.call('bulk_update_tasks', {
      filter: { numbers: [2, 3] },
      action: 'update',
      changes: { add_tags: ['weekend'], due_at: '2026-11-28T09:00:00Z' },
    });
    expect(updated.data.count).toBe(2);
    const state = await stateOf(user);
    expect(state.map(({ number, tags, due_at }) => [number, tags, due_at])).toEqual([
      [1, ['shopping'], null],
      [2, ['shopping', 'weekend'], '2026-11-28T09:00:00.000Z'],
      [3, ['family', 'weekend'], '2026-11-28T09:00:00.000Z'],
    ]);

    const deleted = await mcp.call('bulk_update_tasks', { filter: { status: 'completed' }, action: 'delete' });
    expect(deleted.data).toMatchObject({ action: 'delete', count: 2 });
    expect((await stateOf(user)).map((task) => task.title)).toEqual(['call mom']);
  });

  test.each([
    [
      'an empty filter',
      { filter: {}, action: 'delete' },
      'Say which tasks: give their numbers, a status, a tag, a priority, a search word or due dates.',
    ],
    ['unknown numbers', { filter: { numbers: [1, 7, 9] }, action: 'complete' }, 'You have no tasks 7 and 9.'],
    [
      'an update without changes',
      { filter: { status: 'all' }, action: 'update' },
      'Say what to change on those tasks: priority, tags, due date, reminder or repeat.',
    ],
    [
      'changes with another action',
      { filter: { status: 'all' }, action: 'delete', changes: { priority: 'low' } },
      'Changes go with the update action; delete takes none.',
    ],
    [
      'an unknown action',
      { filter: { status: 'all' }, action: 'archive' },
      'The action must be complete, uncomplete, delete or update.',
    ],
  ])('refuses %s with a sentence and changes nothing', async (_case, args, sentence) => {
    const { user, mcp } = await session();
    await mcp.call('add_task', { title: 'buy milk' });
    const before = await stateOf(user);
    expect(await mcp.call('bulk_update_tasks', args)).toMatchObject({ isError: true, text: sentence });
    expect(await stateOf(user)).toEqual(before);
  });

  test('a bulk change that fails halfway changes nothing, and logs nothing to undo', async () => {
    const { user, mcp } = await session();
    await mcp.call('add_task', { title: 'buy milk' });
    await mcp.call('add_task', {
      title: 'water the plants',
      due_at: '2026-11-30T09:00:00Z',
      recurrence: { frequency: 'weekly', interval: 1 },
    });
    // Task 1 completes first; completing task 2 then needs a number past the largest integer.
    await sql('update task_number_counters set last_number = 2147483647 where user_id = $1', [user.id]);
    const before = await stateOf(user);
    const failed = await mcp.call('bulk_update_tasks', { filter: { status: 'pending' }, action: 'complete' });
    expect(failed).toMatchObject({ isError: true, text: 'a value in the request is out of range or cannot be stored' });
    expect(await stateOf(user)).toEqual(before);
    expect((await mcp.call('undo_last_change')).data).toMatchObject({ undone: 'add', count: 1 });
  });
});

describe('undo_last_change', () => {
  test('reverts add, update, complete, delete and bulk, newest first, each once', async () => {
    const { user, mcp } = await session();
    const states = [await stateOf(user)];
    const change = async (tool: string, args: Record<string, unknown>) => {
      const result = await mcp.call(tool, args);
      expect(result.isError).toBe(false);
      states.push(await stateOf(user));
    };
    await change('add_task', { title: 'buy milk' });
    await change('add_task', {
      title: 'pay rent',
      due_at: '2026-12-01T09:00:00Z',
      remind_at: '2026-11-30T18:00:00Z',
      recurrence: { frequency: 'monthly', interval: 1 },
    });
    await change('update_task', { number: 1, title: 'buy oat milk', priority: 'high', tags: ['shopping'] });
    await change('complete_task', { number: 2 });
    await change('delete_task', { number: 1 });
    await change('add_task', { title: 'buy bread' });
    await change('bulk_update_tasks', { filter: { status: 'all' }, action: 'delete' });
    expect(states.at(-1)).toEqual([]);

    const undone: string[] = [];
    for (let step = states.length - 2; step >= 0; step--) {
      const result = await mcp.call('undo_last_change');
      expect(result.isError).toBe(false);
      undone.push(result.data.undone);
      expect(await stateOf(user)).toEqual(states[step]);
    }
    expect(undone).toEqual(['bulk', 'add', 'delete', 'complete', 'update', 'add', 'add']);
    expect(await mcp.call('undo_last_change')).toMatchObject({ isError: true, text: NOTHING_TO_UNDO });
  });

  test('answers what it undid', async () => {
    const { mcp } = await session();
    await mcp.call('add_task', { title: 'buy milk' });
    await mcp.call('add_task', { title: 'call mom' });
    await mcp.call('bulk_update_tasks', { filter: { numbers: [1, 2] }, action: 'complete' });
    const bulk = await mcp.call('undo_last_change');
    expect(bulk.data).toMatchObject({ undone: 'bulk', count: 2 });
    expect(bulk.data.tasks.map((task: TaskView) => [task.number, task.completed])).toEqual([
      [1, false],
      [2, false],
    ]);
    const add = await mcp.call('undo_last_change');
    expect(add.data).toMatchObject({ undone: 'add', count: 1, tasks: [{ number: 2, title: 'call mom' }] });
  });

  test("reverts only its own session's changes, never another session's or the REST api's", async () => {
    const { user, mcp } = await session();
    await mcp.call('add_task', { title: 'buy milk' });
    const other = (await session(user)).mcp;
    expect(await other.call('undo_last_change')).toMatchObject({ isError: true, text: NOTHING_TO_UNDO });
    await h.post(user, '/api/tasks', { title: 'call mom' }).expect(201);
    expect((await mcp.call('undo_last_change')).data).toMatchObject({ undone: 'add', tasks: [{ title: 'buy milk' }] });
    expect((await stateOf(user)).map((task) => task.title)).toEqual(['call mom']);
  });

  test('a change that changed nothing is not an undo step', async () => {
    const { user, mcp } = await session();
    await mcp.call('add_task', { title: 'buy milk' });
    await mcp.call('complete_task', { number: 1 });
    await mcp.call('complete_task', { number: 1 });
    expect((await mcp.call('undo_last_change')).data).toMatchObject({ undone: 'complete' });
    expect((await mcp.call('undo_last_change')).data).toMatchObject({ undone: 'add' });
    expect(await stateOf(user)).toEqual([]);
  });

  test(`keeps the newest ${UNDO_DEPTH} changes of a session, and forgets the older ones`, async () => {
    const { user, mcp } = await session();
    for (let i = 1; i <= UNDO_DEPTH + 2; i += 1) await mcp.call('add_task', { title: `task ${i}` });
    for (let i = 0; i < UNDO_DEPTH; i += 1) {
      expect((await mcp.call('undo_last_change')).data).toMatchObject({ undone: 'add' });
    }
    expect(await mcp.call('undo_last_change')).toMatchObject({ isError: true, text: NOTHING_TO_UNDO });
    expect((await stateOf(user)).map((task) => task.title)).toEqual(['task 1', 'task 2']);
  });
});
