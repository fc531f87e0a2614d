import type { QueryBuilder } from '@mikro-orm/postgresql';
import type { Task } from './task.entity.js';
import type { ListTasksQuery } from './task.schemas.js';

/** Which of a user's tasks a list or a bulk change is about; every key narrows, none means all. */
export interface TaskFilter extends Pick<ListTasksQuery, 'status' | 'priority' | 'tag' | 'search'> {
  numbers?: number[];
  due_before?: string;
  due_after?: string;
  /** Not completed and due before now (true), or the others (false). */
  overdue?: boolean;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Narrows a query of table alias `t` to the user's tasks that match the filter. */
export function whereTasks(qb: QueryBuilder<Task, 't'>, userId: string, filter: TaskFilter, now: Date): void {
  qb.where({ userId });
  if (filter.numbers) qb.andWhere({ number: { $in: filter.numbers } });
  if (filter.status === 'pending') qb.andWhere({ completed: false });
  if (filter.status === 'completed') qb.andWhere({ completed: true });
  if (filter.priority) qb.andWhere({ priority: filter.priority });
  if (filter.tag) qb.andWhere('? = any(t.tags)', [filter.tag]);
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    qb.andWhere('(t.title ilike ? or t.description ilike ?)', [pattern, pattern]);
  }
  if (filter.due_before) qb.andWhere({ dueAt: { $lte: new Date(filter.due_before) } });
  if (filter.due_after) qb.andWhere({ dueAt: { $gte: new Date(filter.due_after) } });
  if (filter.overdue === true) qb.andWhere({ completed: false, dueAt: { $lt: now } });
  if (filter.overdue === false) qb.andWhere({ $or: [{ completed: true }, { dueAt: null }, { dueAt: { $gte: now } }] });
}
