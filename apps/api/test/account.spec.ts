import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import pg from 'pg';
import type { TaskView } from '../src/tasks/task.view.js';
import { conversation } from './support/chat.js';
import { type TestUser, useApi } from './support/harness.js';

// A rate limit, so chat turns leave stamps in chat_turn_stamps as well.
const h = useApi({ CHAT_RATE_LIMIT_PER_MINUTE: '100' });
const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
beforeAll(() => db.connect());
afterAll(() => db.end());

/** Every table of the api's schema that has a user_id column: the test finds them, so a new one is covered. */
async function userTables(): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    `select table_name from information_schema.columns
      where table_schema = current_schema() and column_name = 'user_id' order by table_name`,
  );
  return rows.map((row) => row.table_name);
}

/** How many rows of the user each of those tables holds. */
async function rowsOf(userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await userTables()) {
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from "${table}" where user_id = $1`, [
      userId,
    ]);
    counts[table] = rows[0]!.n;
  }
  return counts;
}

/** A user with a row in every table: tasks (one changed, one by Idempotency-Key), a conversation with messages. */
async function busyUser(): Promise<TestUser> {
  const user = await h.newUser();
  const task = (await h.post(user, '/api/tasks', { title: 'Pay rent' }).set('idempotency-key', 'rent').expect(201))
    .body as TaskView;
  await h.patch(user, `/api/tasks/${task.id}`, { title: 'Pay the rent' }).expect(200);
  await conversation(h, user).say('add a task to call the bank');
  return user;
}

describe('DELETE /api/account', () => {
  test('removes every row the user owns from every table, and no row of another user', async () => {
    const leaving = await busyUser();
    const staying = await busyUser();
    const tables = await userTables();
    expect(tables).toEqual(
      expect.arrayContaining([
        'chat_turn_stamps',
        'conversations',
        'idempotency_keys',
        'messages',
        'task_changes',
        'task_number_counters',
        'tasks',
      ]),
    );
    const leavingBefore = await rowsOf(leaving.id);
    for (const table of tables) expect([table, leavingBefore[table]]).not.toEqual([table, 0]);
    const stayingBefore = await rowsOf(staying.id);

    await h.del(leaving, '/api/account').expect(204);

    expect(await rowsOf(leaving.id)).toEqual(Object.fromEntries(tables.map((table) => [table, 0])));
    expect(await rowsOf(staying.id)).toEqual(stayingBefore);
    await h.get(leaving, '/api/tasks').expect(200, []);
    await h.get(leaving, '/api/conversations').expect(200, []);
  });

  test('a user with nothing stored gets a 204 too, and needs a token', async () => {
    await h.del(await h.newUser(), '/api/account').expect(204);
    const { default: request } = await import('supertest');
    await request(h.api.url).delete('/api/account').expect(401);
  });
});
