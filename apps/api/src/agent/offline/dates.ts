import type * as chrono from 'chrono-node';
import { taskDates } from './date-phrases.js';

/** Calendar date and wall-clock time in some time zone (month is 1-12). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** A date found in a message: when it is, and which characters mentioned it (so they can be cut out). */
export interface DateMention {
  at: Date;
  index: number;
  text: string;
}

/**
 * Date-only mentions ("due Friday", "tomorrow") get 09:00 local time: a reminder or a due time at the
 * start of the working day is more useful than midnight, and "end of day" would hide the task from a
 * "due today" list until the evening.
 */
export const DATE_ONLY_HOUR = 9;

/** Words for which chrono's implied hour ("tonight" → 22:00) is better than the date-only default. */
const PART_OF_DAY = /\b(tonight|night|evening|morning|afternoon|noon|midnight)\b/i;

/**
 * One formatter per time zone and use, made on first use: building an Intl.DateTimeFormat costs far more
 * than formatting with it, and a turn formats many dates in its user's one zone.
 */
function formatterFor(
  cache: Map<string, Intl.DateTimeFormat>,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): (timeZone: string) => Intl.DateTimeFormat {
  return (timeZone) => {
    let formatter = cache.get(timeZone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      cache.set(timeZone, formatter);
    }
    return formatter;
  };
}

const wallTimeFormat = formatterFor(new Map(), 'en-US', {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});

const replyFormat = formatterFor(new Map(), 'en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Wall-clock fields of `instant` as seen in `timeZone`. */
export function wallTimeIn(instant: Date, timeZone: string): WallTime {
  const parts = wallTimeFormat(timeZone).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
  };
}

/** Minutes `timeZone` is ahead of UTC at `instant` (Berlin in winter → 60). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const wall = wallTimeIn(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const instantToMinute = Math.floor(instant.getTime() / 60_000) * 60_000;
  return Math.round((wallAsUtc - instantToMinute) / 60_000);
}

/** The instant at which clocks in `timeZone` show `wall` (two passes settle DST transitions). */
export function zonedInstant(wall: WallTime, timeZone: string): Date {
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  let guess = wallAsUtc - offsetMinutes(new Date(wallAsUtc), timeZone) * 60_000;
  guess = wallAsUtc - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/**
 * "evening", "night" alone are often words of a title ("parents evening thursday 7pm", "date night
 * friday"): chrono reads them as today's evening and even swallows the day after them.
 */
const LEADING_PART_OF_DAY = /^(?:morning|evening|afternoon|night)\b\s*/i;

/**
 * First date or time mentioned in `text`, read in `timeZone` relative to `now` (always forward); a bare
 * part of the day counts only when nothing more precise is mentioned.
 */
export function findDate(text: string, now: Date, timeZone: string): DateMention | undefined {
  const mentions = findDates(text, now, timeZone);
  return mentions.find((mention) => !LEADING_PART_OF_DAY.test(mention.text)) ?? mentions[0];
}

/** Last date mentioned: in "move everything due today to tomorrow" the new date comes last. */
export function findLastDate(text: string, now: Date, timeZone: string): DateMention | undefined {
  return findDates(text, now, timeZone).at(-1);
}

function findDates(text: string, now: Date, timeZone: string): DateMention[] {
  const reference = { instant: now, timezone: offsetMinutes(now, timeZone) };
  return taskDates.parse(text, reference, { forwardDate: true }).flatMap((result) => {
    const lead = LEADING_PART_OF_DAY.exec(result.text)?.[0];
    if (!lead || lead.length === result.text.length) return [toMention(result, timeZone)];
    // Read what follows the word on its own; the word stays in the title.
    const offset = result.index + lead.length;
    return findDates(text.slice(offset, result.index + result.text.length), now, timeZone).map((mention) => ({
      ...mention,
      index: mention.index + offset,
    }));
  });
}

function toMention(result: chrono.ParsedResult, timeZone: string): DateMention {
  const start = result.start;
  // chrono's "morning" is 06:00; a task for the morning is for the start of the working day.
  const keepImpliedHour = start.isCertain('hour') || (PART_OF_DAY.test(result.text) && !/morning/i.test(result.text));
  const wall: WallTime = {
    year: start.get('year') ?? 0,
    month: start.get('month') ?? 1,
    day: start.get('day') ?? 1,
    hour: keepImpliedHour ? (start.get('hour') ?? DATE_ONLY_HOUR) : DATE_ONLY_HOUR,
    minute: keepImpliedHour ? (start.get('minute') ?? 0) : 0,
  };
  return { at: zonedInstant(wall, timeZone), index: result.index, text: result.text };
}

/** Last millisecond of the local day `daysAhead` days after `now`'s day. */
export function endOfDay(now: Date, timeZone: string, daysAhead = 0): Date {
  return new Date(startOfDay(now, timeZone, daysAhead + 1).getTime() - 1);
}

/** First instant of the local day `daysAhead` days after `now`'s day. */
export function startOfDay(now: Date, timeZone: string, daysAhead = 0): Date {
  const today = wallTimeIn(now, timeZone);
  const target = new Date(Date.UTC(today.year, today.month - 1, today.day + daysAhead));
  const wall = {
    year: target.getUTCFullYear(),
    month: target.getUTCMonth() + 1,
    day: target.getUTCDate(),
    hour: 0,
    minute: 0,
  };
  return zonedInstant(wall, timeZone);
}

/** End of the local week (weeks end on Sunday, ISO-8601 style). */
export function endOfWeek(now: Date, timeZone: string): Date {
  const today = wallTimeIn(now, timeZone);
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  const daysToSunday = (7 - weekday) % 7;
  return endOfDay(now, timeZone, daysToSunday);
}

/** Short local rendering for replies: "Wed 25 Nov 09:00". */
export function formatForReply(iso: string, timeZone: string): string {
  const parts = replyFormat(timeZone).formatToParts(new Date(iso));
  const field = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  return `${field('weekday')} ${field('day')} ${field('month')} ${field('hour')}:${field('minute')}`;
}
