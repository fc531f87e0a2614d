import type { ListTasksQuery } from './task.schemas.js';

/** Which of a user's tasks a list or a bulk change is about; every key narrows, none means all. */
export interface TaskFilter extends Pick<ListTasksQuery, 'status' | 'priority' | 'tag' | 'search'> {
  numbers?: number[];
  due_before?: string;
  due_after?: string;
  /** Not completed and due before now (true), or the others (false). */
  overdue?: boolean;
}

/** A condition on table alias `t` with `?` placeholders, and their values in order. */
export interface TaskCondition {
  sql: string;
  params: unknown[];
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * The user's tasks that match the filter, as plain SQL: the task list runs it without a query builder
 * (it is the hottest read), and a bulk change locks the same rows with it.
 */
export function whereTasks(userId: string, filter: TaskFilter, now: Date): TaskCondition {
  const clauses = ['t.user_id = ?'];
  const params: unknown[] = [userId];
  const and = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  // The query's formatting spreads the array into the list; an empty list matches nothing.
  if (filter.numbers?.length === 0) and('false');
  else if (filter.numbers) and('t.number in (?)', filter.numbers);
  if (filter.status === 'pending') and('t.completed = false');
  if (filter.status === 'completed') and('t.completed = true');
  if (filter.priority) and('t.priority = ?', filter.priority);
  if (filter.tag) and('? = any(t.tags)', filter.tag);
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    and('(t.title ilike ? or t.description ilike ?)', pattern, pattern);
  }
  if (filter.due_before) and('t.due_at <= ?', new Date(filter.due_before));
  if (filter.due_after) and('t.due_at >= ?', new Date(filter.due_after));
  if (filter.overdue === true) and('t.completed = false and t.due_at < ?', now);
  if (filter.overdue === false) and('(t.completed = true or t.due_at is null or t.due_at >= ?)', now);
  return { sql: clauses.join(' and '), params };
}

/**
 * The list's order, by default newest last (priority: highest first); ties go by id. Columns are
 * qualified, as a list's bare names may be the ISO texts of its select (TASK_VIEW_COLUMNS).
 */
export function listOrder({ sort_by: sortBy, order }: Pick<ListTasksQuery, 'sort_by' | 'order'>): string {
  const by = order ?? (sortBy === 'priority' ? 'desc' : 'asc');
  const direction = `${by} nulls last`;
  switch (sortBy) {
    case 'priority':
      return `case t.priority when 'high' then 3 when 'medium' then 2 else 1 end ${direction}, t.id asc`;
    case 'due_at':
      return `t.due_at ${direction}, t.id asc`;
    case 'title':
      return `lower(t.title) ${direction}, t.id asc`;
    default:
      return `t.created_at ${by}, t.id ${by}`;
  }
}
