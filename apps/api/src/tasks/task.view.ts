import type { Priority, Recurrence } from './task.schemas.js';

/** A task as the REST API and the MCP tools return it (snake_case, ISO-8601 dates). */
export interface TaskView {
  /** The internal id: REST paths use it. */
  id: number;
  /** The user's own number for the task (1, 2, 3…, never reused): chat and the MCP tools use it. */
  number: number;
  title: string;
  description: string | null;
  completed: boolean;
  completed_at: string | null;
  priority: Priority;
  tags: string[];
  due_at: string | null;
  remind_at: string | null;
  /** When the reminder was shown; null until then, and again once `remind_at` is set anew. */
  reminded_at: string | null;
  /** When the user dismissed the shown reminder; a shown reminder not dismissed is listed as missed. */
  reminder_dismissed_at: string | null;
  recurrence: Recurrence | null;
  series_id: string | null;
  created_at: string;
  updated_at: string;
}

/** What completing or updating a task returns (REST): the task, and the next occurrence of a recurring one. */
export interface CompletionView {
  task: TaskView;
  next_task: TaskView | null;
}
