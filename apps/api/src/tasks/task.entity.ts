import { defineEntity, p } from '@mikro-orm/core';
import { timestamps } from '../database/timestamps.js';
import { PRIORITIES, TITLE_MAX, type Recurrence } from './task.schemas.js';

export const TaskEntity = defineEntity({
  name: 'Task',
  tableName: 'tasks',
  indexes: [{ properties: ['userId', 'completed'] }, { properties: ['userId', 'dueAt'] }, { properties: ['remindAt'] }],
  // (user, number) also finds a task by the number its user knows it by.
  uniques: [{ properties: ['userId', 'idempotencyKey'] }, { properties: ['userId', 'number'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    userId: p.string().length(255),
    /** The user's own task number: 1, 2, 3… in creation order, never reused (task-numbers.ts). */
    number: p.integer(),
    title: p.string().length(TITLE_MAX),
    description: p.text().nullable(),
    completed: p.boolean().default(false),
    completedAt: p.datetime().nullable(),
    priority: p.enum(PRIORITIES).default('medium'),
    tags: p.array().default([]),
    dueAt: p.datetime().nullable(),
    remindAt: p.datetime().nullable(),
    /** When the reminder was shown (acknowledged): GET /api/reminders/due stops returning it. */
    remindedAt: p.datetime().nullable(),
    /** When the user dismissed the shown reminder: until then it is listed as missed. */
    reminderDismissedAt: p.datetime().nullable(),
    recurrence: p.json<Recurrence>().nullable(),
    seriesId: p.uuid().nullable(),
    /** Set when a chat turn created the task, so a retried turn finds it instead of adding it twice. */
    idempotencyKey: p.string().length(600).nullable().hidden(),
    ...timestamps(),
  },
});

export class Task extends TaskEntity.class {}
TaskEntity.setClass(Task);
