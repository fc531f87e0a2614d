import { defineEntity, p } from '@mikro-orm/core';
import { CHANGE_KINDS } from './task.schemas.js';
import type { TaskView } from './task.view.js';

/**
 * One tool call that changed tasks, kept so `undo_last_change` can revert it: written in the change's
 * transaction, scoped to where it was made (a conversation, an MCP session), reverted at most once.
 */
export const TaskChangeEntity = defineEntity({
  name: 'TaskChange',
  tableName: 'task_changes',
  indexes: [{ properties: ['userId', 'changeScope', 'id'] }, { properties: ['userId', 'createdAt'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    userId: p.string().length(255),
    /** `conversation:<id>` or `mcp-session:<id>`. */
    changeScope: p.string().length(100),
    kind: p.enum(CHANGE_KINDS),
    /** The changed tasks as they were before: undo puts them back (re-inserting deleted ones). */
    before: p.json<TaskView[]>(),
    /** The numbers of the tasks the change created (an add, a recurring task's next occurrence): undo deletes them. */
    createdNumbers: p.array<number>(Number).columnType('int[]').default([]),
    undoneAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class TaskChange extends TaskChangeEntity.class {}
TaskChangeEntity.setClass(TaskChange);
