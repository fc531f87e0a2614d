import { describe, expect, test } from '@jest/globals';
import { type ConversationState, EMPTY_STATE, readState } from '../../src/agent/offline/conversation-state.js';
import { runOfflineTurn } from '../../src/agent/offline/offline-turn.js';
import { InMemoryTaskTools } from './in-memory-task-tools.js';

/** Tuesday 24 November 2026, 10:00 UTC. */
const NOW = new Date('2026-11-24T10:00:00Z');

/**
 * One conversation with the offline engine. The state goes through JSON between turns, as it does through
 * the conversation's database columns, so nothing survives that the server would not keep.
 */
function conversation(tools = new InMemoryTaskTools(NOW)) {
  let state: ConversationState = EMPTY_STATE;
  return {
    tools,
    get state() {
      return state;
    },
    async say(message: string): Promise<string> {
      const outcome = await runOfflineTurn({ message, now: NOW, timeZone: 'UTC', state }, tools);
      state = readState(JSON.parse(JSON.stringify(outcome.state)));
      return outcome.reply;
    },
  };
}

const titles = (tools: InMemoryTaskTools) => tools.tasks.map((task) => `${task.number} ${task.title}`);

describe('follow-up questions', () => {
  test('a missing title is asked for, and the answer may bring a date with it', async () => {
    const chat = conversation();
    expect(await chat.say('new task please')).toBe('What should the new task be called?');
    expect(chat.tools.tasks).toEqual([]);
    expect(await chat.say('return the library books friday')).toBe(
      'Added **#1** return the library books — due Fri 27 Nov 09:00.',
    );
    expect(chat.state.pending).toBeNull();
  });

  test('"never mind" drops the question; a new request instead of an answer is simply done', async () => {
    const chat = conversation();
    await chat.say('add a task');
    expect(await chat.say('never mind')).toBe("OK, I won't.");
    await chat.say('add a task');
    await chat.say('show my tasks');
    expect(chat.state.pending).toBeNull();
    expect(chat.tools.tasks).toEqual([]);
  });

  test('a task named by no one is asked for with the open tasks listed, then the value', async () => {
    const chat = conversation();
    chat.tools.seed({ title: 'plan trip' });
    chat.tools.seed({ title: 'book hotel' });
    const which = await chat.say('rename a task');
    expect(which).toMatch(/^Which task should I rename\?/);
    expect(which).toContain('- **#1** plan trip\n- **#2** book hotel');
    expect(await chat.say('#2')).toBe('What should **#2** book hotel be called instead?');
    expect(await chat.say('book the hotel in Rome')).toBe('Renamed **#2** to "book the hotel in Rome".');
  });

  test('commands after a question wait for its answer', async () => {
    const chat = conversation();
    chat.tools.seed({ title: 'walk the dog' });
    await chat.say('delete a task and add feed the cat');
    expect(titles(chat.tools)).toEqual(['1 walk the dog']);
    const reply = await chat.say('1');
    expect(reply).toBe('Deleted **#1** walk the dog.\n\nAdded **#2** feed the cat.');
  });
});

