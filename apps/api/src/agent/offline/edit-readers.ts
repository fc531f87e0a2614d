import type { Command, MissingValue, TaskChanges } from './commands.js';
import { findRecurrence } from './recurrence-phrases.js';
import { type ExtractOptions, takeDate, takePriority } from './task-fields.js';
import { parseTarget } from './task-target.js';
import { squash } from './text.js';

/** What the edit readers share: how a reader looks, and how it builds its command. */

export type Clock = ExtractOptions;
export type Reader = (clause: string, clock: Clock) => Command | undefined;

export function update(target: string, changes: TaskChanges, clock: Clock): Command {
  return { kind: 'update', target: parseTarget(target, clock), changes };
}

/** An update whose new value is asked for: "rename task 2", "move pay rent". */
export function awaiting(target: string, missing: MissingValue, clock: Clock): Command {
  return { kind: 'update', target: parseTarget(target, clock), changes: {}, missing };
}

/** The priority, repeat and due date a phrase sets; `rest` is what names the task. */
export function readChanges(text: string, clock: Clock): { changes: TaskChanges; rest: string } {
  const changes: TaskChanges = {};
  let rest = takePriority(text, changes);
  const repeat = findRecurrence(rest);
  if (repeat) {
    changes.recurrence = repeat.recurrence;
    rest = repeat.rest;
  }
  const date = takeDate(rest, clock, 'last');
  if (date) {
    changes.due_at = date.at.toISOString();
    rest = date.rest;
  }
  return { changes, rest: squash(rest) };
}

/** "task 1 to" → "task 1": words left between the task and its new value. */
export function trimConnectors(text: string): string {
  return squash(text)
    .replace(/(?:\s+|^)(?:to|as|be|for|due|at|on|so\s+it'?s|so\s+that\s+it'?s|and|with)$/i, '')
    .trim();
}
