import { afterAll, describe, expect, test } from '@jest/globals';
import { LIMITS } from '../src/contracts.js';
import type { TaskView } from '../src/tasks/task.view.js';
import { type TestUser, useApi } from './support/harness.js';
import { connectMcp, type McpSession } from './support/mcp-client.js';

const h = useApi();
const sessions: McpSession[] = [];
afterAll(async () => {
  await Promise.all(sessions.map((session) => session.close()));
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const ids = (tasks: TaskView[]) => tasks.map((task) => task.id);

async function missedIds(user: TestUser): Promise<number[]> {
  return ids((await h.get(user, '/api/reminders/missed').expect(200)).body);
}

/** A task whose reminder is due and was shown (acknowledged), as the web does it. */
async function shownReminder(user: TestUser, title: string, body: object = {}): Promise<TaskView> {
  const task = (await h.post(user, '/api/tasks', { title, remind_at: minutesAgo(1), ...body }).expect(201)).body;
  await h.post(user, '/api/reminders/ack', { task_ids: [task.id] }).expect(200, { acknowledged: 1 });
  return task;
}

describe('missed reminders: shown and not dismissed', () => {
  test('a shown reminder is listed as missed, newest first, until dismissed; reading changes nothing', async () => {
    const user = await h.newUser();
    const older = await shownReminder(user, 'Pay rent', { remind_at: minutesAgo(30) });
    const newer = await shownReminder(user, 'Call mum', { remind_at: minutesAgo(5) });
    const unshown = (await h.post(user, '/api/tasks', { title: 'Not shown yet', remind_at: minutesAgo(1) })).body;

    // A prefetch, a retry or a second browser: every read sees the same list, none consumes it.
    const [first, second] = await Promise.all([
      h.get(user, '/api/reminders/missed').expect(200),
      h.get(user, '/api/reminders/missed').expect(200),
    ]);
    expect(ids(first.body)).toEqual([newer.id, older.id]);
    expect(second.body).toEqual(first.body);
    expect(first.body[0].reminder_dismissed_at).toBeNull();
    expect(ids((await h.get(user, '/api/reminders/due').expect(200)).body)).toEqual([unshown.id]);

    await h.post(user, '/api/reminders/dismiss', { task_ids: [newer.id] }).expect(200, { dismissed: 1 });
    expect(await missedIds(user)).toEqual([older.id]);
    expect((await h.get(user, `/api/tasks/${newer.id}`).expect(200)).body.reminder_dismissed_at).not.toBeNull();
    await h.post(user, '/api/reminders/dismiss', { task_ids: [newer.id] }).expect(200, { dismissed: 0 });
    // A reminder not shown yet cannot be dismissed: it is still to come.
    await h.post(user, '/api/reminders/dismiss', { task_ids: [unshown.id] }).expect(200, { dismissed: 0 });
    expect(ids((await h.get(user, '/api/reminders/due').expect(200)).body)).toEqual([unshown.id]);
  });

  test("another user's task ids are ignored when dismissing and never listed", async () => {
    const user = await h.newUser();
    const other = await h.newUser();
    const mine = await shownReminder(user, 'Mine');
    const theirs = await shownReminder(other, 'Theirs');

    expect(await missedIds(user)).toEqual([mine.id]);
    await h.post(user, '/api/reminders/dismiss', { task_ids: [theirs.id, mine.id] }).expect(200, { dismissed: 1 });
    expect(await missedIds(user)).toEqual([]);
    expect(await missedIds(other)).toEqual([theirs.id]);
  });

  test('re-arming a reminder clears it: it fires again and is missed again once shown', async () => {
    const user = await h.newUser();
    const task = await shownReminder(user, 'Stretch');
    await h.post(user, '/api/reminders/dismiss', { task_ids: [task.id] }).expect(200, { dismissed: 1 });

    const rearmed = (await h.patch(user, `/api/tasks/${task.id}`, { remind_at: minutesAgo(0.5) }).expect(200)).body;
    expect(rearmed.task).toMatchObject({ reminded_at: null, reminder_dismissed_at: null });
    expect(ids((await h.get(user, '/api/reminders/due').expect(200)).body)).toEqual([task.id]);
    expect(await missedIds(user)).toEqual([]);
    await h.post(user, '/api/reminders/ack', { task_ids: [task.id] }).expect(200, { acknowledged: 1 });
    expect(await missedIds(user)).toEqual([task.id]);
  });

  test("a recurring task's next occurrence starts with its reminder armed", async () => {
    const user = await h.newUser();
    const task = await shownReminder(user, 'Water plants', {
      due_at: minutesAgo(-60),
      recurrence: { frequency: 'daily', interval: 1 },
    });
    await h.post(user, '/api/reminders/dismiss', { task_ids: [task.id] }).expect(200, { dismissed: 1 });

    const done = (await h.post(user, `/api/tasks/${task.id}/complete`).expect(200)).body;
    expect(done.next_task).toMatchObject({ reminded_at: null, reminder_dismissed_at: null });
    expect(new Date(done.next_task.remind_at).getTime()).toBeGreaterThan(Date.now());
  });

  test('completing or deleting a task drops it from the missed list', async () => {
    const user = await h.newUser();
    const completed = await shownReminder(user, 'Done soon');
    const deleted = await shownReminder(user, 'Gone soon');
    const kept = await shownReminder(user, 'Still missed');

    await h.post(user, `/api/tasks/${completed.id}/complete`).expect(200);
    await h.del(user, `/api/tasks/${deleted.id}`).expect(204);
    expect(await missedIds(user)).toEqual([kept.id]);
  });

  test('undoing a delete or a re-arm puts the reminder back as it was: dismissed stays dismissed', async () => {
    const user = await h.newUser();
    const mcp = await connectMcp(h.api.url, user);
    sessions.push(mcp);
    const task = await shownReminder(user, 'Renew insurance');
    await h.post(user, '/api/reminders/dismiss', { task_ids: [task.id] }).expect(200, { dismissed: 1 });
    const dismissed = (await h.get(user, `/api/tasks/${task.id}`).expect(200)).body as TaskView;

    await mcp.call('update_task', { number: task.number, remind_at: minutesAgo(-60) });
    await mcp.call('undo_last_change');
    await mcp.call('delete_task', { number: task.number });
    await mcp.call('undo_last_change');

    const restored = (await h.get(user, '/api/tasks?status=all').expect(200)).body as TaskView[];
    expect(restored).toMatchObject([
      {
        number: task.number,
        remind_at: dismissed.remind_at,
        reminded_at: dismissed.reminded_at,
        reminder_dismissed_at: dismissed.reminder_dismissed_at,
      },
    ]);
    expect(await missedIds(user)).toEqual([]);
  });

  test('a dismiss with bad or too many task ids is a 400 naming the field', async () => {
    const user = await h.newUser();
    const bad = await h.post(user, '/api/reminders/dismiss', { task_ids: ['x'] }).expect(400);
    expect(bad.body.message).toMatch(/^task_ids\.0: /);
    await h
      .post(user, '/api/reminders/dismiss', {})
      .expect(400, { statusCode: 400, error: 'Bad Request', message: 'task_ids is required' });
    await h.post(user, '/api/reminders/dismiss', { task_ids: [99999999999] }).expect(400);
    const tooMany = Array.from({ length: LIMITS.reminderAckIds + 1 }, (_, index) => index + 1);
    await h.post(user, '/api/reminders/dismiss', { task_ids: tooMany }).expect(400);
  });
});
