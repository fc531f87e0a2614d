import { defineEntity, p } from '@mikro-orm/core';
import { PRIORITIES, TITLE_MAX, type Recurrence } from './task.schemas.js';

export const TaskSchema = defineEntity({
  name: 'Task',
  tableName: 'tasks',
  indexes: [{ properties: ['userId', 'completed'] }, { properties: ['userId', 'dueAt'] }, { properties: ['remindAt'] }],
  uniques: [{ properties: ['userId', 'idempotencyKey'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    userId: p.string().length(255),
    title: p.string().length(TITLE_MAX),
    description: p.text().nullable(),
    completed: p.boolean().default(false),
    completedAt: p.datetime().nullable(),
    priority: p.enum(PRIORITIES).default('medium'),
    tags: p.array().default([]),
    dueAt: p.datetime().nullable(),
    remindAt: p.datetime().nullable(),
    remindedAt: p.datetime().nullable(),
    recurrence: p.json<Recurrence>().nullable(),
    seriesId: p.uuid().nullable(),
    /** Set when a chat turn created the task, so a retried turn finds it instead of adding it twice. */
    idempotencyKey: p.string().length(600).nullable().hidden(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Task extends TaskSchema.class {}
TaskSchema.setClass(Task);
