import { describe, expect, test } from '@jest/globals';
import request from 'supertest';
import type { TaskView } from '../src/tasks/task.view.js';
import { useApi } from './support/harness.js';

const h = useApi();

describe('tasks over REST', () => {
  test('add, get, list, update, complete, uncomplete and delete a task', async () => {
    const user = await h.newUser();
    const created = await h
      .post(user, '/api/tasks', { title: 'Buy milk', priority: 'high', tags: ['Home', '#errands'] })
      .expect(201);
    const task = created.body as TaskView;
    expect(task).toMatchObject({
      number: 1,
      title: 'Buy milk',
      priority: 'high',
      tags: ['home', 'errands'],
      completed: false,
    });

    await h.get(user, `/api/tasks/${task.id}`).expect(200, task);
    const listed = await h.get(user, '/api/tasks').expect(200);
    expect(listed.body.map((t: TaskView) => t.id)).toEqual([task.id]);

    const updated = await h
      .patch(user, `/api/tasks/${task.id}`, { title: 'Buy oat milk', description: '2 litres' })
      .expect(200);
    expect(updated.body.task).toMatchObject({ title: 'Buy oat milk', description: '2 litres' });
    const retagged = await h
      .patch(user, `/api/tasks/${task.id}`, { add_tags: ['dairy', 'home'], remove_tags: ['errands'] })
      .expect(200);
    expect(retagged.body.task).toMatchObject({ id: task.id, number: 1, tags: ['home', 'dairy'] });
    const tooMany = Array.from({ length: 20 }, (_, index) => `tag${index}`);
    await h
      .patch(user, `/api/tasks/${task.id}`, { add_tags: tooMany })
      .expect(400, { statusCode: 400, error: 'Bad Request', message: 'A task can have at most 20 tags.' });

    const done = await h.post(user, `/api/tasks/${task.id}/complete`).expect(200);
    expect(done.body.task.completed).toBe(true);
    expect(done.body.task.completed_at).not.toBeNull();
    const undone = await h.post(user, `/api/tasks/${task.id}/complete`, { completed: false }).expect(200);
    expect(undone.body.task).toMatchObject({ completed: false, completed_at: null });

    await h.del(user, `/api/tasks/${task.id}`).expect(204);
    await h
      .get(user, `/api/tasks/${task.id}`)
      .expect(404, { statusCode: 404, error: 'Not Found', message: `task ${task.id} not found` });
  });

  test('search, filter by status, priority, tag and due range', async () => {
    const user = await h.newUser();
    const add = async (body: object) => (await h.post(user, '/api/tasks', body).expect(201)).body as TaskView;
    const milk = await add({ title: 'Buy milk', priority: 'low', tags: ['shopping'], due_at: '2026-12-01T10:00:00Z' });
    const report = await add({
      title: 'Write report',
      description: 'quarterly numbers',
      priority: 'high',
      tags: ['work'],
      due_at: '2026-12-05T10:00:00Z',
    });
    const call = await add({ title: 'Call mom', priority: 'medium' });
    await h.post(user, `/api/tasks/${call.id}/complete`).expect(200);
    const ids = async (query: string) =>
      (await h.get(user, `/api/tasks?${query}`).expect(200)).body.map((t: TaskView) => t.id);

    expect(await ids('search=MILK')).toEqual([milk.id]);
    expect(await ids('search=quarterly')).toEqual([report.id]);
    expect(await ids('search=100%25')).toEqual([]);
    expect(await ids('status=completed')).toEqual([call.id]);
    expect(await ids('status=pending&sort_by=title')).toEqual([milk.id, report.id]);
    expect(await ids('priority=high')).toEqual([report.id]);
    expect(await ids('tag=work')).toEqual([report.id]);
    expect(await ids('due_after=2026-12-02T00:00:00Z')).toEqual([report.id]);
    expect(await ids('due_before=2026-12-02T00:00:00Z')).toEqual([milk.id]);
  });

  test('sort by due date, priority, title and creation', async () => {
    const user = await h.newUser();
    const add = async (body: object) => (await h.post(user, '/api/tasks', body).expect(201)).body.id as number;
    const b = await add({ title: 'b task', priority: 'low', due_at: '2026-12-03T00:00:00Z' });
    const a = await add({ title: 'A task', priority: 'high' });
    const c = await add({ title: 'c task', priority: 'medium', due_at: '2026-12-01T00:00:00Z' });
    const ids = async (query: string) =>
      (await h.get(user, `/api/tasks?${query}`).expect(200)).body.map((t: TaskView) => t.id);

    expect(await ids('sort_by=due_at')).toEqual([c, b, a]);
    expect(await ids('sort_by=due_at&order=desc')).toEqual([b, c, a]);
    expect(await ids('sort_by=priority')).toEqual([a, c, b]);
    expect(await ids('sort_by=priority&order=asc')).toEqual([b, c, a]);
    expect(await ids('sort_by=title')).toEqual([a, b, c]);
    expect(await ids('sort_by=created_at')).toEqual([b, a, c]);
    expect(await ids('sort_by=created_at&order=desc')).toEqual([c, a, b]);
  });

  test('completing a recurring task creates its next occurrence once', async () => {
    const user = await h.newUser();
    const task = (
      await h
        .post(user, '/api/tasks', {
          title: 'Water plants',
          due_at: '2026-01-31T09:00:00Z',
          remind_at: '2026-01-31T08:00:00Z',
          recurrence: { frequency: 'monthly', interval: 1 },
        })
        .expect(201)
    ).body as TaskView;
    expect(task.series_id).toMatch(/^[0-9a-f-]{36}$/);

    const done = await h.post(user, `/api/tasks/${task.id}/complete`).expect(200);
    const next = done.body.next_task as TaskView;
    expect(next).toMatchObject({
      title: 'Water plants',
      completed: false,
      due_at: '2026-02-28T09:00:00.000Z',
      remind_at: '2026-02-28T08:00:00.000Z',
      recurrence: { frequency: 'monthly', interval: 1 },
      series_id: task.series_id,
    });
    const again = await h.post(user, `/api/tasks/${task.id}/complete`).expect(200);
    expect(again.body.next_task).toBeNull();
    const pending = await h.get(user, '/api/tasks?status=pending').expect(200);
    expect(pending.body.map((t: TaskView) => t.id)).toEqual([next.id]);
  });

  test('weekly and daily recurrences step by their interval', async () => {
    const user = await h.newUser();
    const nextDue = async (recurrence: object) => {
      const task = (
        await h.post(user, '/api/tasks', { title: 'Repeat', due_at: '2026-11-30T09:00:00Z', recurrence }).expect(201)
      ).body;
      return (await h.post(user, `/api/tasks/${task.id}/complete`).expect(200)).body.next_task.due_at;
    };
    expect(await nextDue({ frequency: 'weekly', interval: 2 })).toBe('2026-12-14T09:00:00.000Z');
    expect(await nextDue({ frequency: 'daily' })).toBe('2026-12-01T09:00:00.000Z');
    expect(await nextDue({ frequency: 'yearly' })).toBe('2027-11-30T09:00:00.000Z');
  });

  test('due reminders stay due until acknowledged: GET changes nothing, POST /api/reminders/ack marks them', async () => {
    const user = await h.newUser();
    const other = await h.newUser();
    const past = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const due = (await h.post(user, '/api/tasks', { title: 'Pay bills', remind_at: past }).expect(201)).body;
    await h.post(user, '/api/tasks', { title: 'Later', remind_at: future }).expect(201);
    const othersTask = (await h.post(other, '/api/tasks', { title: 'Not yours', remind_at: past }).expect(201)).body;

    // A prefetch, a retry or a second tab: every read sees the reminder, none consumes it.
    const [first, second] = await Promise.all([h.get(user, '/api/reminders/due'), h.get(user, '/api/reminders/due')]);
    expect(first.body.map((t: TaskView) => t.id)).toEqual([due.id]);
    expect(second.body.map((t: TaskView) => t.id)).toEqual([due.id]);
    expect(first.body[0].reminded_at).toBeNull();

    await h.post(user, '/api/reminders/ack', { task_ids: [due.id, othersTask.id] }).expect(200, { acknowledged: 1 });
    await h.get(user, '/api/reminders/due').expect(200, []);
    expect((await h.get(user, `/api/tasks/${due.id}`).expect(200)).body.reminded_at).not.toBeNull();
    await h.post(user, '/api/reminders/ack', { task_ids: [due.id] }).expect(200, { acknowledged: 0 });
    // The other user's reminder was not touched by the first user's ack.
    expect((await h.get(other, '/api/reminders/due').expect(200)).body.map((t: TaskView) => t.id)).toEqual([
      othersTask.id,
    ]);
  });

  test('an ack with bad task ids is a 400 naming the field', async () => {
    const user = await h.newUser();
    const bad = await h.post(user, '/api/reminders/ack', { task_ids: ['x'] }).expect(400);
    expect(bad.body.message).toMatch(/^task_ids\.0: /);
    await h
      .post(user, '/api/reminders/ack', {})
      .expect(400, { statusCode: 400, error: 'Bad Request', message: 'task_ids is required' });
  });
});

