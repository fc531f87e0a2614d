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

/**
 * A `tasks` row as the ORM's connection returns it when nothing is hydrated: the view's fields under the
 * same (column) names, jsonb and text[] parsed, but timestamps in PostgreSQL's text form, not ISO-8601.
 */
export type TaskRow = TaskView;

const isoOfText = (timestamp: string | null): string | null =>
  timestamp === null ? null : new Date(timestamp).toISOString();

/** The view of a row read without entities (the task list: the hottest read, and it changes nothing). */
export function rowToTaskView(row: TaskRow): TaskView {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    description: row.description,
    completed: row.completed,
    completed_at: isoOfText(row.completed_at),
    priority: row.priority,
    tags: row.tags,
    due_at: isoOfText(row.due_at),
    remind_at: isoOfText(row.remind_at),
    reminded_at: isoOfText(row.reminded_at),
    reminder_dismissed_at: isoOfText(row.reminder_dismissed_at),
    recurrence: row.recurrence,
    series_id: row.series_id,
    created_at: isoOfText(row.created_at)!,
    updated_at: isoOfText(row.updated_at)!,
  };
}
