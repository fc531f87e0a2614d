import { describe, expect, test } from '@jest/globals';
import { parseIntent, type Intent } from '../src/agent/offline/intent-parser.js';
import { runOfflineTurn } from '../src/agent/offline/offline-engine.js';
import { ToolCallError, type ToolCaller } from '../src/mcp/tool-contract.js';
import type { TaskView } from '../src/tasks/task.view.js';

/** Tuesday 24 November 2026, 10:00 UTC. */
const NOW = new Date('2026-11-24T10:00:00Z');
const parse = (message: string, timeZone = 'UTC'): Intent => parseIntent(message, NOW, timeZone);

describe('Phase III example phrases', () => {
  test.each<[string, Intent]>([
    ['Add a task to buy groceries', { kind: 'add', fields: { title: 'Buy groceries' } }],
    ['Show me all my tasks', { kind: 'list', filters: { status: 'all' } }],
    ["What's pending?", { kind: 'list', filters: { status: 'pending' } }],
    ['Mark task 3 as complete', { kind: 'complete', target: { id: 3 }, completed: true }],
    ['Delete the meeting task', { kind: 'delete', target: { text: 'meeting' } }],
    [
      "Change task 1 to 'Call mom tonight'",
      { kind: 'update', target: { id: 1 }, changes: { title: 'Call mom tonight' } },
    ],
    ['I need to remember to pay bills', { kind: 'add', fields: { title: 'Pay bills' } }],
    ['What have I completed?', { kind: 'list', filters: { status: 'completed' } }],
  ])('%s', (message, intent) => {
    expect(parse(message)).toEqual(intent);
  });
});

describe('adding tasks', () => {
  test.each<[string, Intent]>([
    [
      'add a task to buy milk tomorrow with high priority',
      { kind: 'add', fields: { title: 'Buy milk', priority: 'high', due_at: '2026-11-25T09:00:00.000Z' } },
    ],
    [
      'Add call the dentist tomorrow at 5pm',
      { kind: 'add', fields: { title: 'Call the dentist', due_at: '2026-11-25T17:00:00.000Z' } },
    ],
    [
      'add water plants every Monday',
      {
        kind: 'add',
        fields: {
          title: 'Water plants',
          recurrence: { frequency: 'weekly', interval: 1 },
          due_at: '2026-11-30T09:00:00.000Z',
        },
      },
    ],
    [
      'add standup every day at 9am',
      {
        kind: 'add',
        fields: {
          title: 'Standup',
          recurrence: { frequency: 'daily', interval: 1 },
          due_at: '2026-11-25T09:00:00.000Z',
        },
      },
    ],
    [
      'add standup daily',
      { kind: 'add', fields: { title: 'Standup', recurrence: { frequency: 'daily', interval: 1 } } },
    ],
    [
      'add team sync every 2 weeks',
      { kind: 'add', fields: { title: 'Team sync', recurrence: { frequency: 'weekly', interval: 2 } } },
    ],
    [
      'add pay rent monthly',
      { kind: 'add', fields: { title: 'Pay rent', recurrence: { frequency: 'monthly', interval: 1 } } },
    ],
    [
      'remind me to call John at 3pm tomorrow',
      {
        kind: 'add',
        fields: { title: 'Call John', due_at: '2026-11-25T15:00:00.000Z', remind_at: '2026-11-25T15:00:00.000Z' },
      },
    ],
    [
      'add a task to buy milk with reminder tomorrow at 8am',
      { kind: 'add', fields: { title: 'Buy milk', remind_at: '2026-11-25T08:00:00.000Z' } },
    ],
    ['add review report #work #urgent', { kind: 'add', fields: { title: 'Review report', tags: ['work', 'urgent'] } }],
    ['add review report tagged work', { kind: 'add', fields: { title: 'Review report', tags: ['work'] } }],
    ['make dinner reservations', { kind: 'add', fields: { title: 'Make dinner reservations' } }],
    ['add "Read 1984 by Friday" to my list', { kind: 'add', fields: { title: 'Read 1984 by Friday' } }],
  ])('%s', (message, intent) => {
    expect(parse(message)).toEqual(intent);
  });
});

