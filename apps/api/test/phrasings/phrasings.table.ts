/** Resulting-state expectations for the chat phrasing table (issue 14).
 *  Clock: 2026-11-25T10:00:00Z, a Wednesday; the user's time zone is UTC. */
export type Repeat = 'daily' | 'weekdays' | 'weekends' | 'weekly' | 'every-other-week' | 'monthly' | 'yearly';
export type Group =
  | 'add'
  | 'add-without-verb'
  | 'add-recurring'
  | 'rename'
  | 'priority'
  | 'due-date'
  | 'reminder'
  | 'tags'
  | 'recurrence-edit'
  | 'description'
  | 'complete'
  | 'delete'
  | 'list-search'
  | 'ambiguity'
  | 'unknown-task'
  | 'follow-up'
  | 'bulk'
  | 'bulk-confirm'
  | 'undo'
  | 'errors-in-words'
  | 'mixed-commands';
export interface TaskSeed {
  title: string;
  description?: string;
  priority?: 'low' | 'medium' | 'high';
  tags?: string[];
  due?: string; // 'YYYY-MM-DD' (09:00 that day) or 'YYYY-MM-DDTHH:MM' (UTC)
  remind?: string; // same format
  repeat?: Repeat;
  done?: boolean;
}
/** One task after the conversation. Unlisted fields must equal the seed's (for a seeded task) or the defaults
 *  (new task: priority medium, no description, no tags, no due, no reminder, no repeat, not done). */
export interface TaskExpect extends TaskSeed {
  number: number;
}
export interface PhrasingRow {
  group: Group;
  author: 'issue' | 'independent';
  /** The user's tasks before the conversation; they get numbers 1, 2, 3… in this order. */
  given?: TaskSeed[];
  /** The user's messages, in order, in one conversation. */
  say: string[];
  /** Every task the user has afterwards (deleted ones absent), compared field by field. */
  tasks: TaskExpect[];
  /** Case-insensitive substrings the LAST reply must contain (e.g. a task number it lists, a count, a title). */
  replyIncludes?: string[];
  /** The last reply must be a question (the engine asks instead of acting). */
  asks?: boolean;
}

/*
 * Conventions used by the rows below (authored without reading the chat engine):
 * - Calendar: Wed 2026-11-25 10:00 UTC. tomorrow = 11-26 (Thu), friday = 11-27, saturday = 11-28, sunday = 11-29,
 *   monday = 11-30, next tuesday = 12-01, end of the month = 11-30.
 * - A new recurring task is due at its next occurrence that is still in the future ("every day at 6pm" → today 18:00,
 *   "every Monday" → 2026-11-30 09:00, "every first of the month" → 2026-12-01 09:00). Rows avoid phrasings where the
 *   first occurrence would be today at a time that has already passed.
 * - Completing a recurring task keeps it (done, same repeat) and adds the next occurrence, counted from its due date.
 * - Tags added to a task are appended after its existing tags.
 * - A field that the conversation clears (e.g. "stop repeating X") is written explicitly as `repeat: undefined`:
 *   the key is present, so it overrides the seed's value.
 * - Unchanged seeded tasks are listed by number and title only (all other fields equal the seed).
 */
