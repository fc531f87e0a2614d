import { describe, expect, test } from '@jest/globals';
import type { TaskView } from '../src/tasks/task.view.js';
import { conversation } from './support/chat.js';
import { useApi, type TestUser } from './support/harness.js';

const h = useApi();

async function tasksOf(user: TestUser, query = ''): Promise<TaskView[]> {
  return (await h.get(user, `/api/tasks?sort_by=created_at${query}`).expect(200)).body;
}

/** The next calendar day in UTC at hh:mm, as the API returns it. */
function tomorrowAt(hours: number, minutes = 0): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + 1);
  date.setUTCHours(hours, minutes, 0, 0);
  return date.toISOString();
}

describe('offline engine: the Phase III phrases change the task table as they mean', () => {
  test('add, list, pending, complete, delete, change, remember, completed', async () => {
    const user = await h.newUser();
    const chat = conversation(h, user);

    const added = await chat.say('Add a task to buy groceries');
    expect(added.tool_calls.map((call) => call.name)).toEqual(['add_task']);
    const [groceries] = await tasksOf(user);
    expect(groceries).toMatchObject({ number: 1, title: 'buy groceries', completed: false });
    expect(added.response).toContain('**#1** buy groceries');

    await chat.say('Add a task to prepare the team meeting');
    await chat.say('I need to remember to pay bills');
    expect((await tasksOf(user)).map((task) => task.title)).toEqual([
      'buy groceries',
      'prepare the team meeting',
      'pay bills',
    ]);

    const all = await chat.say('Show me all my tasks');
    for (const title of ['buy groceries', 'prepare the team meeting', 'pay bills'])
      expect(all.response).toContain(title);

    const done = await chat.say('Mark task 1 as complete');
    expect(done.tool_calls.at(-1)).toMatchObject({
      name: 'complete_task',
      arguments: { number: 1, completed: true },
      is_error: false,
    });
    expect((await tasksOf(user, '&status=completed')).map((task) => task.id)).toEqual([groceries!.id]);

    const pending = await chat.say("What's pending?");
    expect(pending.response).toContain('pay bills');
    expect(pending.response).not.toContain('buy groceries');

    const completed = await chat.say('What have I completed?');
    expect(completed.response).toContain('buy groceries');
    expect(completed.response).not.toContain('pay bills');

    await chat.say('Delete the meeting task');
    expect((await tasksOf(user)).map((task) => task.title)).toEqual(['buy groceries', 'pay bills']);

    const [, bills] = await tasksOf(user);
    await chat.say(`Change task ${bills!.number} to 'Call mom tonight'`);
    expect((await h.get(user, `/api/tasks/${bills!.id}`).expect(200)).body.title).toBe('Call mom tonight');
  });
});

describe('offline engine: priorities, tags, dates, reminders, recurrence, search and sort', () => {
  test('priority and due date in one phrase', async () => {
    const user = await h.newUser();
    await conversation(h, user).say('add a task to buy milk tomorrow with high priority');
    expect(await tasksOf(user)).toEqual([
      expect.objectContaining({ title: 'buy milk', priority: 'high', due_at: tomorrowAt(9) }),
    ]);
  });

  test('"tomorrow at 5pm" is 5pm in the user\'s time zone', async () => {
    const user = await h.newUser();
    await conversation(h, user, 'UTC').say('Add call the dentist tomorrow at 5pm');
    expect((await tasksOf(user))[0]).toMatchObject({ title: 'call the dentist', due_at: tomorrowAt(17) });
  });

  test('tags, and a list filtered by tag', async () => {
    const user = await h.newUser();
    const chat = conversation(h, user);
    await chat.say('add review report #work #urgent');
    await chat.say('add buy flowers');
    expect((await tasksOf(user))[0]).toMatchObject({ title: 'review report', tags: ['work', 'urgent'] });
    const tagged = await chat.say('show tasks tagged work');
    expect(tagged.tool_calls[0]).toMatchObject({
      name: 'list_tasks',
      arguments: expect.objectContaining({ tag: 'work' }),
    });
    expect(tagged.response).toContain('review report');
    expect(tagged.response).not.toContain('buy flowers');
  });

  test('"remind me … at 3pm tomorrow" sets the reminder and the due time', async () => {
    const user = await h.newUser();
    await conversation(h, user).say('remind me to call John at 3pm tomorrow');
    const [task] = await tasksOf(user);
    expect(task).toMatchObject({ title: 'call John', remind_at: tomorrowAt(15), due_at: tomorrowAt(15) });
  });

  test('"every Monday" makes a weekly task whose completion schedules the next Monday', async () => {
    const user = await h.newUser();
    const chat = conversation(h, user);
    await chat.say('add water plants every Monday');
    const [task] = await tasksOf(user);
    expect(task).toMatchObject({ title: 'water plants', recurrence: { frequency: 'weekly', interval: 1 } });
    expect(new Date(task!.due_at!).getUTCDay()).toBe(1);
    await chat.say(`complete task ${task!.number}`);
    const [next] = await tasksOf(user, '&status=pending');
    expect(Date.parse(next!.due_at!) - Date.parse(task!.due_at!)).toBe(7 * 24 * 3600 * 1000);
  });

  test('priority changes, search and sort', async () => {
    const user = await h.newUser();
    const chat = conversation(h, user);
    await chat.say('add buy milk');
    await chat.say('add write report');
    const [milk, report] = await tasksOf(user);
    await chat.say(`set task ${report!.number} priority to high`);
    expect((await h.get(user, `/api/tasks/${report!.id}`).expect(200)).body.priority).toBe('high');

    const search = await chat.say('search for milk');
    expect(search.tool_calls[0]).toMatchObject({
      name: 'list_tasks',
      arguments: expect.objectContaining({ search: 'milk' }),
    });
    expect(search.tool_calls[0]!.result.tasks.map((t: TaskView) => t.id)).toEqual([milk!.id]);

    const sorted = await chat.say('show tasks sorted by priority');
    expect(sorted.tool_calls[0]!.result.tasks.map((t: TaskView) => t.id)).toEqual([report!.id, milk!.id]);
    expect(sorted.response.indexOf('write report')).toBeLessThan(sorted.response.indexOf('buy milk'));
  });

  test('an unknown task and a phrase it does not understand get helpful answers, and change nothing', async () => {
    const user = await h.newUser();
    const chat = conversation(h, user);
    const missing = await chat.say('Mark task 987654321 as complete');
    expect(missing.response).toContain('You have no task 987654321.');
    expect(missing.tool_calls.find((call) => call.name === 'complete_task')).toMatchObject({ is_error: true });
    const gibberish = await chat.say('blorp zazzle');
    expect(gibberish.response).toMatch(/offline mode/i);
    expect(await tasksOf(user)).toEqual([]);
  });
});