describe('listing, filtering and sorting', () => {
  test.each<[string, Intent]>([
    ['show high priority tasks', { kind: 'list', filters: { priority: 'high' } }],
    ['show tasks tagged work', { kind: 'list', filters: { tag: 'work' } }],
    ['search for milk', { kind: 'list', filters: { search: 'milk' } }],
    ['find tasks about milk', { kind: 'list', filters: { search: 'milk' } }],
    ['sort my tasks by due date', { kind: 'list', filters: { sort_by: 'due_at', order: 'asc' } }],
    ['show tasks sorted by priority', { kind: 'list', filters: { sort_by: 'priority', order: 'desc' } }],
    ["what's due this week?", { kind: 'list', filters: { status: 'pending', due_before: '2026-11-29T23:59:59.999Z' } }],
    ['show overdue tasks', { kind: 'list', filters: { status: 'pending', due_before: NOW.toISOString() } }],
    ['list the tasks of user abc123', { kind: 'list', filters: {} }],
    ['show top 5 tasks by priority', { kind: 'list', filters: { sort_by: 'priority', order: 'desc', limit: 5 } }],
    [
      'show tasks due by friday',
      { kind: 'list', filters: { status: 'pending', due_before: '2026-11-27T23:59:59.999Z' } },
    ],
  ])('%s', (message, intent) => {
    expect(parse(message)).toEqual(intent);
  });
});

describe('completing, deleting and updating', () => {
  test.each<[string, Intent]>([
    ['uncomplete task 4', { kind: 'complete', target: { id: 4 }, completed: false }],
    ['mark task 4 as not done', { kind: 'complete', target: { id: 4 }, completed: false }],
    ['complete the groceries task', { kind: 'complete', target: { text: 'groceries' }, completed: true }],
    ['delete task 9', { kind: 'delete', target: { id: 9 } }],
    ['set task 2 priority to high', { kind: 'update', target: { id: 2 }, changes: { priority: 'high' } }],
    ['rename task 2 to Buy bread', { kind: 'update', target: { id: 2 }, changes: { title: 'Buy bread' } }],
    ['move task 5 to friday', { kind: 'update', target: { id: 5 }, changes: { due_at: '2026-11-27T09:00:00.000Z' } }],
    [
      'change the meeting task to tomorrow',
      { kind: 'update', target: { text: 'meeting' }, changes: { due_at: '2026-11-25T09:00:00.000Z' } },
    ],
    [
      'task 5 is due next friday',
      { kind: 'update', target: { id: 5 }, changes: { due_at: '2026-12-04T09:00:00.000Z' } },
    ],
  ])('%s', (message, intent) => {
    expect(parse(message)).toEqual(intent);
  });
});

describe('conversation', () => {
  test('a greeting is recognised', () => {
    expect(parse('hello')).toEqual({ kind: 'greeting' });
  });

  test('asking for help', () => {
    expect(parse('what can you do?')).toEqual({ kind: 'help', understood: true });
  });

  test('thanks', () => {
    expect(parse('thank you!')).toEqual({ kind: 'thanks' });
  });

  test('gibberish gets the help answer', () => {
    expect(parse('blorp zzkx qwerty')).toEqual({ kind: 'help', understood: false });
  });
});

describe('time zones', () => {
  test('"tomorrow at 5pm" is 17:00 in the user\'s zone', () => {
    expect(parse('Add call the dentist tomorrow at 5pm', 'Europe/Berlin')).toEqual({
      kind: 'add',
      fields: { title: 'Call the dentist', due_at: '2026-11-25T16:00:00.000Z' },
    });
  });

  test("a date after a daylight-saving change gets that date's offset", () => {
    expect(parse('add file taxes on April 15 at 10am', 'Europe/Berlin')).toEqual({
      kind: 'add',
      fields: { title: 'File taxes', due_at: '2027-04-15T08:00:00.000Z' },
    });
  });

  test('a date-only mention means 09:00 local time', () => {
    expect(parse('add buy milk tomorrow', 'America/New_York')).toEqual({
      kind: 'add',
      fields: { title: 'Buy milk', due_at: '2026-11-25T14:00:00.000Z' },
    });
  });
});

