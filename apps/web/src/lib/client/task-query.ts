import { addDays, startOfToday, startOfWeek } from './dates';
import type { Priority } from './types';

export type StatusFilter = 'all' | 'pending' | 'completed';
export type DueFilter = 'any' | 'overdue' | 'today' | 'week';
export type SortField = 'created_at' | 'due_at' | 'priority' | 'title';
export type SortOrder = 'asc' | 'desc';

export interface TaskFilters {
  status: StatusFilter;
  priority: Priority | 'any';
  tag: string;
  due: DueFilter;
  search: string;
  sortBy: SortField;
  order: SortOrder;
}

export const DEFAULT_FILTERS: TaskFilters = {
  status: 'all',
  priority: 'any',
  tag: '',
  due: 'any',
  search: '',
  sortBy: 'created_at',
  order: 'desc',
};

/** The GET /api/tasks query string for the filters; due ranges are computed in the browser's time zone. */
export function taskQuery(filters: TaskFilters, now = new Date()): string {
  const params = new URLSearchParams();
  // Overdue means "due in the past and not done", so it narrows the status to pending.
  const status = filters.due === 'overdue' ? 'pending' : filters.status;
  if (status !== 'all') params.set('status', status);
  if (filters.priority !== 'any') params.set('priority', filters.priority);
  if (filters.tag.trim()) params.set('tag', filters.tag.trim());
  if (filters.search.trim()) params.set('search', filters.search.trim());
  const range = dueRange(filters.due, now);
  if (range.after) params.set('due_after', range.after.toISOString());
  if (range.before) params.set('due_before', range.before.toISOString());
  params.set('sort_by', filters.sortBy);
  params.set('order', filters.order);
  params.set('limit', '200');
  return params.toString();
}

function dueRange(due: DueFilter, now: Date): { after?: Date; before?: Date } {
  switch (due) {
    case 'overdue':
      return { before: now };
    case 'today':
      return { after: startOfToday(now), before: new Date(addDays(startOfToday(now), 1).getTime() - 1) };
    case 'week':
      return { after: startOfWeek(now), before: new Date(addDays(startOfWeek(now), 7).getTime() - 1) };
    default:
      return {};
  }
}

/** "a, #B ,c" → ["a", "b", "c"] (the api lower-cases and strips "#" too). */
export const parseTags = (text: string): string[] =>
  text
    .split(',')
    .map((tag) => tag.trim().replace(/^#/, '').toLowerCase())
    .filter(Boolean);

export function isOverdue(task: { due_at: string | null; completed: boolean }, now = Date.now()): boolean {
  return !task.completed && task.due_at !== null && new Date(task.due_at).getTime() < now;
}

const UNIT: Record<string, string> = {
  daily: 'day',
  weekdays: 'weekday',
  weekends: 'weekend',
  weekly: 'week',
  monthly: 'month',
  yearly: 'year',
};

/** The unit of "every N …": "week" for 1, "weeks" otherwise. */
export function recurrenceUnit(frequency: string, interval: number): string {
  const unit = UNIT[frequency] ?? frequency;
  return interval === 1 ? unit : `${unit}s`;
}

/** "Repeats weekly" or "Repeats every 2 weeks". */
export function recurrenceLabel(recurrence: { frequency: string; interval: number }): string {
  if (recurrence.interval <= 1) return `Repeats ${recurrence.frequency}`;
  return `Repeats every ${recurrence.interval} ${recurrenceUnit(recurrence.frequency, recurrence.interval)}`;
}
