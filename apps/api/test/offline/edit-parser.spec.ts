import { describe, expect, test } from '@jest/globals';
import type { Command } from '../../src/agent/offline/commands.js';
import { one, parse } from './parse-at.js';

describe('editing a task by name', () => {
  test.each<[string, Command]>([
    ['rename the gym thing to swim', { kind: 'update', target: { words: 'gym thing' }, changes: { title: 'swim' } }],
    ['rename task 4', { kind: 'update', target: { number: 4 }, changes: {}, missing: 'title' }],
    ['the report is urgent', { kind: 'update', target: { words: 'report' }, changes: { priority: 'high' } }],
    ['the report isn’t important', { kind: 'update', target: { words: 'report' }, changes: { priority: 'low' } }],
    [
      'bump task 3 to next friday',
      { kind: 'update', target: { number: 3 }, changes: { due_at: '2026-12-04T09:00:00.000Z' } },
    ],
    ['reschedule the vet', { kind: 'update', target: { words: 'vet' }, changes: {}, missing: 'due_at' }],
    [
      'nudge me about the vet on sunday at noon',
      { kind: 'update', target: { words: 'vet' }, changes: { remind_at: '2026-11-29T12:00:00.000Z' } },
    ],
    [
      'label task 2 as home and garden',
      { kind: 'update', target: { number: 2 }, changes: { add_tags: ['home', 'garden'] } },
    ],
    ['take the tag home off task 2', { kind: 'update', target: { number: 2 }, changes: { remove_tags: ['home'] } }],
    [
      'make the vet repeat every 3 months',
      { kind: 'update', target: { words: 'vet' }, changes: { recurrence: { frequency: 'monthly', interval: 3 } } },
    ],
    ['the vet should not repeat any more', { kind: 'update', target: { words: 'vet' }, changes: { recurrence: null } }],
    [
      'put a note on task 5: gate code 1234',
      { kind: 'update', target: { number: 5 }, changes: { description: 'gate code 1234' } },
    ],
    ['change task 2', { kind: 'update', target: { number: 2 }, changes: {}, missing: 'changes' }],
    ['remove the reminder from task 6', { kind: 'update', target: { number: 6 }, changes: { remind_at: null } }],
    ['the vet has no deadline any more', { kind: 'update', target: { words: 'vet' }, changes: { due_at: null } }],
    ['clear all tags from task 1', { kind: 'update', target: { number: 1 }, changes: { tags: [] } }],
    [
      "set task 2's title to post the parcel",
      { kind: 'update', target: { number: 2 }, changes: { title: 'post the parcel' } },
    ],
    [
      'the vet should be done by monday',
      { kind: 'update', target: { words: 'vet' }, changes: { due_at: '2026-11-30T09:00:00.000Z' } },
    ],
    ['change the vet to the groomer', { kind: 'update', target: { words: 'vet' }, changes: { title: 'the groomer' } }],
    ['raise the priority of task 3', { kind: 'update', target: { number: 3 }, changes: { priority: 'high' } }],
    ['deprioritise the vet', { kind: 'update', target: { words: 'vet' }, changes: { priority: 'low' } }],
    [
      'the vet at 4pm instead',
      { kind: 'update', target: { words: 'vet' }, changes: { due_at: '2026-11-24T16:00:00.000Z' } },
    ],
    [
      'snooze task 2 until thursday',
      { kind: 'update', target: { number: 2 }, changes: { remind_at: '2026-11-26T09:00:00.000Z' } },
    ],
    ['stop reminding me about the vet', { kind: 'update', target: { words: 'vet' }, changes: { remind_at: null } }],
    ['tag task 1 #home #diy', { kind: 'update', target: { number: 1 }, changes: { add_tags: ['home', 'diy'] } }],
    ['untag the vet', { kind: 'update', target: { words: 'vet' }, changes: { tags: [] } }],
    ['push the vet back a day', { kind: 'update', target: { words: 'vet' }, changes: {}, shiftMinutes: 1440 }],
    ['move task 2 forward 3 hours', { kind: 'update', target: { number: 2 }, changes: {}, shiftMinutes: -180 }],
    ['make them all low priority', { kind: 'update', target: { pronoun: 'all' }, changes: { priority: 'low' } }],
  ])('%s', (message, command) => {
    expect(one(message)).toEqual(command);
  });
});

