import { afterAll, describe, expect, test } from '@jest/globals';
import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { ormConfig } from '../src/database/orm.config.js';
import type { TaskView } from '../src/tasks/task.view.js';
import { conversation } from './support/chat.js';
import { createScratchDatabase } from './support/databases.js';
import { type TestUser, useApi } from './support/harness.js';
import { connectMcp, type McpSession } from './support/mcp-client.js';

const h = useApi();
const sessions: McpSession[] = [];
afterAll(async () => {
  await Promise.all(sessions.map((session) => session.close()));
});

async function mcpFor(user: TestUser): Promise<McpSession> {
  const mcp = await connectMcp(h.api.url, user);
  sessions.push(mcp);
  return mcp;
}

async function tasksOf(user: TestUser): Promise<TaskView[]> {
  return (await h.get(user, '/api/tasks?status=all&limit=200').expect(200)).body;
}

const numbersOf = (tasks: TaskView[]) => tasks.map((task) => task.number).sort((a, b) => a - b);

/** Two new users with the same two titles each, added by REST in turn (A's first, then B's). */
async function twoUsersWithTasks() {
  const a = await h.newUser();
  const b = await h.newUser();
  for (const title of ['buy milk', 'call mom']) {
    await h.post(a, '/api/tasks', { title: `${title} (A)` }).expect(201);
    await h.post(b, '/api/tasks', { title: `${title} (B)` }).expect(201);
  }
  return { a, b };
}

describe('per-user task numbers', () => {
  test('numbers start at 1 for each user; REST returns the number beside the id it keeps in paths', async () => {
    const { a, b } = await twoUsersWithTasks();
    const [milkA, momA] = await tasksOf(a);
    const [milkB] = await tasksOf(b);
    expect([milkA!.number, momA!.number, milkB!.number]).toEqual([1, 2, 1]);
    expect(milkA!.id).not.toBe(milkB!.id);
    const fetched = (await h.get(b, `/api/tasks/${milkB!.id}`).expect(200)).body as TaskView;
    expect(fetched).toMatchObject({ id: milkB!.id, number: 1, title: 'buy milk (B)' });
  });

  test("complete_task with number 1 completes the caller's task 1 only", async () => {
    const { a, b } = await twoUsersWithTasks();
    const result = await (await mcpFor(b)).call('complete_task', { number: 1 });
    expect(result.data).toMatchObject({ status: 'completed', task: { number: 1, title: 'buy milk (B)' } });
    expect((await tasksOf(b)).map((task) => [task.number, task.completed])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect((await tasksOf(a)).every((task) => !task.completed)).toBe(true);
  });

  test('"complete task 1" in chat completes the speaker\'s task 1 only', async () => {
    const { a, b } = await twoUsersWithTasks();
    const reply = await conversation(h, a).say('complete task 1');
    expect(reply.tool_calls).toContainEqual(
      expect.objectContaining({ name: 'complete_task', arguments: expect.objectContaining({ number: 1 }) }),
    );
    expect((await tasksOf(a)).map((task) => [task.title, task.completed])).toEqual([
      ['buy milk (A)', true],
      ['call mom (A)', false],
    ]);
    expect((await tasksOf(b)).every((task) => !task.completed)).toBe(true);
  });

  test('50 concurrent adds by one user get the numbers 1 to 50, each once', async () => {
    const user = await h.newUser();
    const mcp = await mcpFor(user);
    const added = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        index % 2 === 0
          ? h.post(user, '/api/tasks', { title: `task ${index}` }).then((response) => response.body as TaskView)
          : mcp.call('add_task', { title: `task ${index}` }).then((result) => result.data.task as TaskView),
      ),
    );
    const expected = Array.from({ length: 50 }, (_, index) => index + 1);
    expect(numbersOf(added)).toEqual(expected);
    expect(numbersOf(await tasksOf(user))).toEqual(expected);
  });

  test("a deleted task's number is never given again", async () => {
    const user = await h.newUser();
    const mcp = await mcpFor(user);
    for (const title of ['one', 'two', 'three']) await mcp.call('add_task', { title });
    await mcp.call('delete_task', { number: 3 });
    const [one] = await tasksOf(user);
    await h.del(user, `/api/tasks/${one!.id}`).expect(204);
    const next = await mcp.call('add_task', { title: 'four' });
    expect(next.data.task.number).toBe(4);
    expect((await h.post(user, '/api/tasks', { title: 'five' }).expect(201)).body.number).toBe(5);
    expect((await mcp.call('complete_task', { number: 3 })).text).toBe('You have no task 3.');
    expect(numbersOf(await tasksOf(user))).toEqual([2, 4, 5]);
  });
});

describe('the migration numbering existing tasks', () => {
  test("numbers each user's tasks 1, 2, 3… in creation order and continues from there", async () => {
    const scratch = await createScratchDatabase();
    const config = ormConfig({ url: scratch.url, poolMax: 2 });
    const orm = await MikroORM.init({ ...config, migrations: { ...config.migrations, silent: true } });
    try {
      await orm.migrator.up({ to: 'Migration20261127111216' });
      const insert = (userId: string, title: string) =>
        orm.em.execute('insert into tasks (user_id, title, created_at, updated_at) values (?, ?, now(), now())', [
          userId,
          title,
        ]);
      const [a, b] = [`user-${randomUUID()}`, `user-${randomUUID()}`];
      for (const [userId, title] of [
        [a, 'a1'],
        [b, 'b1'],
        [a, 'a2'],
        [a, 'a3'],
        [b, 'b2'],
      ] as const) {
        await insert(userId, title);
      }
      await orm.em.execute('delete from tasks where title = ?', ['a2']);

      await orm.migrator.up();
      const rows = await orm.em.execute<{ user_id: string; title: string; number: number }[]>(
        'select user_id, title, number from tasks order by id',
      );
      expect(rows.map(({ title, number }) => [title, number])).toEqual([
        ['a1', 1],
        ['b1', 1],
        ['a3', 2],
        ['b2', 2],
      ]);
      const counters = await orm.em.execute<{ user_id: string; last_number: number }[]>(
        'select user_id, last_number from task_number_counters order by last_number, user_id',
      );
      expect(new Map(counters.map((row) => [row.user_id, row.last_number]))).toEqual(
        new Map([
          [a, 2],
          [b, 2],
        ]),
      );
    } finally {
      await orm.close();
      await scratch.drop();
    }
  });
});
