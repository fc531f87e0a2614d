import { describe, expect, test } from '@jest/globals';
import type { TaskView } from '../src/tasks/task.view.js';
import { startApi } from './support/api.js';
import { conversation } from './support/chat.js';
import { type TestUser, useApi } from './support/harness.js';

/**
 * What a conversation needs between turns lives in PostgreSQL, not in the api process: after a restart
 * (or on another replica) "undo" still reverts the conversation's last change, and the answer to the
 * engine's question still completes the request it asked about.
 */
const h = useApi();

async function restartApi(): Promise<void> {
  await h.api.close();
  h.api = await startApi(h.issuer);
}

async function titlesOf(user: TestUser): Promise<string[]> {
  const tasks = (await h.get(user, '/api/tasks?status=all').expect(200)).body as TaskView[];
  return tasks.map((task) => task.title);
}

describe('a conversation continues after the api restarts', () => {
  test('"undo" reverts the change made before the restart, once', async () => {
    const user = await h.newUser();
    const chat = conversation(h, user);
    await chat.say('add a task to buy milk');
    await chat.say('add a task to call mom');
    expect(await titlesOf(user)).toEqual(['buy milk', 'call mom']);

    await restartApi();
    const undone = await chat.say('undo');
    expect(undone.tool_calls).toEqual([expect.objectContaining({ name: 'undo_last_change', is_error: false })]);
    expect(await titlesOf(user)).toEqual(['buy milk']);

    // Another conversation of the same user has its own changes: nothing to undo there.
    const elsewhere = await conversation(h, user).say('undo');
    expect(elsewhere.tool_calls).toEqual([
      expect.objectContaining({
        name: 'undo_last_change',
        is_error: true,
        result: expect.stringMatching(/nothing to undo/),
      }),
    ]);
    expect(await titlesOf(user)).toEqual(['buy milk']);
  });

  test('the answer to a follow-up question asked before the restart completes the request', async () => {
    const user = await h.newUser();
    const chat = conversation(h, user);
    const question = await chat.say('add a task');
    expect(question.response).toContain('?');
    expect(question.tool_calls).toEqual([]);

    await restartApi();
    await chat.say('buy oat milk');
    expect(await titlesOf(user)).toEqual(['buy oat milk']);
  });
});