describe('offline engine replies', () => {
  const task = (id: number, title: string, extra: Partial<TaskView> = {}): TaskView => ({
    id,
    title,
    description: null,
    completed: false,
    completed_at: null,
    priority: 'medium',
    tags: [],
    due_at: null,
    remind_at: null,
    reminded_at: null,
    recurrence: null,
    series_id: null,
    created_at: NOW.toISOString(),
    updated_at: NOW.toISOString(),
    ...extra,
  });

  /** Records tool calls and answers list_tasks with `listed`; other tools echo a result for task 7. */
  function fakeTools(listed: TaskView[] = []) {
    const calls: [string, Record<string, unknown>][] = [];
    const call = async (name: string, args: Record<string, unknown>) => {
      calls.push([name, args]);
      if (name === 'list_tasks') return { tasks: listed, count: listed.length };
      if (args.task_id === 42) throw new ToolCallError('task 42 not found');
      const view = task(Number(args.task_id ?? 7), String(args.title ?? 'Buy milk'), {
        priority: 'high',
        due_at: '2026-11-25T09:00:00.000Z',
      });
      return { task_id: view.id, status: 'created', title: view.title, task: view };
    };
    return { calls, tools: { call } as unknown as ToolCaller };
  }
  const run = (message: string, tools: ToolCaller) => runOfflineTurn(message, tools, { now: NOW, timeZone: 'UTC' });

  test('adding states what was created', async () => {
    const { calls, tools } = fakeTools();
    const reply = await run('add a task to buy milk tomorrow with high priority', tools);
    expect(calls).toEqual([['add_task', { title: 'Buy milk', priority: 'high', due_at: '2026-11-25T09:00:00.000Z' }]]);
    expect(reply).toBe('Added task 7: "Buy milk" (high priority, due Wed 25 Nov 09:00).');
  });

  test('an empty pending list says so', async () => {
    expect(await run("What's pending?", fakeTools().tools)).toBe('You have no pending tasks.');
  });

  test('tasks are listed one per line', async () => {
    const reply = await run(
      'show my tasks',
      fakeTools([task(3, 'Buy milk', { priority: 'high', tags: ['home'] })]).tools,
    );
    expect(reply).toBe('Here is 1 task:\n#3 [ ] Buy milk — high — #home');
  });

  test('a text reference matching one task acts on it', async () => {
    const { calls, tools } = fakeTools([task(5, 'Buy groceries')]);
    await run('complete the groceries task', tools);
    expect(calls).toEqual([
      ['list_tasks', { search: 'groceries', status: 'pending' }],
      ['complete_task', { task_id: 5, completed: true }],
    ]);
  });

  test('an ambiguous text reference asks which task and does nothing', async () => {
    const { calls, tools } = fakeTools([task(5, 'Team meeting'), task(6, 'Meeting notes')]);
    const reply = await run('Delete the meeting task', tools);
    expect(calls).toHaveLength(1);
    expect(reply).toContain('#5');
    expect(reply).toContain('#6');
    expect(reply).toContain('Which one?');
  });

  test('no match says so', async () => {
    const reply = await run('delete the dentist task', fakeTools().tools);
    expect(reply).toBe('I couldn\'t find a task matching "dentist".');
  });

  test('a tool error is shown plainly', async () => {
    expect(await run('delete task 42', fakeTools().tools)).toBe("Sorry, I couldn't do that: task 42 not found");
  });

  test('unknown input gets help mentioning offline mode', async () => {
    const reply = await run('blorp zzkx', fakeTools().tools);
    expect(reply).toContain("didn't understand");
    expect(reply).toContain('offline mode');
  });
});
