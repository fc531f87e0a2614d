import { BadRequestException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Task } from './task.entity.js';
import { TAGS_MAX, type UpdateTaskInput } from './task.schemas.js';

/** The fields an update or a bulk update sets (not `completed`: completing has rules of its own). */
export type TaskFieldChanges = Omit<UpdateTaskInput, 'completed'>;

export const toDate = (value: string | null | undefined): Date | null | undefined =>
  value === undefined ? undefined : value === null ? null : new Date(value);

export const uniqueTags = (tags: string[]): string[] => [...new Set(tags)];

/** Sets the given fields on the task (null clears); add_tags and remove_tags apply after `tags`. */
export function applyFields(task: Task, changes: TaskFieldChanges): void {
  if (changes.title !== undefined) task.title = changes.title;
  if (changes.description !== undefined) task.description = changes.description;
  if (changes.priority !== undefined) task.priority = changes.priority;
  if (changes.tags !== undefined || changes.add_tags || changes.remove_tags) task.tags = tagsAfter(task, changes);
  if (changes.due_at !== undefined) task.dueAt = toDate(changes.due_at) ?? null;
  if (changes.remind_at !== undefined) {
    task.remindAt = toDate(changes.remind_at) ?? null;
    // Re-armed: it fires again, and is no longer listed as missed.
    task.remindedAt = null;
    task.reminderDismissedAt = null;
  }
  if (changes.recurrence !== undefined) {
    task.recurrence = changes.recurrence;
    task.seriesId = changes.recurrence ? (task.seriesId ?? randomUUID()) : task.seriesId;
  }
}

function tagsAfter(task: Task, { tags, add_tags = [], remove_tags = [] }: TaskFieldChanges): string[] {
  const kept = uniqueTags([...(tags ?? task.tags), ...add_tags]).filter((tag) => !remove_tags.includes(tag));
  if (kept.length > TAGS_MAX) throw new BadRequestException(`A task can have at most ${TAGS_MAX} tags.`);
  return kept;
}
