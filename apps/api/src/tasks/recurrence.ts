import type { Recurrence } from './task.schemas.js';

/** The date one recurrence step after `from`; month steps clamp to the month's last day (Jan 31 → Feb 28). */
export function nextOccurrence(from: Date, { frequency, interval }: Recurrence): Date {
  const next = new Date(from);
  switch (frequency) {
    case 'daily':
      next.setUTCDate(next.getUTCDate() + interval);
      return next;
    case 'weekly':
      next.setUTCDate(next.getUTCDate() + 7 * interval);
      return next;
    case 'monthly':
      return addMonths(from, interval);
    case 'yearly':
      return addMonths(from, 12 * interval);
  }
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
