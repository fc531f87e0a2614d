import type { Recurrence } from '../../src/tasks/task.schemas.js';
import type { TaskView } from '../../src/tasks/task.view.js';
import type { PhrasingRow, Repeat, TaskSeed } from './phrasings.table.js';

/** The table's clock (its header): Wednesday 25 November 2026, 10:00, in UTC. */
export const TABLE_NOW = new Date('2026-11-25T10:00:00Z');
export const TABLE_TIME_ZONE = 'UTC';

/** A task as the table describes it: every field the rows can state. */
export interface TaskState {
  number: number;
  title: string;
  description: string | null;
  priority: 'low' | 'medium' | 'high';
  tags: string[];
  due: string | null;
  remind: string | null;
  repeat: Repeat | null;
  done: boolean;
}

const REPEATS: Record<Repeat, Recurrence> = {
  daily: { frequency: 'daily', interval: 1 },
  weekdays: { frequency: 'weekdays', interval: 1 },
  weekends: { frequency: 'weekends', interval: 1 },
  weekly: { frequency: 'weekly', interval: 1 },
  'every-other-week': { frequency: 'weekly', interval: 2 },
  monthly: { frequency: 'monthly', interval: 1 },
  yearly: { frequency: 'yearly', interval: 1 },
};

/** 'YYYY-MM-DD' is 09:00 that day, 'YYYY-MM-DDTHH:MM' that time (UTC). */
export function instant(date: string): string {
  return new Date(`${date.includes('T') ? date : `${date}T09:00`}:00Z`).toISOString();
}

export function recurrenceOf(repeat: Repeat): Recurrence {
  return REPEATS[repeat];
}

export function repeatOf(recurrence: Recurrence | null): Repeat | null {
  if (!recurrence) return null;
  const entry = Object.entries(REPEATS).find(
    ([, known]) => known.frequency === recurrence.frequency && known.interval === recurrence.interval,
  );
  return entry ? (entry[0] as Repeat) : null;
}

/** add_task's arguments for a seed (done-ness is set afterwards). */
export function seedArguments(seed: TaskSeed): Record<string, unknown> {
  return {
    title: seed.title,
    ...(seed.description ? { description: seed.description } : {}),
    ...(seed.priority ? { priority: seed.priority } : {}),
    ...(seed.tags ? { tags: seed.tags } : {}),
    ...(seed.due ? { due_at: instant(seed.due) } : {}),
    ...(seed.remind ? { remind_at: instant(seed.remind) } : {}),
    ...(seed.repeat ? { recurrence: recurrenceOf(seed.repeat) } : {}),
  };
}

/** A task as it is, in the table's terms. */
export function stateOf(task: TaskView): TaskState {
  return {
    number: task.number,
    title: task.title,
    description: task.description,
    priority: task.priority,
    tags: task.tags,
    due: task.due_at,
    remind: task.remind_at,
    repeat: repeatOf(task.recurrence),
    done: task.completed,
  };
}

/**
 * Every task the row expects, field by field: a seeded task's unlisted fields keep the seed's values, a
 * new task's the defaults; a key present with `undefined` (e.g. `repeat: undefined`) means cleared.
 */
export function expectedTasks(row: PhrasingRow): TaskState[] {
  return row.tasks.map((expected) => {
    const seed = row.given?.[expected.number - 1];
    const merged: Partial<TaskSeed> = { ...(seed ?? {}), ...expected };
    return {
      number: expected.number,
      title: expected.title,
      description: merged.description ?? null,
      priority: merged.priority ?? 'medium',
      tags: merged.tags ?? [],
      due: merged.due ? instant(merged.due) : null,
      remind: merged.remind ? instant(merged.remind) : null,
      repeat: merged.repeat ?? null,
      done: merged.done ?? false,
    };
  });
}

/** A short, readable name for a row in test output. */
export function rowName(row: PhrasingRow): string {
  const said = row.say.map((message) =>
    message.length > 60 ? `${message.slice(0, 40)}… (${message.length})` : message,
  );
  return `[${row.group}] ${said.join(' → ')}`;
}
