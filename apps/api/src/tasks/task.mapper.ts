import type { Task } from './task.entity.js';
import type { TaskView } from './task.view.js';

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

export function toTaskView(task: Task): TaskView {
  return {
    id: task.id,
    number: task.number,
    title: task.title,
    description: task.description ?? null,
    completed: task.completed,
    completed_at: iso(task.completedAt),
    priority: task.priority,
    tags: task.tags,
    due_at: iso(task.dueAt),
    remind_at: iso(task.remindAt),
    reminded_at: iso(task.remindedAt),
    reminder_dismissed_at: iso(task.reminderDismissedAt),
    recurrence: task.recurrence ?? null,
    series_id: task.seriesId ?? null,
    created_at: task.createdAt.toISOString(),
    updated_at: task.updatedAt.toISOString(),
  };
}

/** PostgreSQL writes a timestamp as the view's ISO-8601 text (what Date#toISOString gives: UTC, milliseconds). */
const isoColumn = (column: string) =>
  `to_char(t.${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ${column}`;

/**
 * The columns of table alias `t` whose row is a TaskView as it is: the view's fields, in its order, under
 * its names (the task list, the hottest read, returns its rows without mapping them).
 */
export const TASK_VIEW_COLUMNS = [
  't.id',
  't.number',
  't.title',
  't.description',
  't.completed',
  isoColumn('completed_at'),
  't.priority',
  't.tags',
  isoColumn('due_at'),
  isoColumn('remind_at'),
  isoColumn('reminded_at'),
  isoColumn('reminder_dismissed_at'),
  't.recurrence',
  't.series_id',
  isoColumn('created_at'),
  isoColumn('updated_at'),
].join(', ');