describe('completing and deleting', () => {
  test.each<[string, Command]>([
    ['uncomplete task 4', { kind: 'complete', target: { number: 4 }, completed: false }],
    ['the vet is still open', { kind: 'complete', target: { words: 'vet' }, completed: false }],
    ['tick off number 7', { kind: 'complete', target: { number: 7 }, completed: true }],
    ['i have done the ironing', { kind: 'complete', target: { words: 'ironing' }, completed: true }],
    ['trash it', { kind: 'delete', target: { pronoun: 'one' } }],
    ['delete', { kind: 'delete' }],
    ["i don't need to fix the fence anymore", { kind: 'delete', target: { words: 'fix the fence' } }],
    ['the second one is done', { kind: 'complete', target: { position: 2 }, completed: true }],
    ['mark the last two done', { kind: 'complete', target: { position: -2, count: 2 }, completed: true }],
    ['i posted the letters', { kind: 'complete', target: { words: 'posted the letters' }, completed: true }],
    ['i bought the stamps', { kind: 'complete', target: { words: 'stamps' }, completed: true }],
    ['stamps ✓', { kind: 'complete', target: { words: 'stamps' }, completed: true }],
    ['finished ironing', { kind: 'complete', target: { words: 'ironing' }, completed: true }],
    ['have i paid the rent yet', { kind: 'check', target: { words: 'paid the rent' } }],
    [
      'drop off the parcel friday',
      { kind: 'add', task: { title: 'drop off the parcel', due_at: '2026-11-27T09:00:00.000Z' }, verbless: true },
    ],
  ])('%s', (message, command) => {
    expect(one(message)).toEqual(command);
  });
});

describe('several tasks at once', () => {
  test('a filter names them: tag, priority, due range, status, or another word to look up', () => {
    expect(one('finish everything tagged garden')).toEqual({
      kind: 'complete',
      target: { filter: { tag: 'garden' } },
      completed: true,
    });
    expect(one('clear all done tasks')).toEqual({ kind: 'delete', target: { filter: { status: 'completed' } } });
    expect(one('wipe my whole list')).toEqual({ kind: 'delete', target: { filter: {} } });
    expect(one('tick off tasks 2, 4 and #7')).toEqual({
      kind: 'complete',
      target: { filter: { numbers: [2, 4, 7] } },
      completed: true,
    });
    expect(one('push all my school tasks to monday')).toEqual({
      kind: 'update',
      target: { filter: { label: 'school' } },
      changes: { due_at: '2026-11-30T09:00:00.000Z' },
    });
    expect(one('move everything due tomorrow to friday')).toEqual({
      kind: 'update',
      target: { filter: { due_after: '2026-11-25T00:00:00.000Z', due_before: '2026-11-25T23:59:59.999Z' } },
      changes: { due_at: '2026-11-27T09:00:00.000Z' },
    });
  });
});

describe('messages with several commands', () => {
  test('commands joined by "and", "then" or a comma run in order; "it" is left for the engine', () => {
    expect(parse('add stamps, then mark task 2 done and rename it to post letters')).toEqual([
      { kind: 'add', task: { title: 'stamps' } },
      { kind: 'complete', target: { number: 2 }, completed: true },
      { kind: 'update', target: { pronoun: 'one' }, changes: { title: 'post letters' } },
    ]);
  });

  test('"and" inside a task stays in it, and quoted text or a note is never split', () => {
    expect(parse('add bread and butter')).toEqual([{ kind: 'add', task: { title: 'bread and butter' } }]);
    expect(parse('add "call mom and delete the old list"')).toEqual([
      { kind: 'add', task: { title: 'call mom and delete the old list' } },
    ]);
    expect(parse('add a note to task 1: ask, then add the receipt')).toEqual([
      { kind: 'update', target: { number: 1 }, changes: { description: 'ask, then add the receipt' } },
    ]);
  });
});

describe('typos and politeness', () => {
  test('misspelt command words are read as meant', () => {
    expect(one('plz dleete task 3')).toEqual({ kind: 'delete', target: { number: 3 } });
    expect(one('remidn me about task 2 tomorow')).toEqual({
      kind: 'update',
      target: { number: 2 },
      changes: { remind_at: '2026-11-25T09:00:00.000Z' },
    });
  });

  test('"task" misspelt before a number is still a task number', () => {
    expect(one('tsak 4 is done')).toEqual({ kind: 'complete', target: { number: 4 }, completed: true });
  });

  test('words of a title are never "corrected"', () => {
    expect(one('add charge the remote saturday')).toEqual({
      kind: 'add',
      task: { title: 'charge the remote', due_at: '2026-11-28T09:00:00.000Z' },
    });
  });

  test('greetings, thanks, help, undo, and words that are no command', () => {
    expect(one('hello')).toEqual({ kind: 'greeting' });
    expect(one('thank you!')).toEqual({ kind: 'thanks' });
    expect(one('what can you do?')).toEqual({ kind: 'help' });
    expect(one('oops, revert that please')).toEqual({ kind: 'undo' });
    expect(one('undo the last three changes')).toEqual({ kind: 'undo', times: 3 });
    expect(one('complete task fifteen')).toEqual({ kind: 'complete', target: { number: 15 }, completed: true });
    expect(one('blorp zzkx qwerty')).toEqual({ kind: 'chatter', text: 'blorp zzkx qwerty' });
  });
});
