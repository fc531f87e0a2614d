import type { Priority, Recurrence } from '../../tasks/task.schemas.js';
import { findDate, findLastDate, type DateMention } from './dates.js';
import { findRecurrence, firstOccurrenceAt, onRepeatDays } from './recurrence-phrases.js';
import { cut, squash, takeQuoted, unquote } from './text.js';

/** The fields of a new task the parser can read from a message (snake_case, like add_task's arguments). */
export interface TaskFields {
  title?: string;
  description?: string;
  priority?: Priority;
  tags?: string[];
  due_at?: string;
  remind_at?: string;
  recurrence?: Recurrence;
}

/** Fields found in a text, plus the words left once those mentions are cut out (the title, or the task named). */
export interface ExtractedFields<Fields> {
  fields: Fields;
  rest: string;
}

export interface ExtractOptions {
  now: Date;
  timeZone: string;
  /** "remind me to …": the time mentioned is both the reminder and the due time. */
  remindAtDue?: boolean;
}

/** Reads every field of a new task mentioned in `text`; the quoted part, if any, is the literal title. */
export function extractTaskFields(text: string, options: ExtractOptions): ExtractedFields<TaskFields> {
  const fields: TaskFields = {};
  let rest = text;
  const quoted = takeQuoted(rest);
  if (quoted) {
    fields.title = quoted.value;
    rest = quoted.rest;
  }
  rest = takeDescription(rest, fields);
  rest = takePriority(rest, fields);
  rest = takeTags(rest, fields);
  const repeat = findRecurrence(rest);
  if (repeat) {
    fields.recurrence = repeat.recurrence;
    rest = repeat.rest;
  }
  rest = takeReminder(rest, fields, options);
  const due = takeDate(rest, options, 'first');
  if (due) {
    fields.due_at = due.at.toISOString();
    rest = due.rest;
  } else if (repeat?.firstOccurrence) {
    fields.due_at = firstOccurrenceAt(repeat.firstOccurrence, options.now, options.timeZone).toISOString();
  }
  if (fields.due_at && fields.recurrence) {
    fields.due_at = onRepeatDays(new Date(fields.due_at), fields.recurrence, options.timeZone).toISOString();
  }
  if (options.remindAtDue && fields.due_at && !fields.remind_at) fields.remind_at = fields.due_at;
  return { fields, rest: squash(rest) };
}

function takeDescription(text: string, fields: TaskFields): string {
  const match =
    /\s*(?:\b(?:with|and)\s+(?:the\s+|a\s+)?(?:description|notes?|details)\s*(?::|saying)?\s+|\b(?:description|notes?|details)\s*:\s*)(.+)$/i.exec(
      text,
    );
  if (!match?.[1]) return text;
  fields.description = unquote(match[1]);
  return cut(text, match.index, match[0].length);
}

const PRIORITY_NAMES: Record<string, Priority> = {
  high: 'high',
  top: 'high',
  medium: 'medium',
  normal: 'medium',
  low: 'low',
};

/**
 * "high priority", "priority: low", and words that mean one at the end of a clause: "urgent", "asap",
 * "important" → high; "not important", "can wait" → low.
 */
