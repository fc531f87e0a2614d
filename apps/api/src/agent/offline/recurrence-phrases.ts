import type { Frequency, Recurrence } from '../../tasks/task.schemas.js';
import { cut } from './text.js';
import { DATE_ONLY_HOUR, wallTimeIn, zonedInstant } from './dates.js';

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
/** "repeat", "to repeat on", "recurring": the verb that may come before the phrase when editing a task. */
const LEAD = String.raw`(?:\b(?:to\s+)?(?:repeat|recur)(?:s|ring|ing)?\s+(?:on\s+)?)?`;

/** What a repeat phrase says about the first occurrence when no date is given with it. */
export type FirstOccurrence = { kind: 'weekend' } | { kind: 'day-of-month'; day: number };

export interface RecurrenceMention {
  recurrence: Recurrence;
  /** The text without the phrase; "every Monday" leaves "Monday" so that it becomes the first due date. */
  rest: string;
  firstOccurrence?: FirstOccurrence;
}

/**
 * "every day", "every weekday", "every weekend", "every Monday", "every other Sunday", "every 2 weeks",
 * "every first of the month", "every month on the 15th", "every year", "daily", "fortnightly"…
 */
export function findRecurrence(text: string): RecurrenceMention | undefined {
  const weekday = new RegExp(
    String.raw`${LEAD}\b(?:(?:every|each)\s+(other\s+)?(${WEEKDAYS})s?|on\s+(${WEEKDAYS})s)\b`,
    'i',
  ).exec(text);
  if (weekday) {
    const day = (weekday[2] ?? weekday[3]) as string;
    const interval = weekday[1] ? 2 : 1;
    const rest = `${text.slice(0, weekday.index)} ${day}${text.slice(weekday.index + weekday[0].length)}`;
    return { recurrence: { frequency: 'weekly', interval }, rest };
  }
  const dayOfMonth = new RegExp(
    String.raw`${LEAD}\b(?:(?:every|each|on\s+the)\s+(?:first|1st)\s+(?:day\s+)?of\s+(?:the|every|each)\s+month|(?:every|each)\s+month\s+on\s+the\s+(\d{1,2})(?:st|nd|rd|th)|on\s+the\s+(\d{1,2})(?:st|nd|rd|th)\s+of\s+(?:every|each)\s+month)\b`,
    'i',
  ).exec(text);
  if (dayOfMonth) {
    const day = Number(dayOfMonth[1] ?? dayOfMonth[2] ?? 1);
    return {
      recurrence: { frequency: 'monthly', interval: 1 },
      rest: cut(text, dayOfMonth.index, dayOfMonth[0].length),
      firstOccurrence: { kind: 'day-of-month', day },
    };
  }
  const weekdays = new RegExp(
    String.raw`${LEAD}\b(?:every|each|on)\s+(?:week\s*days?|work\s*days?)\b|${LEAD}\bweekdays\b`,
    'i',
  ).exec(text);
  if (weekdays) return mention(text, weekdays, { frequency: 'weekdays', interval: 1 });
  const weekend = new RegExp(
    String.raw`${LEAD}\b(?:(?:every|each|on)\s+(other\s+)?(?:the\s+)?weekends?|weekends)\b`,
    'i',
  ).exec(text);
  if (weekend) {
    const recurrence: Recurrence = { frequency: 'weekends', interval: weekend[1] ? 2 : 1 };
    return { ...mention(text, weekend, recurrence), firstOccurrence: { kind: 'weekend' } };
  }
  const counted = new RegExp(
    String.raw`${LEAD}\b(?:(?:every|each)\s+(other\s+|\d+\s+)?(day|week|month|year)s?|everyday)\b`,
    'i',
  ).exec(text);
  if (counted) {
    const frequency = UNIT_FREQUENCY[(counted[2] ?? 'day').toLowerCase()] as Frequency;
    return mention(text, counted, { frequency, interval: parseInterval(counted[1]) });
  }
  const adverb = new RegExp(
    String.raw`${LEAD}\b(daily|weekly|monthly|yearly|annually|biweekly|fortnightly)\b`,
    'i',
  ).exec(text);
  if (adverb?.[1]) return mention(text, adverb, { ...(ADVERB_RECURRENCE[adverb[1].toLowerCase()] as Recurrence) });
  return undefined;
}

function mention(text: string, match: RegExpExecArray, recurrence: Recurrence): RecurrenceMention {
  return { recurrence, rest: cut(text, match.index, match[0].length) };
}

function parseInterval(count: string | undefined): number {
  if (!count) return 1;
  if (/other/i.test(count)) return 2;
  return Math.max(1, Number.parseInt(count, 10));
}

/** The first occurrence a phrase implies: the next weekend day or day of the month (09:00), never in the past. */
export function firstOccurrenceAt(first: FirstOccurrence, now: Date, timeZone: string): Date {
  const today = wallTimeIn(now, timeZone);
  for (let ahead = 0; ahead <= 62; ahead++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + ahead));
    const matches =
      first.kind === 'weekend'
        ? date.getUTCDay() === 0 || date.getUTCDay() === 6
        : date.getUTCDate() === Math.min(first.day, daysInMonth(date));
    const at = atDateOnlyHour(date, timeZone);
    if (matches && at > now) return at;
  }
  throw new Error(`no first occurrence for ${JSON.stringify(first)}`);
}

/** A due date moved onto the days the task repeats on: weekday tasks skip to Monday, weekend tasks to Saturday. */
export function onRepeatDays(dueAt: Date, recurrence: Recurrence, timeZone: string): Date {
  const wall = wallTimeIn(dueAt, timeZone);
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  let shift = 0;
  if (recurrence.frequency === 'weekdays' && (weekday === 0 || weekday === 6)) shift = weekday === 6 ? 2 : 1;
  if (recurrence.frequency === 'weekends' && weekday !== 0 && weekday !== 6) shift = 6 - weekday;
  if (shift === 0) return dueAt;
  return zonedInstant({ ...wall, day: wall.day + shift }, timeZone);
}

function atDateOnlyHour(date: Date, timeZone: string): Date {
  const wall = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  return zonedInstant({ ...wall, hour: DATE_ONLY_HOUR, minute: 0 }, timeZone);
}

function daysInMonth(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}
