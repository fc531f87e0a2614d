import type { Frequency, Priority, Recurrence } from '../../tasks/task.schemas.js';
import { findDate } from './dates.js';

/** Task fields the parser can read from a message (snake_case, like the tool arguments). */
export interface TaskFields {
  title?: string;
  description?: string;
  priority?: Priority;
  tags?: string[];
  due_at?: string | null;
  remind_at?: string;
  recurrence?: Recurrence;
}

/** Fields found in a text, plus the words left once those mentions are cut out (the title candidate). */
export interface ExtractedFields {
  fields: TaskFields;
  rest: string;
}

interface ExtractOptions {
  now: Date;
  timeZone: string;
  /** "remind me to …": the time mentioned is both the reminder and the due time. */
  remindAtDue?: boolean;
}

const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const UNIT_FREQUENCY: Record<string, Frequency> = { day: 'daily', week: 'weekly', month: 'monthly', year: 'yearly' };
const ADVERB_RECURRENCE: Record<string, Recurrence> = {
  daily: { frequency: 'daily', interval: 1 },
  weekly: { frequency: 'weekly', interval: 1 },
  monthly: { frequency: 'monthly', interval: 1 },
  yearly: { frequency: 'yearly', interval: 1 },
  annually: { frequency: 'yearly', interval: 1 },
  biweekly: { frequency: 'weekly', interval: 2 },
  fortnightly: { frequency: 'weekly', interval: 2 },
};

/** Reads every task field mentioned in `text`; the quoted part, if any, is the literal title. */
export function extractTaskFields(text: string, options: ExtractOptions): ExtractedFields {
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
  rest = takeRecurrence(rest, fields);
  rest = takeReminder(rest, fields, options);
  rest = takeDueDate(rest, fields, options);
  if (options.remindAtDue && fields.due_at && !fields.remind_at) fields.remind_at = fields.due_at;
  return { fields, rest: squash(rest) };
}

/** Text in quotes ("…", '…', “…”), taken literally: no dates or tags are read from it. */
export function takeQuoted(text: string): { value: string; rest: string } | undefined {
  const match = /(?:^|\s)(?:"([^"]+)"|“([^”]+)”|'(.+?)')(?=$|[\s.,!?])/.exec(text);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  if (!match || !value?.trim()) return undefined;
  return { value: value.trim(), rest: cut(text, match.index, match[0].length) };
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

export function takePriority(text: string, fields: { priority?: Priority }): string {
  const patterns = [
    /\b(?:(?:with|at|as|to)\s+)?(?:an?\s+)?(high|medium|low)(?:[- ]priority|\s+prio)\b/i,
    /\b(?:(?:with|and)\s+)?priority\s*(?::|to|is|of|as)?\s*(high|medium|low)\b/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match?.[1]) {
      fields.priority = match[1].toLowerCase() as Priority;
      return cut(text, match.index, match[0].length);
    }
  }
  return text;
}

/** "#work #urgent", "tagged work", "with tags work and home" (numbers like #3 are task ids, not tags). */
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
    tags.push(...label[1].split(/\s*,\s*|\s+and\s+/));
    rest = cut(rest, label.index, label[0].length);
  }
  rest = rest.replace(/(?:^|\s)#([a-z][\w-]*)\b/gi, (_whole, tag: string) => {
    tags.push(tag);
    return ' ';
  });
  if (tags.length > 0) fields.tags = [...new Set(tags.map((tag) => tag.replace(/^#/, '').toLowerCase()))];
  return rest;
}

/** "every Monday" keeps "Monday" in the text so it also becomes the first due date. */
function takeRecurrence(text: string, fields: TaskFields): string {
  const weekday = new RegExp(
    String.raw`\b(?:every|each|on)\s+(${WEEKDAYS})s?\b|\b(?:every|each)\s+(${WEEKDAYS})\b`,
    'i',
  ).exec(text);
  if (weekday) {
    const day = (weekday[1] ?? weekday[2]) as string;
    fields.recurrence = { frequency: 'weekly', interval: 1 };
    return `${text.slice(0, weekday.index)} ${day}${text.slice(weekday.index + weekday[0].length)}`;
  }
  const counted = /\b(?:every|each)\s+(other\s+|\d+\s+)?(day|week|month|year)s?\b|\beveryday\b/i.exec(text);
  if (counted) {
    const unit = (counted[2] ?? 'day').toLowerCase();
    const interval = parseInterval(counted[1]);
    fields.recurrence = { frequency: UNIT_FREQUENCY[unit] as Frequency, interval };
    return cut(text, counted.index, counted[0].length);
  }
  const adverb = /\b(daily|weekly|monthly|yearly|annually|biweekly|fortnightly)\b/i.exec(text);
  if (adverb?.[1]) {
    fields.recurrence = { ...(ADVERB_RECURRENCE[adverb[1].toLowerCase()] as Recurrence) };
    return cut(text, adverb.index, adverb[0].length);
  }
  return text;
}

function parseInterval(count: string | undefined): number {
  if (!count) return 1;
  if (/other/i.test(count)) return 2;
  return Math.max(1, Number.parseInt(count, 10));
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

/** The first date left is the due date; a preposition just before it ("due", "by", "on") goes too. */
function takeDueDate(text: string, fields: TaskFields, options: ExtractOptions): string {
  const mention = findDate(text, options.now, options.timeZone);
  if (!mention) return text;
  fields.due_at = mention.at.toISOString();
  const before = text.slice(0, mention.index);
  const lead = /\b(?:(?:is|be)\s+)?(?:due(?:\s+(?:on|by|at|for))?|by|on|at|before|until|for|from|starting)\s*$/i.exec(
    before,
  );
  const start = lead ? lead.index : mention.index;
  return cut(text, start, mention.index + mention.text.length - start);
}

/** Replaces a span with a space (keeps the words either side apart). */
export function cut(text: string, index: number, length: number): string {
  return `${text.slice(0, index)} ${text.slice(index + length)}`;
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function unquote(text: string): string {
  return squash(text)
    .replace(/^["'“‘](.*)["'”’]$/, '$1')
    .trim();
}

/** Left-over connecting words are dropped and the first letter capitalised: "buy milk with" → "Buy milk". */
export function toTitle(text: string): string {
  let title = squash(text)
    .replace(/[\s,;:.!?-]+$/, '')
    .replace(/^[\s,;:-]+/, '');
  const dangling = /^(?:and|with|to)\s+|\s+(?:and|with|to|on|at|by|for|due|in)$/i;
  while (dangling.test(title)) title = title.replace(dangling, '').trim();
  return title.charAt(0).toUpperCase() + title.slice(1);
}
