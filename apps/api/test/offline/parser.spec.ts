import { describe, expect, test } from '@jest/globals';
import type { Command } from '../../src/agent/offline/commands.js';
import { NOW, one } from './parse-at.js';

describe('the Phase III example phrases', () => {
  test.each<[string, Command]>([
    ['Add a task to buy groceries', { kind: 'add', task: { title: 'buy groceries' } }],
    ['Show me all my tasks', { kind: 'list', filters: { status: 'all' } }],
    ["What's pending?", { kind: 'list', filters: { status: 'pending' } }],
    ['Mark task 3 as complete', { kind: 'complete', target: { number: 3 }, completed: true }],
    ['Delete the meeting task', { kind: 'delete', target: { words: 'meeting' } }],
    [
      "Change task 1 to 'Call mom tonight'",
      { kind: 'update', target: { number: 1 }, changes: { title: 'Call mom tonight' } },
    ],
    ['I need to remember to pay bills', { kind: 'add', task: { title: 'pay bills' } }],
    ['What have I completed?', { kind: 'list', filters: { status: 'completed' } }],
  ])('%s', (message, command) => {
    expect(one(message)).toEqual(command);
  });
});

describe('adding', () => {
  test.each<[string, object]>([
    [
      'add a task to buy milk tomorrow with high priority',
      { title: 'buy milk', priority: 'high', due_at: '2026-11-25T09:00:00.000Z' },
    ],
    ['Add call the dentist tomorrow at 5pm', { title: 'call the dentist', due_at: '2026-11-25T17:00:00.000Z' }],
    ['add team sync every 2 weeks', { title: 'team sync', recurrence: { frequency: 'weekly', interval: 2 } }],
    ['add pay rent monthly', { title: 'pay rent', recurrence: { frequency: 'monthly', interval: 1 } }],
    ['add review report #work #urgent', { title: 'review report', tags: ['work', 'urgent'] }],
    ['add "Read 1984 by Friday" to my list', { title: 'Read 1984 by Friday' }],
    [
      'add a task to buy milk with reminder tomorrow at 8am',
      { title: 'buy milk', remind_at: '2026-11-25T08:00:00.000Z' },
    ],
    ['add prepare talk, top priority', { title: 'prepare talk', priority: 'high' }],
    ['add tidy the shed, no rush', { title: 'tidy the shed', priority: 'low' }],
    ['add nails to my hardware list', { title: 'nails', tags: ['hardware'] }],
    ['add book the venue on the 2nd at 11am', { title: 'book the venue', due_at: '2026-12-02T11:00:00.000Z' }],
    ['add send the draft by end of week', { title: 'send the draft', due_at: '2026-11-27T09:00:00.000Z' }],
    ['add stand-up tomorrow morning', { title: 'stand-up', due_at: '2026-11-25T09:00:00.000Z' }],
  ])('%s', (message, task) => {
    expect(one(message)).toEqual({ kind: 'add', task });
  });

  test('a message without a verb is a task when it says when: a date, a repeat or an urgency', () => {
    expect(one('parents evening thursday 7pm')).toEqual({
      kind: 'add',
      task: { title: 'parents evening', due_at: '2026-11-26T19:00:00.000Z' },
      verbless: true,
    });
    expect(one('stretch every weekday at 7am')).toEqual({
      kind: 'add',
      task: {
        title: 'stretch',
        recurrence: { frequency: 'weekdays', interval: 1 },
        due_at: '2026-11-25T07:00:00.000Z',
      },
      verbless: true,
    });
    expect(one('order new glasses')).toEqual({ kind: 'chatter', text: 'order new glasses' });
  });

  test('"make dinner reservations" is a new task, not a change to one', () => {
    expect(one('make dinner reservations')).toEqual({ kind: 'add', task: { title: 'make dinner reservations' } });
  });

  test('"add a task" without a title leaves the title to be asked for', () => {
    expect(one('would you please create a new task for me')).toEqual({ kind: 'add', task: { title: '' } });
  });

  test('"remind me to …" sets the reminder on an existing task of that name, or adds one', () => {
    expect(one('remind me to call John at 3pm tomorrow')).toEqual({
      kind: 'remind-or-add',
      task: { title: 'call John', due_at: '2026-11-25T15:00:00.000Z', remind_at: '2026-11-25T15:00:00.000Z' },
    });
  });
});