describe('naming tasks', () => {
  test('words matching several tasks ask which, listing their numbers; the answer may be any word of one', async () => {
    const chat = conversation();
    chat.tools.seed({ title: 'email the plumber' });
    chat.tools.seed({ title: 'pay the plumber' });
    const question = await chat.say('move the plumber task to saturday');
    expect(question).toContain('which one do you mean?');
    expect(question).toContain('**#1** email the plumber');
    expect(question).toContain('**#2** pay the plumber');
    expect(await chat.say('the pay one')).toBe('Updated **#2** pay the plumber: due Sat 28 Nov 09:00.');
  });

  test('an unknown number says so and offers the tasks with the nearest numbers; picking one does it', async () => {
    const chat = conversation();
    for (const title of ['a', 'b', 'c', 'd', 'e']) chat.tools.seed({ title: `task ${title}` });
    const reply = await chat.say('finish task 9');
    expect(reply).toBe(
      'You have no task 9. Did you mean one of these?\n- **#3** task c\n- **#4** task d\n- **#5** task e',
    );
    await chat.say('4');
    expect(chat.tools.tasks.filter((task) => task.completed).map((task) => task.number)).toEqual([4]);
  });

  test('words matching nothing say so and suggest the closest titles', async () => {
    const chat = conversation();
    chat.tools.seed({ title: 'renew passport' });
    chat.tools.seed({ title: 'water plants' });
    expect(await chat.say('delete the pasport renewal')).toBe(
      'I couldn\'t find a task matching "pasport renewal". Did you mean one of these?\n- **#1** renew passport',
    );
    await chat.say('yes');
    expect(titles(chat.tools)).toEqual(['2 water plants']);
  });

  test('"the second one" is a place in the list just shown, or among the tasks a question offered', async () => {
    const chat = conversation();
    for (const title of ['pay gas', 'pay water', 'call gran']) chat.tools.seed({ title });
    await chat.say('show my tasks');
    await chat.say('the third one is done');
    expect(await chat.say('delete pay')).toContain('which one do you mean?');
    await chat.say('the first one');
    expect(titles(chat.tools)).toEqual(['2 pay water', '3 call gran']);
    expect(chat.tools.tasks.map((task) => task.completed)).toEqual([false, true]);
  });

  test('tasks listed by number change together, without a question even when deleted', async () => {
    const chat = conversation();
    for (const title of ['a', 'b', 'c']) chat.tools.seed({ title });
    expect(await chat.say('delete tasks 1 and 3')).toBe('Deleted 2 tasks:\n- **#1** a\n- **#3** c');
    expect(titles(chat.tools)).toEqual(['2 b']);
  });

  test('"them" is every task just listed; a task named again without a verb is changed, not doubled', async () => {
    const chat = conversation();
    chat.tools.seed({ title: 'rake leaves', tags: ['garden'] });
    chat.tools.seed({ title: 'prune roses', tags: ['garden'] });
    chat.tools.seed({ title: 'pay bills' });
    await chat.say('show my garden list');
    expect(await chat.say('make them all urgent')).toMatch(/^Updated 2 tasks:/);
    expect(await chat.say('pay bills friday')).toBe('Updated **#3** pay bills: due Fri 27 Nov 09:00.');
    expect(chat.tools.tasks.map((task) => task.priority)).toEqual(['high', 'high', 'medium']);
  });

  test('"did i …?" says whether the task is done; completing it twice does not repeat it', async () => {
    const chat = conversation();
    chat.tools.seed({ title: 'post the letters' });
    expect(await chat.say('did i post the letters')).toBe('Not yet — **#1** post the letters is still open.');
    await chat.say('i posted the letters, mark it done');
    expect(chat.tools.calls.filter(([name]) => name === 'complete')).toHaveLength(1);
    expect(await chat.say('is it done?')).toBe('Yes — **#1** post the letters is done.');
  });

  test('"it" is the task just added or listed; several listed tasks make "it" a question', async () => {
    const chat = conversation();
    await chat.say('add pick up the keys');
    expect(await chat.say('make it high priority')).toBe('Updated **#1** pick up the keys: high priority.');
    await chat.say('add pick up the suit');
    await chat.say('find pick up');
    expect(await chat.say('delete it')).toContain('which one do you mean?');
  });
});

