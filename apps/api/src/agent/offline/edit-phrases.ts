import type { TaskChanges } from './commands.js';
import { readChanges, type Reader, trimConnectors, update, awaiting } from './edit-readers.js';
import {
  readClearedField,
  readDescription,
  readNamedField,
  readRename,
  readStopRepeating,
  readTags,
} from './field-edits.js';
import { findRecurrence } from './recurrence-phrases.js';
import { readReminder, readSnooze } from './reminder-edits.js';
import { takeDate, takePriority } from './task-fields.js';
import { parseTarget } from './task-target.js';
import { squash, toTitle, unquote } from './text.js';
import { NUMBER_WORDS } from './normalise.js';

const UPDATE_VERB =
  /^(make|mark|set|give|change|update|edit|modify|move|push|postpone|reschedule|put|bump|shift|delay)\s+(.+)$/i;
const MOVE_VERBS = new Set(['move', 'push', 'postpone', 'reschedule', 'bump', 'shift', 'delay']);
const NEW_TASK_VERBS = new Set(['make', 'put', 'set', 'mark', 'give']);
/** "push X back a day", "move it forward 2 hours", "delay task 3 by a week": relative to its due date. */
const SHIFT =
  /^(.+?)\s+(back|forward|on)?\s*(?:by\s+)?(a|an|one|two|three|four|five|six|seven|\d+)\s+(hour|day|week)s?(?:\s+(later|earlier|back|forward))?$/i;
const SHIFT_COUNTS: Record<string, number> = { a: 1, an: 1, ...NUMBER_WORDS };
const UNIT_MINUTES: Record<string, number> = { hour: 60, day: 24 * 60, week: 7 * 24 * 60 };
/** "change milk to oat milk": with these verbs, a new value that is no date or priority is a new title. */
const RETITLING_VERBS = new Set(['change', 'update', 'edit', 'modify']);

/** "raise the priority of X", "lower the priority of X", "prioritise X", "deprioritise X". */
const readPriorityVerb: Reader = (clause, clock) => {
  const raised =
    /^(?:raise|increase|bump\s+up|up)\s+(?:the\s+)?priority\s+(?:of|on|for)\s+(.+)$/i.exec(clause) ??
    /^prioriti[sz]e\s+(.+)$/i.exec(clause);
  if (raised?.[1]) return update(raised[1], { priority: 'high' }, clock);
  const lowered =
    /^(?:lower|decrease|reduce|drop)\s+(?:the\s+)?priority\s+(?:of|on|for)\s+(.+)$/i.exec(clause) ??
    /^de-?prioriti[sz]e\s+(.+)$/i.exec(clause);
  return lowered?.[1] ? update(lowered[1], { priority: 'low' }, clock) : undefined;
};

/** "walk the dog at 7pm instead": a change to the task named, said as a correction. */
const readInstead: Reader = (clause, clock) => {
  const corrected = /^(.+?)\s+instead$/i.exec(clause);
  if (!corrected?.[1]) return undefined;
  const { changes, rest } = readChanges(corrected[1], clock);
  return Object.keys(changes).length > 0 ? update(trimConnectors(rest), changes, clock) : undefined;
};

/** "X is (not) important", "X can wait", "X is due next Monday", "X should repeat every year". */
export const readStatement: Reader = (clause, clock) => {
  const statement = /^(.+?)\s+(is\s+not|isn'?t|is|are|aren'?t|can|should|must|needs\s+to|has\s+to|will)\s+(.+)$/i.exec(
    clause,
  );
  if (!statement?.[1] || !statement[2] || !statement[3]) return undefined;
  const [, subject, verb, predicate] = statement;
  if (/^(?:due|(?:be\s+)?(?:done|finished|ready|completed?)\s+(?:by|before|on|until)|by|before)\b/i.test(predicate)) {
    const date = takeDate(predicate, clock, 'first');
    return date ? update(subject, { due_at: date.at.toISOString() }, clock) : undefined;
  }
  const repeat = /^repeat/i.test(predicate) ? findRecurrence(predicate) : undefined;
  if (repeat) return update(subject, { recurrence: repeat.recurrence }, clock);
  // "can wait" needs its verb; "isn't important" is "important", negated.
  const priority = priorityIn(`${verb} ${predicate}`) ?? priorityIn(predicate);
  if (!priority) return undefined;
  const negated = /not|n'?t/i.test(verb) && priority === 'high';
  return update(subject, { priority: negated ? 'low' : priority }, clock);
};

/** The priority a whole phrase states ("is not important", "high priority"), if that is all it says. */
function priorityIn(phrase: string): TaskChanges['priority'] {
  const changes: TaskChanges = {};
  const left = takePriority(` ${phrase}`, changes);
  return squash(left) ? undefined : changes.priority;
}

/** "make X urgent", "move X to friday", "set task 2 to high priority", "make X repeat weekly", "make it friday". */
export const readUpdateVerb: Reader = (clause, clock) => {
  const verb = UPDATE_VERB.exec(clause);
  if (!verb?.[1] || !verb[2]) return undefined;
  const shift = MOVE_VERBS.has(verb[1].toLowerCase()) ? SHIFT.exec(verb[2]) : null;
  if (shift?.[1] && shift[3] && shift[4]) {
    const amount =
      (SHIFT_COUNTS[shift[3].toLowerCase()] ?? Number(shift[3])) * (UNIT_MINUTES[shift[4].toLowerCase()] ?? 0);
    const earlier = /forward|earlier/i.test(`${shift[2] ?? ''} ${shift[5] ?? ''}`);
    return {
      kind: 'update',
      target: parseTarget(shift[1], clock),
      changes: {},
      shiftMinutes: earlier ? -amount : amount,
    };
  }
  const { changes, rest } = readChanges(verb[2], clock);
  const target = trimConnectors(rest);
  if (Object.keys(changes).length > 0) return update(target, changes, clock);
  const retitled = RETITLING_VERBS.has(verb[1].toLowerCase()) ? /^(.+?)\s+(?:to|into)\s+(.+)$/i.exec(target) : null;
  if (retitled?.[1] && retitled[2]) return update(retitled[1], { title: toTitle(unquote(retitled[2])) }, clock);
  const named = parseTarget(target, clock);
  // "make dinner reservations" is a new task, not a change to one.
  if (named && 'words' in named && NEW_TASK_VERBS.has(verb[1].toLowerCase())) return undefined;
  return awaiting(target, MOVE_VERBS.has(verb[1].toLowerCase()) ? 'due_at' : 'changes', clock);
};

/** Edits recognised by their own words ("note", "tag", "rename", "remind"), tried before any other command. */
export const FIELD_EDIT_READERS: Reader[] = [
  readClearedField,
  readDescription,
  readNamedField,
  readRename,
  readTags,
  readStopRepeating,
  readSnooze,
  readReminder,
  readPriorityVerb,
  readInstead,
];