export function takePriority(text: string, fields: { priority?: Priority }): string {
  const named =
    /(?:^|[\s,]+)(?:(?:with|at|as|to|is|a)\s+)*(?:an?\s+)?(high|top|medium|normal|low)(?:[- ]priority|\s+prio)\b|(?:^|[\s,]+)(?:(?:with|and)\s+)?priority\s*(?::|to|is|of|as)?\s*(high|medium|low)\b/i.exec(
      text,
    );
  const name = named?.[1] ?? named?.[2];
  if (named && name) {
    fields.priority = PRIORITY_NAMES[name.toLowerCase()];
    return cut(text, named.index, named[0].length);
  }
  const word =
    /(?:^|[\s,]+)(?:(?:it'?s|its|is|as|be)\s+)?(?:(not\s+(?:very\s+)?(?:important|urgent)|unimportant|can\s+wait|no\s+rush)|(?:very\s+|really\s+|super\s+)?(urgent|asap|important|critical|a\s+priority))\s*(?=,|$)/i;
  let rest = text;
  for (let match = word.exec(rest); match; match = word.exec(rest)) {
    fields.priority = match[1] ? 'low' : 'high';
    rest = cut(rest, match.index, match[0].length).trimEnd();
  }
  return rest;
}

/** "#work #urgent", "tagged work", "with tags work and home" (numbers like #3 are task numbers, not tags). */
export function takeTags(text: string, fields: { tags?: string[] }): string {
  const tags: string[] = [];
  const word = String.raw`#?[a-z][\w-]*`;
  const labelled = new RegExp(
    String.raw`\s*\b(?:(?:and\s+)?tagged|(?:with\s+)?(?:the\s+)?tags?|label(?:l)?ed)\s+(?:with\s+|as\s+)?(${word}(?:(?:\s*,\s*|\s+and\s+)${word})*)`,
    'i',
  );
  let rest = text;
  const label = labelled.exec(rest);
  if (label?.[1]) {
    tags.push(...splitTags(label[1]));
    rest = cut(rest, label.index, label[0].length);
  }
  rest = rest.replace(/(?:^|\s)#([a-z][\w-]*)\b/gi, (_whole, tag: string) => {
    tags.push(tag);
    return ' ';
  });
  if (tags.length > 0) fields.tags = [...new Set(tags.map(normaliseTag))];
  return rest;
}

/** "home, garden and work" → the three tags. */
export function splitTags(text: string): string[] {
  return text
    .split(/\s*,\s*|\s+and\s+|\s+/)
    .map(normaliseTag)
    .filter((tag) => tag.length > 0);
}

function normaliseTag(tag: string): string {
  return tag.replace(/^#/, '').toLowerCase();
}

/** "with reminder tomorrow at 8am", "remind me at 3pm": the date after the keyword is the reminder. */
function takeReminder(text: string, fields: TaskFields, options: ExtractOptions): string {
  const keyword =
    /\s*\b(?:and\s+)?(?:with\s+(?:a\s+)?reminder|set\s+(?:a\s+)?reminder|remind\s+me|reminder)\b(?:\s+(?:at|on|for))?/i.exec(
      text,
    );
  if (!keyword) return text;
  const after = keyword.index + keyword[0].length;
  const mention = findDate(text.slice(after), options.now, options.timeZone);
  if (!mention) return text;
  fields.remind_at = mention.at.toISOString();
  const withoutDate = cut(text, after + mention.index, mention.text.length);
  return cut(withoutDate, keyword.index, keyword[0].length);
}

/**
 * The first (or last) date in the text, and the text without it; a preposition just before it ("due",
 * "by", "on", "to") goes too.
 */
export function takeDate(
  text: string,
  options: ExtractOptions,
  which: 'first' | 'last',
): { at: Date; rest: string } | undefined {
  const mention = which === 'first' ? findDate(text, options.now, options.timeZone) : findNewDate(text, options);
  if (!mention) return undefined;
  const before = text.slice(0, mention.index);
  const lead =
    /\b(?:(?:is|be)\s+)?(?:(?:now\s+)?due(?:\s+(?:on|by|at|for))?|by|on|at|before|until|till|to|for|from|starting)(?:\s+the)?\s*$/i.exec(
      before,
    );
  const start = lead ? lead.index : mention.index;
  return { at: mention.at, rest: cut(text, start, mention.index + mention.text.length - start) };
}

/**
 * The date a change moves to: the one after the last "to" ("move everything due today to tomorrow", where
 * chrono would read "today to tomorrow" as one range), else the last date mentioned.
 */
function findNewDate(text: string, options: ExtractOptions): DateMention | undefined {
  const targets = [...text.matchAll(/\b(?:to|until|till)\s+/gi)].reverse();
  for (const target of targets) {
    const from = target.index + target[0].length;
    const mention = findDate(text.slice(from), options.now, options.timeZone);
    if (mention?.index === 0) return { ...mention, index: from };
  }
  return findLastDate(text, options.now, options.timeZone);
}
