import { z } from 'zod';
import {
  BULK_ACTIONS,
  BULK_MAX,
  listTasksFields,
  recurrenceFields,
  TAGS_MAX,
  TASK_NUMBER_MAX,
  TASK_STATUSES,
  tagSchema,
  taskChangeFields,
  taskFields,
} from '../tasks/task.schemas.js';

/**
 * The task tools' arguments: the REST api's validation (task.schemas.ts), each field described for the
 * model that fills it in.
 */

const DATE_FORMAT = 'ISO-8601 date-time with an offset, e.g. 2026-11-27T09:00:00+01:00';

const number = z
  .number()
  .int()
  .positive()
  .max(TASK_NUMBER_MAX)
  .describe('The task\'s number as the user knows it: "task 3" is 3. Never the internal id.');

const recurrence = z
  .object({
    frequency: recurrenceFields.frequency.describe(
      "daily; weekdays (Monday to Friday); weekends (Saturday and Sunday); weekly (on the due date's weekday); " +
        "monthly (on the due date's day of the month); yearly",
    ),
    interval: recurrenceFields.interval.describe('Every how many periods: weekly with 2 is every other week.'),
  })
  .strict()
  .nullable()
  .optional()
  .describe('Repeats the task: completing it creates the next occurrence, due one step after this one. null stops it.');

const fields = {
  title: taskFields.title.describe('What to do, in a few words: "Buy milk".'),
  description: taskFields.description.describe('Longer notes; null removes them.'),
  priority: taskFields.priority.describe('low, medium (the default) or high ("urgent", "important" are high).'),
  tags: taskFields.tags.describe('Labels without "#", e.g. ["work", "shopping"]; replaces all of the task\'s tags.'),
  due_at: taskFields.due_at.describe(`When it is due, ${DATE_FORMAT}; null removes the due date.`),
  remind_at: taskFields.remind_at.describe(`When to remind the user, ${DATE_FORMAT}; null removes the reminder.`),
  recurrence,
};

const tagList = (what: string) => z.array(tagSchema).max(TAGS_MAX).optional().describe(what);

const filterFields = {
  status: listTasksFields.status.describe('pending (not done), completed, or all (the default).'),
  priority: listTasksFields.priority.describe('Only tasks of this priority.'),
  tag: listTasksFields.tag.describe('Only tasks with this tag (without "#").'),
  search: listTasksFields.search.describe('Only tasks whose title or description contains these words.'),
  due_before: listTasksFields.due_before.describe(`Only tasks due at or before this time, ${DATE_FORMAT}.`),
  due_after: listTasksFields.due_after.describe(`Only tasks due at or after this time, ${DATE_FORMAT}.`),
  overdue: z
    .boolean()
    .optional()
    .describe('true: only tasks not done whose due time has passed; false: all but those.'),
};

export const addTaskInput = fields;

export const listTasksInput = {
  ...filterFields,
  sort_by: listTasksFields.sort_by.describe('Sort by due_at, priority, title or created_at (the default).'),
  order: listTasksFields.order.describe('asc or desc; priority sorts high first unless asc.'),
  limit: listTasksFields.limit.describe('At most this many tasks (1–200, default 100).'),
};

export const updateTaskInput = {
  number,
  ...fields,
  title: fields.title.optional(),
  add_tags: tagList('Tags to add, keeping the others.'),
  remove_tags: tagList('Tags to remove, keeping the others.'),
  completed: taskChangeFields.completed.describe('true marks the task done, false not done.'),
};

export const completeTaskInput = {
  number,
  completed: z.boolean().default(true).describe('false marks a completed task not done again.'),
};

export const deleteTaskInput = { number };

export const bulkUpdateInput = {
  filter: z
    .object({
      numbers: z.array(number).max(BULK_MAX).optional().describe('These tasks, by number: [2, 5, 7].'),
      ...filterFields,
      status: z.enum(TASK_STATUSES).optional().describe('pending, completed, or all.'),
    })
    .strict()
    .describe(
      'Which tasks: every key narrows the choice. "All my tasks" is {"status": "all"}; an empty filter is refused.',
    ),
  action: z
    .enum(BULK_ACTIONS)
    .describe('complete, uncomplete (mark not done), delete, or update (set the fields in `changes`).'),
  changes: z
    .object({
      priority: fields.priority,
      tags: fields.tags,
      add_tags: tagList('Tags to add to each task.'),
      remove_tags: tagList('Tags to remove from each task.'),
      due_at: fields.due_at,
      remind_at: fields.remind_at,
      recurrence,
    })
    .strict()
    .optional()
    .describe('With action update only: the fields to set on every matching task.'),
};

export const undoInput = {};

type Input<Shape extends z.ZodRawShape> = z.input<z.ZodObject<Shape>>;
export type AddTaskArguments = Input<typeof addTaskInput>;
export type ListTasksArguments = Input<typeof listTasksInput>;
export type UpdateTaskArguments = Input<typeof updateTaskInput>;
export type CompleteTaskArguments = Input<typeof completeTaskInput>;
export type DeleteTaskArguments = Input<typeof deleteTaskInput>;
export type BulkUpdateArguments = Input<typeof bulkUpdateInput>;
