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
    recurrence: task.recurrence ?? null,
    series_id: task.seriesId ?? null,
    created_at: task.createdAt.toISOString(),
    updated_at: task.updatedAt.toISOString(),
  };
}