describe('repeat phrases and the first occurrence they imply', () => {
  const added = (message: string) => {
    const command = one(message);
    return command.kind === 'add' ? command.task : undefined;
  };

  test.each<[string, object]>([
    ['add yoga on mondays', { frequency: 'weekly', interval: 1, due: '2026-11-30T09:00:00.000Z' }],
    ['add bins every other thursday', { frequency: 'weekly', interval: 2, due: '2026-11-26T09:00:00.000Z' }],
    ['add market on weekends', { frequency: 'weekends', interval: 1, due: '2026-11-28T09:00:00.000Z' }],
    ['add invoices on the 1st of every month', { frequency: 'monthly', interval: 1, due: '2026-12-01T09:00:00.000Z' }],
    ['add rent every month on the 24th', { frequency: 'monthly', interval: 1, due: '2026-12-24T09:00:00.000Z' }],
    ['add review every weekday', { frequency: 'weekdays', interval: 1, due: undefined }],
    ['add anniversary yearly on june 2', { frequency: 'yearly', interval: 1, due: '2027-06-02T09:00:00.000Z' }],
    ['add sync fortnightly', { frequency: 'weekly', interval: 2, due: undefined }],
    ['add clean the car every other weekend', { frequency: 'weekends', interval: 2, due: '2026-11-28T09:00:00.000Z' }],
  ])('%s', (message, { due, ...recurrence }: { due?: string }) => {
    const task = added(message);
    expect(task?.recurrence).toEqual(recurrence);
    expect(task?.due_at).toBe(due);
  });

  test('a weekday task given a Saturday starts on the Monday after', () => {
    expect(added('add report every weekday saturday at 9am')?.due_at).toBe('2026-11-30T09:00:00.000Z');
  });
});

describe('listing', () => {
  test.each<[string, object]>([
    ['show tasks tagged work', { tag: 'work' }],
    ['find tasks about milk', { search: 'milk' }],
    ['show tasks sorted by priority', { sort_by: 'priority', order: 'desc' }],
    ['show overdue tasks', { status: 'pending', due_before: NOW.toISOString() }],
    ['show tasks due by friday', { status: 'pending', due_before: '2026-11-27T23:59:59.999Z' }],
    [
      "what's on for thursday",
      { status: 'pending', due_after: '2026-11-26T00:00:00.000Z', due_before: '2026-11-26T23:59:59.999Z' },
    ],
    ['show top 5 tasks by priority', { sort_by: 'priority', order: 'desc', limit: 5 }],
    ['show my garden list', { label: 'garden' }],
    ["what's next", { status: 'pending', sort_by: 'due_at', order: 'asc', limit: 5 }],
  ])('%s', (message, filters) => {
    expect(one(message)).toEqual({ kind: 'list', filters });
  });
});

describe('time zones', () => {
  test('"tomorrow at 5pm" is 17:00 in the user\'s zone, a date alone 09:00', () => {
    expect(one('Add call the dentist tomorrow at 5pm', 'Europe/Berlin')).toEqual({
      kind: 'add',
      task: { title: 'call the dentist', due_at: '2026-11-25T16:00:00.000Z' },
    });
    expect(one('add buy milk tomorrow', 'America/New_York')).toEqual({
      kind: 'add',
      task: { title: 'buy milk', due_at: '2026-11-25T14:00:00.000Z' },
    });
  });

  test("a date after a daylight-saving change gets that date's offset", () => {
    expect(one('add file taxes on April 15 at 10am', 'Europe/Berlin')).toEqual({
      kind: 'add',
      task: { title: 'file taxes', due_at: '2027-04-15T08:00:00.000Z' },
    });
  });
});
