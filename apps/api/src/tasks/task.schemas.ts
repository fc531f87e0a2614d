import { z } from 'zod';

/** One source of truth for task input shapes: the REST DTOs and the MCP tools both use these. */

export const PRIORITIES = ['low', 'medium', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const TASK_STATUSES = ['all', 'pending', 'completed'] as const;
export const SORT_FIELDS = ['due_at', 'priority', 'title', 'created_at'] as const;
export const SORT_ORDERS = ['asc', 'desc'] as const;

export const TITLE_MAX = 500;
export const DESCRIPTION_MAX = 5000;
export const TAG_MAX = 50;
export const TAGS_MAX = 20;

const isoDateTime = z.iso.datetime({ offset: true });

export const recurrenceSchema = z
  .object({
    frequency: z.enum(FREQUENCIES),
    interval: z.number().int().min(1).max(365).default(1),
  })
  .strict();
export type Recurrence = z.infer<typeof recurrenceSchema>;

const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(TAG_MAX)
  .transform((tag) => tag.toLowerCase().replace(/^#/, ''));

export const taskFields = {
  title: z.string().trim().min(1, 'title must not be empty').max(TITLE_MAX, `title must be at most ${TITLE_MAX} characters`),
  description: z.string().max(DESCRIPTION_MAX).nullable().optional(),
  priority: z.enum(PRIORITIES).optional(),
  tags: z.array(tagSchema).max(TAGS_MAX).optional(),
  due_at: isoDateTime.nullable().optional(),
  remind_at: isoDateTime.nullable().optional(),
  recurrence: recurrenceSchema.nullable().optional(),
};

export const createTaskSchema = z.object(taskFields).strict();
export type CreateTaskInput = z.infer<typeof createTaskSchema>;

export const updateTaskSchema = z
  .object({ ...taskFields, title: taskFields.title.optional(), completed: z.boolean().optional() })
  .strict()
  .refine((input) => Object.keys(input).length > 0, { message: 'at least one field to update is required' });
export type UpdateTaskInput = z.infer<typeof updateTaskSchema>;

export const listTasksFields = {
  status: z.enum(TASK_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  tag: tagSchema.optional(),
  search: z.string().trim().max(200).optional(),
  due_before: isoDateTime.optional(),
  due_after: isoDateTime.optional(),
  sort_by: z.enum(SORT_FIELDS).optional(),
  order: z.enum(SORT_ORDERS).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
};
export const listTasksSchema = z.object(listTasksFields).strict();
export type ListTasksQuery = z.infer<typeof listTasksSchema>;

export const taskIdSchema = z.coerce.number().int().positive();
