import type { Recurrence } from './task.schemas.js';

const DAY_MS = 24 * 3600_000;

/** Saturday or Sunday, in UTC (the server knows no user's zone when a task is completed). */
const isWeekend = (date: Date): boolean => date.getUTCDay() === 0 || date.getUTCDay() === 6;

/**
 * The date one recurrence step after `from`; month steps clamp to the month's last day (Jan 31 → Feb 28).
 * `weekdays` steps `interval` working days (Friday → Monday), `weekends` to the next Saturday or Sunday,
 * skipping `interval - 1` weekends when it leaves one.
 */
export function nextOccurrence(from: Date, { frequency, interval }: Recurrence): Date {
  const next = new Date(from);
  switch (frequency) {
    case 'daily':
      next.setUTCDate(next.getUTCDate() + interval);
      return next;
    case 'weekdays':
      return addWeekdays(from, interval);
    case 'weekends':
      return nextWeekendDay(from, interval);
    case 'weekly':
      next.setUTCDate(next.getUTCDate() + 7 * interval);
      return next;
    case 'monthly':
      return addMonths(from, interval);
    case 'yearly':
      return addMonths(from, 12 * interval);
  }
}

/**
 * The next occurrence's reminder: as long before its due date as this one's was, so a reminder an hour
 * before stays an hour before; without a due date, one step after the reminder.
 */
export function nextReminder(remindAt: Date, dueAt: Date | null, recurrence: Recurrence): Date {
  if (!dueAt) return nextOccurrence(remindAt, recurrence);
  return new Date(nextOccurrence(dueAt, recurrence).getTime() - (dueAt.getTime() - remindAt.getTime()));
}

function addWeekdays(from: Date, count: number): Date {
  let next = from;
  for (let left = count; left > 0; ) {
    next = new Date(next.getTime() + DAY_MS);
    if (!isWeekend(next)) left--;
  }
  return next;
}

function nextWeekendDay(from: Date, interval: number): Date {
  let next = new Date(from.getTime() + DAY_MS);
  while (!isWeekend(next)) next = new Date(next.getTime() + DAY_MS);
  // From a Sunday the next day off is a new weekend: "every other weekend" skips one. From a weekday, the
  // coming weekend is the next.
  const leavesWeekend = from.getUTCDay() === 0;
  return leavesWeekend ? new Date(next.getTime() + 7 * DAY_MS * (interval - 1)) : next;
}

function addMonths(from: Date, months: number): Date {
  const next = new Date(from);
  const day = from.getUTCDate();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(day, lastDay));
  return next;
}
