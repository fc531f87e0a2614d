import { z } from 'zod';
import { LIMITS } from '../contracts.js';
import { plainText, singleLine } from '../common/text.js';

/** One source of truth for task input shapes: the REST DTOs and the MCP tools both use these. */

export const PRIORITIES = ['low', 'medium', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** `weekdays` repeats Monday to Friday, `weekends` Saturday and Sunday (days in UTC). */
export const FREQUENCIES = ['daily', 'weekdays', 'weekends', 'weekly', 'monthly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const TASK_STATUSES = ['all', 'pending', 'completed'] as const;

export const BULK_ACTIONS = ['complete', 'uncomplete', 'delete', 'update'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
/** The most tasks one bulk change may touch: it runs in one transaction and its undo keeps them all. */
export const BULK_MAX = 500;

/** The changes undo reverts: one tool call each. */
export const CHANGE_KINDS = ['add', 'update', 'complete', 'delete', 'bulk'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const SORT_FIELDS = ['due_at', 'priority', 'title', 'created_at'] as const;
export const SORT_ORDERS = ['asc', 'desc'] as const;

export const TITLE_MAX = LIMITS.title;
export const DESCRIPTION_MAX = LIMITS.description;
export const TAG_MAX = LIMITS.tag;
export const TAGS_MAX = LIMITS.tags;

/**
 * The pattern a date-time field advertises in JSON Schema (the MCP tool list, the model's tool schemas):
 * zod's own, exact to leap years, is some 430 characters, a fifth of the tool schemas sent with every
 * model call. Values are still validated by zod, exactly.
 */
const DATE_TIME_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$`;

/** A date-time with an offset, in the years PostgreSQL and every client handle alike. */
const isoDateTime = (field: string) =>
  z.iso
    .datetime({ offset: true })
    .refine((value) => {
      const year = new Date(value).getUTCFullYear();
      return year >= LIMITS.minYear && year <= LIMITS.maxYear;
    }, `${field} must be a date between the years ${LIMITS.minYear} and ${LIMITS.maxYear}`)
    .meta({ pattern: DATE_TIME_PATTERN });

export const recurrenceFields = {
  frequency: z.enum(FREQUENCIES),
  interval: z.number().int().min(1).max(LIMITS.recurrenceInterval).default(1),
};
export const recurrenceSchema = z.object(recurrenceFields).strict();
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(TAG_MAX)
  .refine(singleLine, 'a tag must not contain control characters')
  .transform((tag) => tag.toLowerCase().replace(/^#/, ''));

export const taskFields = {
  title: z
    .string()
    .trim()
    .min(1, 'title must not be empty')
    .max(TITLE_MAX, `title must be at most ${TITLE_MAX} characters`)
    .refine(singleLine, 'title must not contain control characters'),
  description: z
    .string()
    .max(DESCRIPTION_MAX, `description must be at most ${DESCRIPTION_MAX} characters`)
    .refine(plainText, 'description must not contain control characters other than tab and line breaks')
    .nullable()
    .optional(),
  priority: z.enum(PRIORITIES).optional(),
  tags: z.array(tagSchema).max(TAGS_MAX).optional(),
  due_at: isoDateTime('due_at').nullable().optional(),
  remind_at: isoDateTime('remind_at').nullable().optional(),
  recurrence: recurrenceSchema.nullable().optional(),
};

export const createTaskSchema = z.object(taskFields).strict();
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

/** What an update may change: every field, tags also one by one, and whether the task is done. */
export const taskChangeFields = {
  ...taskFields,
  title: taskFields.title.optional(),
  add_tags: z.array(tagSchema).max(TAGS_MAX).optional(),
  remove_tags: z.array(tagSchema).max(TAGS_MAX).optional(),
  completed: z.boolean().optional(),
};

export const updateTaskSchema = z
  .object(taskChangeFields)
  .strict()
  .refine((input) => Object.keys(input).length > 0, { message: 'at least one field to update is required' });
export type UpdateTaskInput = z.infer<typeof updateTaskSchema>;

export const listTasksFields = {
  status: z.enum(TASK_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  tag: tagSchema.optional(),
  search: z
    .string()
    .trim()
    .max(LIMITS.search, `search must be at most ${LIMITS.search} characters`)
    .refine(singleLine, 'search must not contain control characters')
    .optional(),
  due_before: isoDateTime('due_before').optional(),
  due_after: isoDateTime('due_after').optional(),
  sort_by: z.enum(SORT_FIELDS).optional(),
  order: z.enum(SORT_ORDERS).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
};
export const listTasksSchema = z.object(listTasksFields).strict();
export type ListTasksQuery = z.infer<typeof listTasksSchema>;

/** Task ids and numbers are PostgreSQL integers. */
export const TASK_ID_MAX = 2_147_483_647;
export const TASK_NUMBER_MAX = TASK_ID_MAX;
/** The optional `Idempotency-Key` header of POST /api/tasks (its value, when sent). */
export const idempotencyKeySchema = z
  .string()
  .min(1, 'Idempotency-Key must not be empty')
  .max(LIMITS.idempotencyKey, `Idempotency-Key must be at most ${LIMITS.idempotencyKey} characters`)
  .refine((key) => /^[\x20-\x7E]+$/.test(key), 'Idempotency-Key must be printable ASCII');

export const taskIdSchema = z.coerce.number().int().positive().max(TASK_ID_MAX, 'not a task id');

export const REMINDER_ACK_MAX = LIMITS.reminderAckIds;
export const reminderAckSchema = z
  .object({ task_ids: z.array(z.number().int().positive().max(TASK_ID_MAX, 'not a task id')).max(REMINDER_ACK_MAX) })
  .strict();
/** `POST /api/reminders/ack` body: the ids of the caller's tasks whose reminders were shown. */
export interface ReminderAckRequest {
  task_ids: number[];
}
/** `POST /api/reminders/ack` answer: how many reminders were newly acknowledged. */
export interface ReminderAckResponse {
  acknowledged: number;
}

/** `POST /api/reminders/dismiss` takes task ids as ack does, with the same limit. */
export const reminderDismissSchema = reminderAckSchema;
/** `POST /api/reminders/dismiss` body: the ids of the caller's tasks whose shown reminders the user dismissed. */
export interface ReminderDismissRequest {
  task_ids: number[];
}
/** `POST /api/reminders/dismiss` answer: how many missed reminders were newly dismissed. */
export interface ReminderDismissResponse {
  dismissed: number;
}