export const PHRASINGS: PhrasingRow[] = [
  // ───────────────────────────── add ─────────────────────────────
  {
    group: 'add',
    author: 'issue',
    say: ['add a task'],
    tasks: [],
    asks: true,
  },
  {
    group: 'add',
    author: 'independent',
    say: ['add buy almond milk'],
    tasks: [{ number: 1, title: 'buy almond milk' }],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['Add a task to buy almond milk'],
    tasks: [{ number: 1, title: 'buy almond milk' }],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['could you please add book flights to my list?'],
    tasks: [{ number: 1, title: 'book flights' }],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['new task: renew passport'],
    tasks: [{ number: 1, title: 'renew passport' }],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['create a task called clean the garage'],
    tasks: [{ number: 1, title: 'clean the garage' }],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['add email the landlord, high priority'],
    tasks: [{ number: 1, title: 'email the landlord', priority: 'high' }],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['add finish the slides, urgent'],
    tasks: [{ number: 1, title: 'finish the slides', priority: 'high' }],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['add sort old photos, not important'],
    tasks: [{ number: 1, title: 'sort old photos', priority: 'low' }],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['add pay electricity bill due friday'],
    tasks: [{ number: 1, title: 'pay electricity bill', due: '2026-11-27' }],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['pls add call the bank tomorrow at 2pm'],
    tasks: [{ number: 1, title: 'call the bank', due: '2026-11-26T14:00' }],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['add buy birthday gift tagged family and shopping'],
    tasks: [{ number: 1, title: 'buy birthday gift', tags: ['family', 'shopping'] }],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['add book the dentist with a note: ask about whitening'],
    tasks: [{ number: 1, title: 'book the dentist', description: 'ask about whitening' }],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['add pay rent due friday, remind me thursday at 6pm'],
    tasks: [{ number: 1, title: 'pay rent', due: '2026-11-27', remind: '2026-11-26T18:00' }],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['add submit expense report by the end of the month'],
    tasks: [{ number: 1, title: 'submit expense report', due: '2026-11-30' }],
  },
  {
    group: 'add',
    author: 'independent',
    given: [{ title: 'file taxes' }, { title: 'buy milk' }, { title: 'call mom' }],
    say: ['add walk the dog'],
    tasks: [
      { number: 1, title: 'file taxes' },
      { number: 2, title: 'buy milk' },
      { number: 3, title: 'call mom' },
      { number: 4, title: 'walk the dog' },
    ],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['add clean the attic, not important, tag it home'],
    tasks: [{ number: 1, title: 'clean the attic', priority: 'low', tags: ['home'] }],
  },
  {
    group: 'add',
    author: 'independent',
    say: ['add "buy stamps"'],
    tasks: [{ number: 1, title: 'buy stamps' }],
  },

  // ───────────────────────────── add-without-verb ─────────────────────────────
  {
    group: 'add-without-verb',
    author: 'independent',
    say: ['dentist friday 3pm'],
    tasks: [{ number: 1, title: 'dentist', due: '2026-11-27T15:00' }],
  },
  {
    group: 'add-without-verb',
    author: 'independent',
    say: ['call mom tomorrow'],
    tasks: [{ number: 1, title: 'call mom', due: '2026-11-26' }],
  },
  {
    group: 'add-without-verb',
    author: 'independent',
    say: ['pick up dry cleaning saturday'],
    tasks: [{ number: 1, title: 'pick up dry cleaning', due: '2026-11-28' }],
  },
  {
    group: 'add-without-verb',
    author: 'independent',
    say: ['haircut next tuesday at 11am'],
    tasks: [{ number: 1, title: 'haircut', due: '2026-12-01T11:00' }],
  },
  {
    group: 'add-without-verb',
    author: 'independent',
    say: ['submit the report by friday'],
    tasks: [{ number: 1, title: 'submit the report', due: '2026-11-27' }],
  },
  {
    group: 'add-without-verb',
    author: 'independent',
    say: ['oil change monday'],
    tasks: [{ number: 1, title: 'oil change', due: '2026-11-30' }],
  },
  {
    group: 'add-without-verb',
    author: 'independent',
    say: ['renew passport asap'],
    tasks: [{ number: 1, title: 'renew passport', priority: 'high' }],
  },
  {
    group: 'add-without-verb',
    author: 'independent',
    say: ['vet appointment for rex dec 3 at 10am'],
    tasks: [{ number: 1, title: 'vet appointment for rex', due: '2026-12-03T10:00' }],
  },
  {
    group: 'add-without-verb',
    author: 'independent',
    given: [{ title: 'file taxes' }],
    say: ['buy a birthday card for sam tomorrow'],
    tasks: [
      { number: 1, title: 'file taxes' },
      { number: 2, title: 'buy a birthday card for sam', due: '2026-11-26' },
    ],
  },

  // ───────────────────────────── add-recurring ─────────────────────────────
  {
    group: 'add-recurring',
    author: 'issue',
    say: ['water the plants every Monday'],
    tasks: [{ number: 1, title: 'water the plants', due: '2026-11-30', repeat: 'weekly' }],
  },
  {
    group: 'add-recurring',
    author: 'independent',
    say: ['take out the trash every tuesday'],
    tasks: [{ number: 1, title: 'take out the trash', due: '2026-12-01', repeat: 'weekly' }],
  },
  {
    group: 'add-recurring',
    author: 'independent',
    say: ['add pay rent every first of the month'],
    tasks: [{ number: 1, title: 'pay rent', due: '2026-12-01', repeat: 'monthly' }],
  },
  {
    group: 'add-recurring',
    author: 'independent',
    say: ['gym every day at 6pm'],
    tasks: [{ number: 1, title: 'gym', due: '2026-11-25T18:00', repeat: 'daily' }],
  },
  {
    group: 'add-recurring',
    author: 'independent',
    say: ['add take vitamins daily at 9pm'],
    tasks: [{ number: 1, title: 'take vitamins', due: '2026-11-25T21:00', repeat: 'daily' }],
  },
  {
    group: 'add-recurring',
    author: 'independent',
    say: ['write standup notes every weekday at 5pm'],
    tasks: [{ number: 1, title: 'write standup notes', due: '2026-11-25T17:00', repeat: 'weekdays' }],
  },
  {
    group: 'add-recurring',
    author: 'independent',
    say: ['clean the bathroom every weekend'],
    tasks: [{ number: 1, title: 'clean the bathroom', due: '2026-11-28', repeat: 'weekends' }],
  },
  {
    group: 'add-recurring',
    author: 'independent',
    say: ['call grandma every other sunday'],
    tasks: [{ number: 1, title: 'call grandma', due: '2026-11-29', repeat: 'every-other-week' }],
  },
  {
    group: 'add-recurring',
    author: 'independent',
    say: ['renew car insurance every year on march 3'],
    tasks: [{ number: 1, title: 'renew car insurance', due: '2027-03-03', repeat: 'yearly' }],
  },
  {
    group: 'add-recurring',
    author: 'independent',
    say: ['back up my laptop every month on the 15th'],
    tasks: [{ number: 1, title: 'back up my laptop', due: '2026-12-15', repeat: 'monthly' }],
  },
  {
    group: 'add-recurring',
    author: 'independent',
    say: ['add submit timesheet every friday at 4pm, tag it work'],
    tasks: [{ number: 1, title: 'submit timesheet', due: '2026-11-27T16:00', repeat: 'weekly', tags: ['work'] }],
  },
  {
    group: 'add-recurring',
    author: 'independent',
    given: [{ title: 'buy milk' }],
    say: ['mow the lawn every saturday'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'mow the lawn', due: '2026-11-28', repeat: 'weekly' },
    ],
  },

  // ───────────────────────────── rename ─────────────────────────────
  {
    group: 'rename',
    author: 'issue',
    given: [{ title: 'buy oat milk' }],
    say: ['rename buy oat milk to buy almond milk'],
    tasks: [{ number: 1, title: 'buy almond milk' }],
  },
  {
    group: 'rename',
    author: 'independent',
    given: [{ title: 'fix the sink' }, { title: 'plumber' }],
    say: ['rename task 2 to book the plumber'],
    tasks: [
      { number: 1, title: 'fix the sink' },
      { number: 2, title: 'book the plumber' },
    ],
  },
  {
    group: 'rename',
    author: 'independent',
    given: [{ title: 'passport' }],
    say: ['change the title of task 1 to renew passport'],
    tasks: [{ number: 1, title: 'renew passport' }],
  },
  {
    group: 'rename',
    author: 'independent',
    given: [{ title: 'file taxes' }, { title: 'buy milk' }, { title: 'groceries' }],
    say: ["call task 3 'weekly groceries' instead"],
    tasks: [
      { number: 1, title: 'file taxes' },
      { number: 2, title: 'buy milk' },
      { number: 3, title: 'weekly groceries' },
    ],
  },
  {
    group: 'rename',
    author: 'independent',
    given: [{ title: 'groceries' }],
    say: ['rename groceries to weekly groceries'],
    tasks: [{ number: 1, title: 'weekly groceries' }],
  },
  {
    group: 'rename',
    author: 'independent',
    given: [{ title: 'emial boss' }],
    say: ['fix the typo pls, change "emial boss" to "email boss"'],
    tasks: [{ number: 1, title: 'email boss' }],
  },
  {
    group: 'rename',
    author: 'independent',
    given: [{ title: 'dentist appointment', due: '2026-11-27T15:00' }],
    say: ['please rename my dentist task to dentist checkup'],
    tasks: [{ number: 1, title: 'dentist checkup' }],
  },
  {
    group: 'rename',
    author: 'independent',
    given: [{ title: 'call mom' }, { title: 'buy oat milk' }],
    say: ['can you rename the milk task to buy almond milk'],
    tasks: [
      { number: 1, title: 'call mom' },
      { number: 2, title: 'buy almond milk' },
    ],
  },
  {
    group: 'rename',
    author: 'independent',
    given: [{ title: 'walk the dog' }, { title: 'sink', priority: 'high', tags: ['home'], due: '2026-11-27' }],
    say: ['rename task 2 to fix the kitchen sink'],
    tasks: [
      { number: 1, title: 'walk the dog' },
      { number: 2, title: 'fix the kitchen sink' },
    ],
  },
  {
    group: 'rename',
    author: 'independent',
    given: [{ title: 'gym' }],
    say: ['call the gym task leg day instead'],
    tasks: [{ number: 1, title: 'leg day' }],
  },
  {
    group: 'rename',
    author: 'independent',
    given: [{ title: 'walk the dog' }, { title: 'buy milk' }],
    say: ['rename a task'],
    tasks: [
      { number: 1, title: 'walk the dog' },
      { number: 2, title: 'buy milk' },
    ],
    asks: true,
  },

  // ───────────────────────────── priority ─────────────────────────────
  {
    group: 'priority',
    author: 'issue',
    given: [{ title: 'file taxes' }],
    say: ['make file taxes urgent'],
    tasks: [{ number: 1, title: 'file taxes', priority: 'high' }],
  },
  {
    group: 'priority',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call the bank' }],
    say: ['set task 2 to high priority'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call the bank', priority: 'high' },
    ],
  },
  {
    group: 'priority',
    author: 'independent',
    given: [{ title: 'renew passport' }],
    say: ['renew passport is not important'],
    tasks: [{ number: 1, title: 'renew passport', priority: 'low' }],
  },
  {
    group: 'priority',
    author: 'independent',
    given: [{ title: 'clean the garage', priority: 'high' }],
    say: ['change the priority of task 1 to low'],
    tasks: [{ number: 1, title: 'clean the garage', priority: 'low' }],
  },
  {
    group: 'priority',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'book flights', priority: 'high' }],
    say: ['make task 3 medium priority'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom' },
      { number: 3, title: 'book flights', priority: 'medium' },
    ],
  },
  {
    group: 'priority',
    author: 'independent',
    given: [{ title: 'fix the sink', priority: 'low' }],
    say: ['fix the sink is important'],
    tasks: [{ number: 1, title: 'fix the sink', priority: 'high' }],
  },
  {
    group: 'priority',
    author: 'independent',
    given: [{ title: 'call the bank' }],
    say: ['could you make call the bank high priority pls'],
    tasks: [{ number: 1, title: 'call the bank', priority: 'high' }],
  },
  {
    group: 'priority',
    author: 'independent',
    given: [{ title: 'buy new shoes' }],
    say: ["buy new shoes can wait, it's not important"],
    tasks: [{ number: 1, title: 'buy new shoes', priority: 'low' }],
  },
  {
    group: 'priority',
    author: 'independent',
    given: [{ title: 'pay the invoice', tags: ['work'] }, { title: 'water the plants' }],
    say: ['give task 1 high priority'],
    tasks: [
      { number: 1, title: 'pay the invoice', priority: 'high' },
      { number: 2, title: 'water the plants' },
    ],
  },

  // ───────────────────────────── due-date ─────────────────────────────
  {
    group: 'due-date',
    author: 'independent',
    given: [{ title: 'pay rent', due: '2026-11-27' }],
    say: ['move pay rent to next tuesday'],
    tasks: [{ number: 1, title: 'pay rent', due: '2026-12-01' }],
  },
  {
    group: 'due-date',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'file taxes', due: '2026-11-26' }],
    say: ['postpone task 2 to friday'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'file taxes', due: '2026-11-27' },
    ],
  },
  {
    group: 'due-date',
    author: 'independent',
    given: [{ title: 'dentist appointment' }],
    say: ['dentist appointment is due next Monday'],
    tasks: [{ number: 1, title: 'dentist appointment', due: '2026-11-30' }],
  },
  {
    group: 'due-date',
    author: 'independent',
    given: [{ title: 'book flights' }],
    say: ['set the due date of task 1 to december 10'],
    tasks: [{ number: 1, title: 'book flights', due: '2026-12-10' }],
  },
  {
    group: 'due-date',
    author: 'independent',
    given: [{ title: 'call mom', due: '2026-11-25' }],
    say: ['push call mom to tomorrow'],
    tasks: [{ number: 1, title: 'call mom', due: '2026-11-26' }],
  },
  {
    group: 'due-date',
    author: 'independent',
    given: [{ title: 'file taxes' }],
    say: ['file taxes is due at the end of the month'],
    tasks: [{ number: 1, title: 'file taxes', due: '2026-11-30' }],
  },
  {
    group: 'due-date',
    author: 'independent',
    given: [{ title: 'haircut', due: '2026-11-26' }],
    say: ['reschedule the haircut to friday at 3pm'],
    tasks: [{ number: 1, title: 'haircut', due: '2026-11-27T15:00' }],
  },
  {
    group: 'due-date',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'send invoice' }],
    say: ['make task 3 due tomorrow at 5pm'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom' },
      { number: 3, title: 'send invoice', due: '2026-11-26T17:00' },
    ],
  },
  {
    group: 'due-date',
    author: 'independent',
    given: [{ title: 'renew passport', due: '2026-12-20' }],
    say: ['change the deadline for renew passport to dec 5'],
    tasks: [{ number: 1, title: 'renew passport', due: '2026-12-05' }],
  },
  {
    group: 'due-date',
    author: 'independent',
    given: [{ title: 'gym session' }],
    say: ['can you move my gym session to saturday'],
    tasks: [{ number: 1, title: 'gym session', due: '2026-11-28' }],
  },
  {
    group: 'due-date',
    author: 'independent',
    given: [{ title: 'walk the dog' }, { title: 'pick up the kids' }],
    say: ['task 2 is due today at 6pm'],
    tasks: [
      { number: 1, title: 'walk the dog' },
      { number: 2, title: 'pick up the kids', due: '2026-11-25T18:00' },
    ],
  },
  {
    group: 'due-date',
    author: 'independent',
    given: [{ title: 'pay rent', due: '2026-11-27', priority: 'high', tags: ['bills'] }],
    say: ['move pay rent to monday please'],
    tasks: [{ number: 1, title: 'pay rent', due: '2026-11-30' }],
  },

  // ───────────────────────────── reminder ─────────────────────────────
  {
    group: 'reminder',
    author: 'independent',
    given: [{ title: 'pay rent', due: '2026-11-27' }],
    say: ['remind me about pay rent tomorrow at 8am'],
    tasks: [{ number: 1, title: 'pay rent', remind: '2026-11-26T08:00' }],
  },
  {
    group: 'reminder',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call the bank' }],
    say: ['set a reminder for task 2 on friday at 9am'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call the bank', remind: '2026-11-27T09:00' },
    ],
  },
  {
    group: 'reminder',
    author: 'independent',
    given: [{ title: 'submit timesheet' }],
    say: ['ping me about task 1 monday at 10am'],
    tasks: [{ number: 1, title: 'submit timesheet', remind: '2026-11-30T10:00' }],
  },
  {
    group: 'reminder',
    author: 'independent',
    given: [{ title: 'call mom' }],
    say: ['add a reminder to call mom for tomorrow 7pm'],
    tasks: [{ number: 1, title: 'call mom', remind: '2026-11-26T19:00' }],
  },
  {
    group: 'reminder',
    author: 'independent',
    given: [{ title: 'dentist appointment', due: '2026-12-01T15:00' }],
    say: ['remind me about the dentist appointment on friday'],
    tasks: [{ number: 1, title: 'dentist appointment', remind: '2026-11-27' }],
  },
  {
    group: 'reminder',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'water the plants' }],
    say: ['remind me about task 3 today at 4pm'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom' },
      { number: 3, title: 'water the plants', remind: '2026-11-25T16:00' },
    ],
  },
  {
    group: 'reminder',
    author: 'independent',
    given: [{ title: 'pay rent' }],
    say: ['remind me'],
    tasks: [{ number: 1, title: 'pay rent' }],
    asks: true,
  },

  // ───────────────────────────── tags ─────────────────────────────
  {
    group: 'tags',
    author: 'independent',
    given: [{ title: 'buy milk' }],
    say: ['tag buy milk with shopping'],
    tasks: [{ number: 1, title: 'buy milk', tags: ['shopping'] }],
  },
  {
    group: 'tags',
    author: 'independent',
    given: [{ title: 'walk the dog' }, { title: 'pick up dry cleaning' }],
    say: ['add the tag errands to task 2'],
    tasks: [
      { number: 1, title: 'walk the dog' },
      { number: 2, title: 'pick up dry cleaning', tags: ['errands'] },
    ],
  },
  {
    group: 'tags',
    author: 'independent',
    given: [{ title: 'email boss', tags: ['work', 'urgent'] }],
    say: ['remove the work tag from email boss'],
    tasks: [{ number: 1, title: 'email boss', tags: ['urgent'] }],
  },
  {
    group: 'tags',
    author: 'independent',
    given: [{ title: 'fix the fence' }],
    say: ['tag fix the fence with home, garden'],
    tasks: [{ number: 1, title: 'fix the fence', tags: ['home', 'garden'] }],
  },
  {
    group: 'tags',
    author: 'independent',
    given: [{ title: 'buy bread', tags: ['shopping'] }],
    say: ['take the shopping tag off buy bread'],
    tasks: [{ number: 1, title: 'buy bread', tags: [] }],
  },
  {
    group: 'tags',
    author: 'independent',
    given: [{ title: 'call mom', tags: ['personal'] }],
    say: ['tag call mom with family'],
    tasks: [{ number: 1, title: 'call mom', tags: ['personal', 'family'] }],
  },
  {
    group: 'tags',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'file taxes', tags: ['urgent', 'finance'] }],
    say: ['remove the tag urgent from task 3'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom' },
      { number: 3, title: 'file taxes', tags: ['finance'] },
    ],
  },
  {
    group: 'tags',
    author: 'independent',
    given: [{ title: 'walk the dog' }, { title: 'pay the invoice' }],
    say: ['can you tag task 2 as finance'],
    tasks: [
      { number: 1, title: 'walk the dog' },
      { number: 2, title: 'pay the invoice', tags: ['finance'] },
    ],
  },

  // ───────────────────────────── recurrence-edit ─────────────────────────────
  {
    group: 'recurrence-edit',
    author: 'independent',
    given: [{ title: 'water the plants', due: '2026-11-30' }],
    say: ['make water the plants repeat weekly'],
    tasks: [{ number: 1, title: 'water the plants', repeat: 'weekly' }],
  },
  {
    group: 'recurrence-edit',
    author: 'independent',
    given: [{ title: 'take vitamins', due: '2026-11-25T21:00', repeat: 'daily' }],
    say: ['stop repeating take vitamins'],
    tasks: [{ number: 1, title: 'take vitamins', repeat: undefined }],
  },
  {
    group: 'recurrence-edit',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'pay rent', due: '2026-12-01' }],
    say: ['make task 2 repeat every month'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'pay rent', repeat: 'monthly' },
    ],
  },
  {
    group: 'recurrence-edit',
    author: 'independent',
    given: [{ title: 'write standup notes', due: '2026-11-26T17:00' }],
    say: ['change task 1 to repeat on weekdays'],
    tasks: [{ number: 1, title: 'write standup notes', repeat: 'weekdays' }],
  },
  {
    group: 'recurrence-edit',
    author: 'independent',
    given: [{ title: 'gym session', due: '2026-11-27T18:00' }],
    say: ['make gym session repeat every other week'],
    tasks: [{ number: 1, title: 'gym session', repeat: 'every-other-week' }],
  },
  {
    group: 'recurrence-edit',
    author: 'independent',
    given: [{ title: 'renew car insurance', due: '2027-03-03' }],
    say: ['renew car insurance should repeat every year'],
    tasks: [{ number: 1, title: 'renew car insurance', repeat: 'yearly' }],
  },
  {
    group: 'recurrence-edit',
    author: 'independent',
    given: [{ title: 'clean the bathroom', due: '2026-11-28' }],
    say: ['make clean the bathroom repeat every weekend'],
    tasks: [{ number: 1, title: 'clean the bathroom', repeat: 'weekends' }],
  },
  {
    group: 'recurrence-edit',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'gym', due: '2026-11-25T18:00', repeat: 'daily' }],
    say: ["task 3 doesn't need to repeat anymore"],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom' },
      { number: 3, title: 'gym', repeat: undefined },
    ],
  },

  // ───────────────────────────── description ─────────────────────────────
  {
    group: 'description',
    author: 'independent',
    given: [{ title: 'pay rent' }],
    say: ['add a note to pay rent: transfer from the joint account'],
    tasks: [{ number: 1, title: 'pay rent', description: 'transfer from the joint account' }],
  },
  {
    group: 'description',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call the bank' }],
    say: ['set the description of task 2 to call before 5pm'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call the bank', description: 'call before 5pm' },
    ],
  },
  {
    group: 'description',
    author: 'independent',
    given: [{ title: 'feed the neighbours cat' }],
    say: ['add details to task 1: the door code is 4412'],
    tasks: [{ number: 1, title: 'feed the neighbours cat', description: 'the door code is 4412' }],
  },
  {
    group: 'description',
    author: 'independent',
    given: [{ title: 'book flights', priority: 'high' }],
    say: ['add a description to book flights: window seat, no red-eye'],
    tasks: [{ number: 1, title: 'book flights', description: 'window seat, no red-eye' }],
  },
  {
    group: 'description',
    author: 'independent',
    given: [{ title: 'dentist appointment', due: '2026-11-27T15:00' }],
    say: ['could you add a note to the dentist appointment: bring the insurance card'],
    tasks: [{ number: 1, title: 'dentist appointment', description: 'bring the insurance card' }],
  },

  // ───────────────────────────── complete ─────────────────────────────
  {
    group: 'complete',
    author: 'issue',
    given: [{ title: 'buy milk' }],
    say: ['Mark task 1 as complete'],
    tasks: [{ number: 1, title: 'buy milk', done: true }],
  },
  {
    group: 'complete',
    author: 'independent',
    given: [{ title: 'file taxes' }, { title: 'buy milk' }],
    say: ['done with file taxes'],
    tasks: [
      { number: 1, title: 'file taxes', done: true },
      { number: 2, title: 'buy milk' },
    ],
  },
  {
    group: 'complete',
    author: 'independent',
    given: [{ title: 'do the laundry' }],
    say: ['i finished the laundry'],
    tasks: [{ number: 1, title: 'do the laundry', done: true }],
  },
  {
    group: 'complete',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'walk the dog' }],
    say: ['check off task 2'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom', done: true },
      { number: 3, title: 'walk the dog' },
    ],
  },
  {
    group: 'complete',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }],
    say: ['buy milk is done'],
    tasks: [
      { number: 1, title: 'buy milk', done: true },
      { number: 2, title: 'call mom' },
    ],
  },
  {
    group: 'complete',
    author: 'independent',
    given: [{ title: 'call mom' }],
    say: ['mark call mom as done pls'],
    tasks: [{ number: 1, title: 'call mom', done: true }],
  },
  {
    group: 'complete',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'renew passport' }],
    say: ['complete task two'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'renew passport', done: true },
    ],
  },
  {
    group: 'complete',
    author: 'independent',
    given: [{ title: 'call mom', done: true }],
    say: ['mark call mom as not done'],
    tasks: [{ number: 1, title: 'call mom', done: false }],
  },
  {
    group: 'complete',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'file taxes', done: true }],
    say: ['reopen task 2, i still need to do it'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'file taxes', done: false },
    ],
  },
  {
    group: 'complete',
    author: 'independent',
    given: [{ title: 'water the plants', due: '2026-11-30', repeat: 'weekly' }],
    say: ['mark water the plants done'],
    tasks: [
      { number: 1, title: 'water the plants', done: true },
      { number: 2, title: 'water the plants', due: '2026-12-07', repeat: 'weekly' },
    ],
  },
  {
    group: 'complete',
    author: 'independent',
    given: [{ title: 'pay rent', due: '2026-12-01', repeat: 'monthly', priority: 'high', tags: ['bills'] }],
    say: ['complete task 1'],
    tasks: [
      { number: 1, title: 'pay rent', done: true },
      { number: 2, title: 'pay rent', due: '2027-01-01', repeat: 'monthly', priority: 'high', tags: ['bills'] },
    ],
  },
  {
    group: 'complete',
    author: 'independent',
    given: [{ title: 'take vitamins', due: '2026-11-25T20:00', repeat: 'daily' }],
    say: ['check off take vitamins'],
    tasks: [
      { number: 1, title: 'take vitamins', done: true },
      { number: 2, title: 'take vitamins', due: '2026-11-26T20:00', repeat: 'daily' },
    ],
  },
  {
    group: 'complete',
    author: 'independent',
    given: [
      { title: 'buy milk' },
      { title: 'write standup notes', due: '2026-11-27', repeat: 'weekdays', tags: ['work'] },
    ],
    say: ['task 2 is done'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'write standup notes', done: true },
      { number: 3, title: 'write standup notes', due: '2026-11-30', repeat: 'weekdays', tags: ['work'] },
    ],
  },
  {
    group: 'complete',
    author: 'independent',
    given: [{ title: 'call grandma', due: '2026-11-29', repeat: 'every-other-week' }],
    say: ['i called grandma, mark it complete'],
    tasks: [
      { number: 1, title: 'call grandma', done: true },
      { number: 2, title: 'call grandma', due: '2026-12-13', repeat: 'every-other-week' },
    ],
  },
  {
    group: 'complete',
    author: 'independent',
    given: [{ title: 'renew car insurance', due: '2027-03-03', repeat: 'yearly', priority: 'low' }],
    say: ['mark renew car insurance as complete'],
    tasks: [
      { number: 1, title: 'renew car insurance', done: true },
      { number: 2, title: 'renew car insurance', due: '2028-03-03', repeat: 'yearly', priority: 'low' },
    ],
  },

  // ───────────────────────────── delete ─────────────────────────────
  {
    group: 'delete',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }],
    say: ['delete buy milk'],
    tasks: [{ number: 2, title: 'call mom' }],
  },
  {
    group: 'delete',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'walk the dog' }],
    say: ['remove task 2'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 3, title: 'walk the dog' },
    ],
  },
  {
    group: 'delete',
    author: 'independent',
    given: [{ title: 'dentist appointment', due: '2026-11-27T15:00' }, { title: 'file taxes' }],
    say: ['get rid of the dentist appointment'],
    tasks: [{ number: 2, title: 'file taxes' }],
  },
  {
    group: 'delete',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'old project kickoff' }],
    say: ["please delete task 3, i don't need it anymore"],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom' },
    ],
  },
  {
    group: 'delete',
    author: 'independent',
    given: [{ title: 'walk the dog' }, { title: 'gym session', repeat: 'weekly', due: '2026-11-27' }],
    say: ['can you delete the gym task'],
    tasks: [{ number: 1, title: 'walk the dog' }],
  },
  {
    group: 'delete',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }],
    say: ['delete a task'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom' },
    ],
    asks: true,
  },
  {
    group: 'delete',
    author: 'independent',
    given: [{ title: 'call mom', done: true }, { title: 'buy milk' }],
    say: ['remove call mom from my list'],
    tasks: [{ number: 2, title: 'buy milk' }],
  },

  // ───────────────────────────── list-search ─────────────────────────────
  {
    group: 'list-search',
    author: 'independent',
    given: [
      { title: 'pay rent', due: '2026-11-27' },
      { title: 'call mom', due: '2026-11-26' },
      { title: 'renew passport', due: '2026-12-10' },
    ],
    say: ["what's due this week"],
    tasks: [
      { number: 1, title: 'pay rent' },
      { number: 2, title: 'call mom' },
      { number: 3, title: 'renew passport' },
    ],
    replyIncludes: ['pay rent', 'call mom'],
  },
  {
    group: 'list-search',
    author: 'independent',
    given: [
      { title: 'file taxes', priority: 'high' },
      { title: 'buy milk', priority: 'low' },
      { title: 'fix the sink', priority: 'high' },
    ],
    say: ['show my high priority tasks'],
    tasks: [
      { number: 1, title: 'file taxes' },
      { number: 2, title: 'buy milk' },
      { number: 3, title: 'fix the sink' },
    ],
    replyIncludes: ['file taxes', 'fix the sink'],
  },
  {
    group: 'list-search',
    author: 'independent',
    given: [{ title: 'call mom' }, { title: 'buy oat milk' }],
    say: ['find milk'],
    tasks: [
      { number: 1, title: 'call mom' },
      { number: 2, title: 'buy oat milk' },
    ],
    replyIncludes: ['buy oat milk'],
  },
  {
    group: 'list-search',
    author: 'independent',
    given: [
      { title: 'email boss', tags: ['work'] },
      { title: 'walk the dog' },
      { title: 'prepare slides', tags: ['work', 'urgent'] },
    ],
    say: ['what do i have tagged work?'],
    tasks: [
      { number: 1, title: 'email boss' },
      { number: 2, title: 'walk the dog' },
      { number: 3, title: 'prepare slides' },
    ],
    replyIncludes: ['email boss', 'prepare slides'],
  },
  {
    group: 'list-search',
    author: 'independent',
    given: [
      { title: 'pay rent', due: '2026-11-20' },
      { title: 'book flights', due: '2026-12-10' },
    ],
    say: ["what's overdue?"],
    tasks: [
      { number: 1, title: 'pay rent' },
      { number: 2, title: 'book flights' },
    ],
    replyIncludes: ['pay rent'],
  },
  {
    group: 'list-search',
    author: 'independent',
    given: [
      { title: 'call mom', due: '2026-11-26' },
      { title: 'renew passport', due: '2026-12-10' },
    ],
    say: ['anything due tomorrow?'],
    tasks: [
      { number: 1, title: 'call mom' },
      { number: 2, title: 'renew passport' },
    ],
    replyIncludes: ['call mom'],
  },
  {
    group: 'list-search',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'walk the dog' }],
    say: ['list all my tasks'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom' },
      { number: 3, title: 'walk the dog' },
    ],
    replyIncludes: ['buy milk', 'call mom', 'walk the dog'],
  },
  {
    group: 'list-search',
    author: 'independent',
    given: [{ title: 'file taxes' }, { title: 'dentist appointment', due: '2026-11-27T15:00' }],
    say: ['search for dentist'],
    tasks: [
      { number: 1, title: 'file taxes' },
      { number: 2, title: 'dentist appointment' },
    ],
    replyIncludes: ['dentist appointment'],
  },
  {
    group: 'list-search',
    author: 'independent',
    given: [
      { title: 'pay rent', due: '2026-11-27' },
      { title: 'call mom', due: '2026-11-26' },
      { title: 'haircut', due: '2026-11-27T15:00' },
    ],
    say: ['what do i have on friday'],
    tasks: [
      { number: 1, title: 'pay rent' },
      { number: 2, title: 'call mom' },
      { number: 3, title: 'haircut' },
    ],
    replyIncludes: ['pay rent', 'haircut'],
  },
  {
    group: 'list-search',
    author: 'independent',
    given: [{ title: 'call mom', done: true }, { title: 'buy milk' }],
    say: ['show me the tasks i already finished'],
    tasks: [
      { number: 1, title: 'call mom' },
      { number: 2, title: 'buy milk' },
    ],
    replyIncludes: ['call mom'],
  },

  // ───────────────────────────── ambiguity ─────────────────────────────
  {
    group: 'ambiguity',
    author: 'independent',
    given: [{ title: 'walk the dog' }, { title: 'buy oat milk' }, { title: 'buy almond milk' }],
    say: ['delete milk'],
    tasks: [
      { number: 1, title: 'walk the dog' },
      { number: 2, title: 'buy oat milk' },
      { number: 3, title: 'buy almond milk' },
    ],
    replyIncludes: ['2', '3'],
    asks: true,
  },
  {
    group: 'ambiguity',
    author: 'independent',
    given: [{ title: 'call mom' }, { title: 'write report' }, { title: 'send report' }],
    say: ['make the report urgent'],
    tasks: [
      { number: 1, title: 'call mom' },
      { number: 2, title: 'write report' },
      { number: 3, title: 'send report' },
    ],
    replyIncludes: ['2', '3'],
    asks: true,
  },
  {
    group: 'ambiguity',
    author: 'independent',
    given: [{ title: 'dentist appointment' }, { title: 'pay dentist bill' }],
    say: ['mark dentist done'],
    tasks: [
      { number: 1, title: 'dentist appointment' },
      { number: 2, title: 'pay dentist bill' },
    ],
    replyIncludes: ['1', '2'],
    asks: true,
  },
  {
    group: 'ambiguity',
    author: 'independent',
    given: [{ title: 'pack gym bag' }, { title: 'gym session' }, { title: 'call mom' }],
    say: ['move gym to friday'],
    tasks: [
      { number: 1, title: 'pack gym bag' },
      { number: 2, title: 'gym session' },
      { number: 3, title: 'call mom' },
    ],
    replyIncludes: ['1', '2'],
    asks: true,
  },
  {
    group: 'ambiguity',
    author: 'independent',
    given: [{ title: 'email boss' }, { title: 'email landlord' }, { title: 'buy milk' }],
    say: ['tag the email task with work'],
    tasks: [
      { number: 1, title: 'email boss' },
      { number: 2, title: 'email landlord' },
      { number: 3, title: 'buy milk' },
    ],
    replyIncludes: ['1', '2'],
    asks: true,
  },
  {
    group: 'ambiguity',
    author: 'independent',
    given: [{ title: 'buy oat milk' }, { title: 'buy almond milk' }],
    say: ['rename milk to buy soy milk'],
    tasks: [
      { number: 1, title: 'buy oat milk' },
      { number: 2, title: 'buy almond milk' },
    ],
    replyIncludes: ['1', '2'],
    asks: true,
  },
  {
    group: 'ambiguity',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'email boss' }, { title: 'email landlord' }],
    say: ['remind me about the email tomorrow at 8am'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'email boss' },
      { number: 3, title: 'email landlord' },
    ],
    replyIncludes: ['2', '3'],
    asks: true,
  },

  // ───────────────────────────── unknown-task ─────────────────────────────
  {
    group: 'unknown-task',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }],
    say: ['complete task 42'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom' },
    ],
    replyIncludes: ['42'],
  },
  {
    group: 'unknown-task',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }],
    say: ['delete task 17'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom' },
    ],
    replyIncludes: ['17'],
  },
  {
    group: 'unknown-task',
    author: 'independent',
    given: [{ title: 'file taxes' }],
    say: ['rename task 9 to buy milk'],
    tasks: [{ number: 1, title: 'file taxes' }],
    replyIncludes: ['9'],
  },
  {
    group: 'unknown-task',
    author: 'independent',
    given: [{ title: 'file taxes' }, { title: 'call mom' }, { title: 'walk the dog' }],
    say: ['make task 12 urgent'],
    tasks: [
      { number: 1, title: 'file taxes' },
      { number: 2, title: 'call mom' },
      { number: 3, title: 'walk the dog' },
    ],
    replyIncludes: ['12'],
  },
  {
    group: 'unknown-task',
    author: 'independent',
    say: ['mark task 5 as done'],
    tasks: [],
    replyIncludes: ['5'],
  },
  {
    group: 'unknown-task',
    author: 'independent',
    given: [{ title: 'pay rent', due: '2026-11-27' }],
    say: ['move task 30 to friday'],
    tasks: [{ number: 1, title: 'pay rent' }],
    replyIncludes: ['30'],
  },
  {
    group: 'unknown-task',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'walk the dog' }],
    say: ['delete task 2', 'now complete task 2'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 3, title: 'walk the dog' },
    ],
    replyIncludes: ['2'],
  },

  // ───────────────────────────── follow-up ─────────────────────────────
  {
    group: 'follow-up',
    author: 'issue',
    say: ['add a task', 'buy stamps'],
    tasks: [{ number: 1, title: 'buy stamps' }],
  },
  {
    group: 'follow-up',
    author: 'independent',
    say: ['could you add a task for me', 'pick up the dry cleaning'],
    tasks: [{ number: 1, title: 'pick up the dry cleaning' }],
  },
  {
    group: 'follow-up',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'walk the dog' }],
    say: ['delete a task', 'task 2'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 3, title: 'walk the dog' },
    ],
  },
  {
    group: 'follow-up',
    author: 'independent',
    given: [{ title: 'fix the sink' }, { title: 'plumber' }],
    say: ['rename task 2', 'book the plumber'],
    tasks: [
      { number: 1, title: 'fix the sink' },
      { number: 2, title: 'book the plumber' },
    ],
  },
  {
    group: 'follow-up',
    author: 'independent',
    given: [{ title: 'pay rent', due: '2026-12-01' }],
    say: ['remind me about pay rent', 'friday at 6pm'],
    tasks: [{ number: 1, title: 'pay rent', remind: '2026-11-27T18:00' }],
  },
  {
    group: 'follow-up',
    author: 'independent',
    given: [{ title: 'pay rent', due: '2026-11-27' }],
    say: ['move pay rent', 'to monday'],
    tasks: [{ number: 1, title: 'pay rent', due: '2026-11-30' }],
  },
  {
    group: 'follow-up',
    author: 'independent',
    say: ['add buy milk', 'make it urgent'],
    tasks: [{ number: 1, title: 'buy milk', priority: 'high' }],
  },
  {
    group: 'follow-up',
    author: 'independent',
    say: ['add call mom tomorrow', 'actually make it friday'],
    tasks: [{ number: 1, title: 'call mom', due: '2026-11-27' }],
  },
  {
    group: 'follow-up',
    author: 'independent',
    say: ['dentist appointment friday 3pm', 'tag it health'],
    tasks: [{ number: 1, title: 'dentist appointment', due: '2026-11-27T15:00', tags: ['health'] }],
  },
  {
    group: 'follow-up',
    author: 'independent',
    given: [{ title: 'buy oat milk' }, { title: 'buy almond milk' }],
    say: ['mark milk done', 'the oat one'],
    tasks: [
      { number: 1, title: 'buy oat milk', done: true },
      { number: 2, title: 'buy almond milk' },
    ],
  },
  {
    group: 'follow-up',
    author: 'independent',
    given: [{ title: 'write report' }, { title: 'send report' }],
    say: ['delete the report', 'number 2'],
    tasks: [{ number: 1, title: 'write report' }],
  },
  {
    group: 'follow-up',
    author: 'independent',
    given: [
      { title: 'pay rent', due: '2026-11-27' },
      { title: 'call mom', due: '2026-11-26' },
    ],
    say: ["what's due tomorrow?", 'ok mark it done'],
    tasks: [
      { number: 1, title: 'pay rent' },
      { number: 2, title: 'call mom', done: true },
    ],
  },
  {
    group: 'follow-up',
    author: 'independent',
    given: [{ title: 'walk the dog' }, { title: 'buy oat milk' }],
    say: ['find milk', 'delete it'],
    tasks: [{ number: 1, title: 'walk the dog' }],
  },

  // ───────────────────────────── bulk ─────────────────────────────
  {
    group: 'bulk',
    author: 'independent',
    given: [
      { title: 'buy milk', tags: ['shopping'] },
      { title: 'buy bread', tags: ['shopping'] },
      { title: 'call mom', tags: ['family'] },
    ],
    say: ['mark every task tagged shopping done'],
    tasks: [
      { number: 1, title: 'buy milk', done: true },
      { number: 2, title: 'buy bread', done: true },
      { number: 3, title: 'call mom' },
    ],
    replyIncludes: ['2'],
  },
  {
    group: 'bulk',
    author: 'independent',
    given: [
      { title: 'pay rent', due: '2026-11-20' },
      { title: 'renew passport', due: '2026-11-24' },
      { title: 'dentist appointment', due: '2026-11-27T15:00' },
      { title: 'buy milk' },
    ],
    say: ['all overdue tasks are finished'],
    tasks: [
      { number: 1, title: 'pay rent', done: true },
      { number: 2, title: 'renew passport', done: true },
      { number: 3, title: 'dentist appointment' },
      { number: 4, title: 'buy milk' },
    ],
    replyIncludes: ['2'],
  },
  {
    group: 'bulk',
    author: 'independent',
    given: [
      { title: 'call mom', due: '2026-11-25' },
      { title: 'buy milk', due: '2026-11-25' },
      { title: 'water the plants', due: '2026-11-25' },
      { title: 'pay rent', due: '2026-11-27' },
      { title: 'walk the dog' },
    ],
    say: ['move everything due today to tomorrow'],
    tasks: [
      { number: 1, title: 'call mom', due: '2026-11-26' },
      { number: 2, title: 'buy milk', due: '2026-11-26' },
      { number: 3, title: 'water the plants', due: '2026-11-26' },
      { number: 4, title: 'pay rent' },
      { number: 5, title: 'walk the dog' },
    ],
    replyIncludes: ['3'],
  },
  {
    group: 'bulk',
    author: 'independent',
    given: [
      { title: 'file taxes', priority: 'high' },
      { title: 'buy milk' },
      { title: 'fix the sink', priority: 'high', tags: ['home'] },
    ],
    say: ['tag all my high priority tasks urgent-review'],
    tasks: [
      { number: 1, title: 'file taxes', tags: ['urgent-review'] },
      { number: 2, title: 'buy milk' },
      { number: 3, title: 'fix the sink', tags: ['home', 'urgent-review'] },
    ],
    replyIncludes: ['2'],
  },
  {
    group: 'bulk',
    author: 'independent',
    given: [
      { title: 'email boss', tags: ['work'] },
      { title: 'prepare slides', tags: ['work'] },
      { title: 'walk the dog' },
      { title: 'submit timesheet', tags: ['work'], priority: 'low' },
    ],
    say: ['set everything tagged work to high priority'],
    tasks: [
      { number: 1, title: 'email boss', priority: 'high' },
      { number: 2, title: 'prepare slides', priority: 'high' },
      { number: 3, title: 'walk the dog' },
      { number: 4, title: 'submit timesheet', priority: 'high' },
    ],
    replyIncludes: ['3'],
  },
  {
    group: 'bulk',
    author: 'independent',
    given: [
      { title: 'call mom', due: '2026-11-25T17:00' },
      { title: 'buy milk', due: '2026-11-25' },
      { title: 'pay rent', due: '2026-11-27' },
    ],
    say: ['complete everything due today'],
    tasks: [
      { number: 1, title: 'call mom', done: true },
      { number: 2, title: 'buy milk', done: true },
      { number: 3, title: 'pay rent' },
    ],
    replyIncludes: ['2'],
  },
  {
    group: 'bulk',
    author: 'independent',
    given: [
      { title: 'pick up dry cleaning', tags: ['errands'] },
      { title: 'return library books', tags: ['errands'], due: '2026-11-26' },
      { title: 'buy stamps', tags: ['errands'] },
      { title: 'file taxes' },
    ],
    say: ['move all my errands tasks to saturday'],
    tasks: [
      { number: 1, title: 'pick up dry cleaning', due: '2026-11-28' },
      { number: 2, title: 'return library books', due: '2026-11-28' },
      { number: 3, title: 'buy stamps', due: '2026-11-28' },
      { number: 4, title: 'file taxes' },
    ],
    replyIncludes: ['3'],
  },
  {
    group: 'bulk',
    author: 'independent',
    given: [
      { title: 'sort old photos', priority: 'low' },
      { title: 'file taxes', priority: 'high' },
      { title: 'clean the attic', priority: 'low' },
    ],
    say: ['mark all my low priority tasks as done'],
    tasks: [
      { number: 1, title: 'sort old photos', done: true },
      { number: 2, title: 'file taxes' },
      { number: 3, title: 'clean the attic', done: true },
    ],
    replyIncludes: ['2'],
  },
  {
    group: 'bulk',
    author: 'independent',
    given: [
      { title: 'email boss', tags: ['work', 'urgent'] },
      { title: 'prepare slides', tags: ['work'] },
      { title: 'walk the dog', tags: ['home'] },
    ],
    say: ['remove the work tag from all my tasks'],
    tasks: [
      { number: 1, title: 'email boss', tags: ['urgent'] },
      { number: 2, title: 'prepare slides', tags: [] },
      { number: 3, title: 'walk the dog' },
    ],
    replyIncludes: ['2'],
  },
  {
    group: 'bulk',
    author: 'independent',
    given: [
      { title: 'fix the fence', tags: ['home'] },
      { title: 'clean the gutters', tags: ['home'] },
      { title: 'vacuum the car', tags: ['home'] },
      { title: 'paint the shed', tags: ['home'] },
      { title: 'email boss', tags: ['work'] },
    ],
    say: ['make everything tagged home low priority'],
    tasks: [
      { number: 1, title: 'fix the fence', priority: 'low' },
      { number: 2, title: 'clean the gutters', priority: 'low' },
      { number: 3, title: 'vacuum the car', priority: 'low' },
      { number: 4, title: 'paint the shed', priority: 'low' },
      { number: 5, title: 'email boss' },
    ],
    replyIncludes: ['4'],
  },

  // ───────────────────────────── bulk-confirm ─────────────────────────────
  {
    group: 'bulk-confirm',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'file taxes' }],
    say: ['delete all my tasks'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom' },
      { number: 3, title: 'file taxes' },
    ],
    asks: true,
  },
  {
    group: 'bulk-confirm',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'file taxes' }],
    say: ['delete all my tasks', 'yes'],
    tasks: [],
  },
  {
    group: 'bulk-confirm',
    author: 'independent',
    given: [
      { title: 'email boss', tags: ['work'] },
      { title: 'walk the dog' },
      { title: 'prepare slides', tags: ['work'] },
    ],
    say: ['delete everything tagged work'],
    tasks: [
      { number: 1, title: 'email boss' },
      { number: 2, title: 'walk the dog' },
      { number: 3, title: 'prepare slides' },
    ],
    asks: true,
  },
  {
    group: 'bulk-confirm',
    author: 'independent',
    given: [
      { title: 'email boss', tags: ['work'] },
      { title: 'walk the dog' },
      { title: 'prepare slides', tags: ['work'] },
    ],
    say: ['delete everything tagged work', 'yes'],
    tasks: [{ number: 2, title: 'walk the dog' }],
  },
  {
    group: 'bulk-confirm',
    author: 'independent',
    given: [
      { title: 'email boss', tags: ['work'] },
      { title: 'walk the dog' },
      { title: 'prepare slides', tags: ['work'] },
    ],
    say: ['delete everything tagged work', 'no, leave them'],
    tasks: [
      { number: 1, title: 'email boss' },
      { number: 2, title: 'walk the dog' },
      { number: 3, title: 'prepare slides' },
    ],
  },
  {
    group: 'bulk-confirm',
    author: 'independent',
    given: [{ title: 'call mom', done: true }, { title: 'buy milk' }, { title: 'file taxes', done: true }],
    say: ['remove all completed tasks', 'yes please'],
    tasks: [{ number: 2, title: 'buy milk' }],
  },
  {
    group: 'bulk-confirm',
    author: 'independent',
    given: [
      { title: 'buy milk', tags: ['shopping'] },
      { title: 'buy bread', tags: ['shopping'] },
      { title: 'call mom' },
    ],
    say: ['delete every task tagged shopping', 'yep, go ahead'],
    tasks: [{ number: 3, title: 'call mom' }],
  },
  {
    group: 'bulk-confirm',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }],
    say: ['could you wipe all my tasks pls'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom' },
    ],
    asks: true,
  },

  // ───────────────────────────── undo ─────────────────────────────
  {
    group: 'undo',
    author: 'issue',
    say: ['add buy bread', 'undo that'],
    tasks: [],
  },
  {
    group: 'undo',
    author: 'independent',
    given: [{ title: 'walk the dog' }],
    say: ['add buy eggs', 'undo'],
    tasks: [{ number: 1, title: 'walk the dog' }],
  },
  {
    group: 'undo',
    author: 'independent',
    given: [{ title: 'file taxes', priority: 'high', due: '2026-11-30' }],
    say: ['delete task 1', 'undo'],
    tasks: [{ number: 1, title: 'file taxes' }],
  },
  {
    group: 'undo',
    author: 'independent',
    given: [{ title: 'buy oat milk' }],
    say: ['rename buy oat milk to buy almond milk', 'take that back'],
    tasks: [{ number: 1, title: 'buy oat milk' }],
  },
  {
    group: 'undo',
    author: 'independent',
    given: [{ title: 'file taxes' }],
    say: ['make file taxes urgent', 'undo that'],
    tasks: [{ number: 1, title: 'file taxes', priority: 'medium' }],
  },
  {
    group: 'undo',
    author: 'independent',
    given: [{ title: 'call mom' }],
    say: ['mark call mom done', 'undo'],
    tasks: [{ number: 1, title: 'call mom', done: false }],
  },
  {
    group: 'undo',
    author: 'independent',
    given: [{ title: 'pay rent', due: '2026-11-27' }],
    say: ['move pay rent to monday', 'undo please'],
    tasks: [{ number: 1, title: 'pay rent', due: '2026-11-27' }],
  },
  {
    group: 'undo',
    author: 'independent',
    say: ['add buy bread', 'add buy eggs', 'undo'],
    tasks: [{ number: 1, title: 'buy bread' }],
  },
  {
    group: 'undo',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }],
    say: ['undo'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom' },
    ],
  },
  {
    group: 'undo',
    author: 'independent',
    given: [{ title: 'call mom', tags: ['family'] }],
    say: ['remove the family tag from call mom', 'oops, undo that'],
    tasks: [{ number: 1, title: 'call mom', tags: ['family'] }],
  },
  {
    group: 'undo',
    author: 'independent',
    given: [{ title: 'pay rent' }],
    say: ['add a note to pay rent: use the joint account', 'actually take that back'],
    tasks: [{ number: 1, title: 'pay rent' }],
  },

  // ───────────────────────────── errors-in-words ─────────────────────────────
  {
    group: 'errors-in-words',
    author: 'issue',
    say: [`add ${'x'.repeat(2000)}`],
    tasks: [],
    replyIncludes: ['500'],
  },
  {
    group: 'errors-in-words',
    author: 'independent',
    say: [`add ${'z'.repeat(501)}`],
    tasks: [],
    replyIncludes: ['500'],
  },
  {
    group: 'errors-in-words',
    author: 'independent',
    say: [`add ${'y'.repeat(500)}`],
    tasks: [{ number: 1, title: 'y'.repeat(500) }],
  },
  {
    group: 'errors-in-words',
    author: 'independent',
    given: [{ title: 'buy milk' }],
    say: [`add ${'remember to call the insurance company about the claim '.repeat(10)}`],
    tasks: [{ number: 1, title: 'buy milk' }],
    replyIncludes: ['500'],
  },
  {
    group: 'errors-in-words',
    author: 'independent',
    given: [{ title: 'buy milk' }],
    say: [`rename task 1 to ${'w'.repeat(600)}`],
    tasks: [{ number: 1, title: 'buy milk' }],
    replyIncludes: ['500'],
  },
  {
    group: 'errors-in-words',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'walk the dog' }],
    say: ['delte task 2'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 3, title: 'walk the dog' },
    ],
  },
  {
    group: 'errors-in-words',
    author: 'independent',
    say: ['add call mom tommorow'],
    tasks: [{ number: 1, title: 'call mom', due: '2026-11-26' }],
  },
  {
    group: 'errors-in-words',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }],
    say: ['pls compelte task 1'],
    tasks: [
      { number: 1, title: 'buy milk', done: true },
      { number: 2, title: 'call mom' },
    ],
  },
  {
    group: 'errors-in-words',
    author: 'independent',
    given: [{ title: 'file taxes' }],
    say: ['make file taxes urgnet'],
    tasks: [{ number: 1, title: 'file taxes', priority: 'high' }],
  },
  {
    group: 'errors-in-words',
    author: 'independent',
    given: [{ title: 'pay rent', due: '2026-11-27' }],
    say: ['remnd me about pay rent tomorow at 8am'],
    tasks: [{ number: 1, title: 'pay rent', remind: '2026-11-26T08:00' }],
  },
  {
    group: 'errors-in-words',
    author: 'independent',
    given: [{ title: 'dentist appointment' }, { title: 'buy milk' }],
    say: ['delete the dentist apointment'],
    tasks: [{ number: 2, title: 'buy milk' }],
  },

  // ───────────────────────────── mixed-commands ─────────────────────────────
  {
    group: 'mixed-commands',
    author: 'independent',
    given: [{ title: 'call mom' }, { title: 'file taxes' }],
    say: ['add milk and delete task 2'],
    tasks: [
      { number: 1, title: 'call mom' },
      { number: 3, title: 'milk' },
    ],
  },
  {
    group: 'mixed-commands',
    author: 'independent',
    given: [{ title: 'call mom' }],
    say: ['add buy eggs and mark task 1 done'],
    tasks: [
      { number: 1, title: 'call mom', done: true },
      { number: 2, title: 'buy eggs' },
    ],
  },
  {
    group: 'mixed-commands',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'walk the dog' }],
    say: ['complete task 1 and delete task 2'],
    tasks: [
      { number: 1, title: 'buy milk', done: true },
      { number: 3, title: 'walk the dog' },
    ],
  },
  {
    group: 'mixed-commands',
    author: 'independent',
    given: [{ title: 'passport' }],
    say: ['rename task 1 to renew passport and make it urgent'],
    tasks: [{ number: 1, title: 'renew passport', priority: 'high' }],
  },
  {
    group: 'mixed-commands',
    author: 'independent',
    given: [{ title: 'pay rent' }],
    say: ['move pay rent to friday and tag it bills'],
    tasks: [{ number: 1, title: 'pay rent', due: '2026-11-27', tags: ['bills'] }],
  },
  {
    group: 'mixed-commands',
    author: 'independent',
    given: [{ title: 'buy milk' }, { title: 'call mom' }, { title: 'old errand' }],
    say: ['delete task 3, then add call the plumber'],
    tasks: [
      { number: 1, title: 'buy milk' },
      { number: 2, title: 'call mom' },
      { number: 4, title: 'call the plumber' },
    ],
  },
  {
    group: 'mixed-commands',
    author: 'independent',
    given: [{ title: 'call mom' }, { title: 'pay rent', due: '2026-11-27' }],
    say: ['mark call mom done and remind me about pay rent tomorrow at 8am'],
    tasks: [
      { number: 1, title: 'call mom', done: true },
      { number: 2, title: 'pay rent', remind: '2026-11-26T08:00' },
    ],
  },
  {
    group: 'mixed-commands',
    author: 'independent',
    given: [{ title: 'file taxes' }, { title: 'buy milk' }],
    say: ['make file taxes high priority and tag buy milk with shopping'],
    tasks: [
      { number: 1, title: 'file taxes', priority: 'high' },
      { number: 2, title: 'buy milk', tags: ['shopping'] },
    ],
  },
];