describe('bad input', () => {
  test.each([
    ['a missing title', {}, 'title is required'],
    ['a title of the wrong type', { title: 42 }, 'title: Invalid input: expected string, received number'],
    ['an empty title', { title: '   ' }, 'title: title must not be empty'],
    ['a title over 500 characters', { title: 'x'.repeat(501) }, 'title: title must be at most 500 characters'],
    [
      'an unknown priority',
      { title: 'x', priority: 'urgent' },
      'priority: Invalid option: expected one of "low"|"medium"|"high"',
    ],
    ['a due date that is not ISO-8601', { title: 'x', due_at: 'tomorrow' }, 'due_at: Invalid ISO datetime'],
    ['an unknown field', { title: 'x', owner: 'someone' }, 'unknown field: owner'],
  ])('%s is a 400 naming the field, and nothing is written', async (_case, body, message) => {
    const user = await h.newUser();
    await h.post(user, '/api/tasks', body).expect(400, { statusCode: 400, error: 'Bad Request', message });
    await h.get(user, '/api/tasks').expect(200, []);
  });

  test('malformed JSON is a 400', async () => {
    const user = await h.newUser();
    const response = await request(h.api.url)
      .post('/api/tasks')
      .set('authorization', `Bearer ${user.token}`)
      .set('content-type', 'application/json')
      .send('{"title": ');
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('request body is not valid JSON');
  });

  test('an unknown task is a 404, a non-numeric id a 400', async () => {
    const user = await h.newUser();
    await h.patch(user, '/api/tasks/999999999', { title: 'x' }).expect(404);
    await h.post(user, '/api/tasks/999999999/complete').expect(404);
    await h.del(user, '/api/tasks/999999999').expect(404);
    await h.get(user, '/api/tasks/abc').expect(400);
  });

  test('an update with no fields is a 400 and leaves the task as it was', async () => {
    const user = await h.newUser();
    const task = (await h.post(user, '/api/tasks', { title: 'Keep me' }).expect(201)).body;
    await h
      .patch(user, `/api/tasks/${task.id}`, {})
      .expect(400, { statusCode: 400, error: 'Bad Request', message: 'at least one field to update is required' });
    await h.patch(user, `/api/tasks/${task.id}`, { title: 'y'.repeat(501) }).expect(400);
    await h.get(user, `/api/tasks/${task.id}`).expect(200, task);
  });
});