describe('several tasks at once', () => {
  test('deleting by a filter lists what would go and waits for a yes; another request leaves them', async () => {
    const chat = conversation();
    chat.tools.seed({ title: 'draft memo', tags: ['work'] });
    chat.tools.seed({ title: 'water plants' });
    const question = await chat.say('delete all my work tasks');
    expect(question).toBe('Delete this task? Say yes to delete or no to keep it.\n- **#1** draft memo — #work');
    await chat.say('show my tasks');
    await chat.say('yes');
    expect(titles(chat.tools)).toEqual(['1 draft memo', '2 water plants']);
  });

  test('"undo the last 3 changes" with two to undo undoes both and says why not more', async () => {
    const chat = conversation();
    await chat.say('add pack');
    await chat.say('add label boxes');
    const reply = await chat.say('undo the last 3 changes');
    expect(reply).toMatch(/^Undone — removed:\n- \*\*#2\*\* label boxes\n\nUndone — removed:\n- \*\*#1\*\* pack\n\n/);
    expect(reply).toMatch(/There is nothing to undo in this conversation\.$/);
    expect(chat.tools.tasks).toEqual([]);
  });

  test('a bulk change is one tool call, and undo brings every task back', async () => {
    const chat = conversation();
    chat.tools.seed({ title: 'a', priority: 'low' });
    chat.tools.seed({ title: 'b', priority: 'low' });
    expect(await chat.say('finish all my low priority tasks')).toMatch(/^Marked 2 tasks as done:/);
    expect(chat.tools.calls.filter(([name]) => name === 'bulk')).toHaveLength(1);
    expect(await chat.say('undo')).toMatch(/^Undone/);
    expect(chat.tools.tasks.map((task) => task.completed)).toEqual([false, false]);
  });
});

describe('replies', () => {
  test('completing a repeating task names the next occurrence', async () => {
    const chat = conversation();
    chat.tools.seed({
      title: 'stretch',
      due_at: '2026-11-24T07:00:00.000Z',
      recurrence: { frequency: 'daily', interval: 1 },
    });
    expect(await chat.say('done with stretch')).toBe(
      'Marked **#1** stretch as done.\nIt repeats, so the next one is **#2** stretch — due Wed 25 Nov 07:00 — repeats daily.',
    );
  });

  test('"push it back a day" moves the due date from where it is; without one, a date is asked for', async () => {
    const chat = conversation();
    chat.tools.seed({ title: 'vet', due_at: '2026-11-26T15:30:00.000Z' });
    chat.tools.seed({ title: 'haircut' });
    expect(await chat.say('push the vet back a day')).toBe('Updated **#1** vet: due Fri 27 Nov 15:30.');
    expect(await chat.say('delay the haircut by a week')).toBe('When should **#2** haircut be due?');
  });

  test('a tool error is its sentence, and a title over the limit is asked for again', async () => {
    const chat = conversation();
    expect(await chat.say(`add ${'q'.repeat(1200)}`)).toBe(
      'That title is 1,200 characters; the limit is 500. Shorter?',
    );
    await chat.say('quarterly report');
    expect(titles(chat.tools)).toEqual(['1 quarterly report']);
  });

  test('a reminder for a task that exists goes on it; for one that does not, a task is added', async () => {
    const chat = conversation();
    chat.tools.seed({ title: 'call the bank' });
    await chat.say('remind me to call the bank at 4pm');
    await chat.say('remind me to buy a gift at 5pm');
    expect(chat.tools.tasks.map(({ number, title, remind_at }) => ({ number, title, remind_at }))).toEqual([
      { number: 1, title: 'call the bank', remind_at: '2026-11-24T16:00:00.000Z' },
      { number: 2, title: 'buy a gift', remind_at: '2026-11-24T17:00:00.000Z' },
    ]);
  });

  test('nothing understood: the help text, naming offline mode, and no tool is called', async () => {
    const chat = conversation();
    const reply = await chat.say('blorp zzkx');
    expect(reply).toContain("didn't understand");
    expect(reply).toContain('offline mode');
    expect(chat.tools.calls).toEqual([]);
  });

  test("stored state that is not this engine's is ignored", () => {
    expect(readState({ pending: { kind: 'ask-title' }, context: 'x' })).toEqual(EMPTY_STATE);
  });
});
