import { describe, expect, test } from '@jest/globals';
import type { TaskView } from '../src/tasks/task.view.js';
import { conversation } from './support/chat.js';
import { useApi } from './support/harness.js';

const h = useApi();

/**
 * The chat engines share one in-process MCP session; each call acts for the turn that makes it. Turns
 * of two users running at the same time must each add their tasks to their own list.
 */
describe('concurrent chat turns of two users', () => {
  test('each turn’s tool calls act for its own user', async () => {
    const users = [await h.newUser(), await h.newUser()] as const;
    const turns = users.flatMap((user, u) =>
      [1, 2, 3, 4].map((i) => conversation(h, user).say(`add a task to call plumber ${u}${i}`)),
    );
    await Promise.all(turns);
    for (const [u, user] of users.entries()) {
      const tasks = (await h.get(user, '/api/tasks').expect(200)).body as TaskView[];
      expect(tasks.map((task) => task.title).sort()).toEqual([1, 2, 3, 4].map((i) => `call plumber ${u}${i}`));
    }
  });
});
