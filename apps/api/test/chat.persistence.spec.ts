import { describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { MessageView } from '../src/chat/chat.view.js';
import type { TaskView } from '../src/tasks/task.view.js';
import { conversation } from './support/chat.js';
import { failInsertsContaining } from './support/failures.js';
import { useApi } from './support/harness.js';

const h = useApi();

describe('a conversation and its first message are written together', () => {
  test('when the first message cannot be stored, no conversation is left behind', async () => {
    const { marker } = await failInsertsContaining('messages', 'content');
    const user = await h.newUser();
    await h
      .post(user, '/api/chat', { message: `add a task to ${marker}`, client_message_id: randomUUID() })
      .expect(500);
    await h.get(user, '/api/conversations').expect(200, []);
  });
});

describe('Idempotency-Key on POST /api/tasks', () => {
  test('a retry with the same key gets the first response and creates nothing', async () => {
    const user = await h.newUser();
    const key = randomUUID();
    const first = await h.post(user, '/api/tasks', { title: 'Pay rent' }).set('idempotency-key', key).expect(201);
    const retry = await h.post(user, '/api/tasks', { title: 'Pay rent' }).set('idempotency-key', key).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const tasks = (await h.get(user, '/api/tasks').expect(200)).body as TaskView[];
    expect(tasks.map((task) => task.id)).toEqual([first.body.id]);
  });

  test('concurrent retries create one task, and all get it', async () => {
    const user = await h.newUser();
    const key = randomUUID();
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => h.post(user, '/api/tasks', { title: 'Once' }).set('idempotency-key', key)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect((await h.get(user, '/api/tasks').expect(200)).body).toHaveLength(1);
  });

  test('keys are per user; without a key every POST creates; a reused key with another body is refused', async () => {
    const alice = await h.newUser();
    const bob = await h.newUser();
    const key = 'shared-key-1';
    const a = (await h.post(alice, '/api/tasks', { title: 'A' }).set('idempotency-key', key).expect(201)).body;
    const b = (await h.post(bob, '/api/tasks', { title: 'A' }).set('idempotency-key', key).expect(201)).body;
    expect(b.id).not.toBe(a.id);
    const other = await h.post(alice, '/api/tasks', { title: 'B' }).set('idempotency-key', key).expect(422);
    expect(other.body.message).toBe(
      'Idempotency-Key was already used for a different task: send a new key for a new task',
    );
    await h.post(alice, '/api/tasks', { title: 'A' }).expect(201);
    await h.post(alice, '/api/tasks', { title: 'A' }).expect(201);
    expect((await h.get(alice, '/api/tasks').expect(200)).body).toHaveLength(3);
  });

  test('a key over 200 characters is a 400 and creates nothing', async () => {
    const user = await h.newUser();
    await h.post(user, '/api/tasks', { title: 'x' }).set('idempotency-key', 'k'.repeat(201)).expect(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Idempotency-Key must be at most 200 characters',
    });
    await h.post(user, '/api/tasks', { title: 'x' }).set('idempotency-key', 'k'.repeat(200)).expect(201);
    expect((await h.get(user, '/api/tasks').expect(200)).body).toHaveLength(1);
  });
});

describe('messages are paged', () => {
  test('newest page first, oldest to newest within a page; before= pages back', async () => {
    const user = await h.newUser();
    const chat = conversation(h, user);
    for (const word of ['one', 'two', 'three']) await chat.say(`add a task to ${word}`);
    const path = `/api/conversations/${chat.id}/messages`;
    const all = (await h.get(user, path).expect(200)).body as MessageView[];
    expect(all.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);

    const newest = (await h.get(user, `${path}?limit=2`).expect(200)).body as MessageView[];
    expect(newest).toEqual(all.slice(4));
    const older = (await h.get(user, `${path}?limit=2&before=${newest[0]!.id}`).expect(200)).body as MessageView[];
    expect(older).toEqual(all.slice(2, 4));
    const oldest = (await h.get(user, `${path}?limit=3&before=${older[0]!.id}`).expect(200)).body as MessageView[];
    expect(oldest).toEqual(all.slice(0, 2));
    await h.get(user, `${path}?before=${oldest[0]!.id}`).expect(200, []);
  });

  test.each([
    ['limit=0', 'limit: limit must be a whole number from 1 to 200'],
    ['limit=201', 'limit: limit must be a whole number from 1 to 200'],
    ['limit=abc', 'limit: limit must be a whole number from 1 to 200'],
    ['before=-1', 'before: before must be a message id (a positive whole number)'],
    ['before=x', 'before: before must be a message id (a positive whole number)'],
    ['page=2', 'unknown field: page'],
  ])('%s is a 400 with a sentence', async (query, message) => {
    const user = await h.newUser();
    const chat = conversation(h, user);
    await chat.say('hello');
    await h
      .get(user, `/api/conversations/${chat.id}/messages?${query}`)
      .expect(400, { statusCode: 400, error: 'Bad Request', message });
  });
});
