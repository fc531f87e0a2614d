import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, NotFoundException } from '@nestjs/common';
import { TaskChange } from './task-change.entity.js';
import { Task } from './task.entity.js';
import { toTaskView } from './task.mapper.js';
import type { ChangeKind } from './task.schemas.js';
import type { TaskView } from './task.view.js';

/** How many changes of one conversation (or MCP session) can be undone, newest first. */
export const UNDO_DEPTH = 20;
/** Changes older than this are forgotten. */
const CHANGE_TTL_MS = 30 * 24 * 3600_000;

/** Where a change was made: undo reverts only the changes of the same scope. */
export interface ChangeScope {
  userId: string;
  /** `conversation:<id>` (chat) or `mcp-session:<id>` (the HTTP MCP endpoint). */
  changeScope: string;
}

/** What a change reports while it runs: tasks before it touches them, and the tasks it created. */
export interface ChangeJournal {
  before(...tasks: Task[]): void;
  created(...tasks: Task[]): void;
}

export interface UndoResult {
  undone: ChangeKind;
  count: number;
  /** The tasks as the undo left them, or for an undone add, the removed tasks as they were. */
  tasks: TaskView[];
}

/** A copy taken now: the entity may change later in the same transaction. */
const snapshotOf = (task: Task): TaskView => ({ ...toTaskView(task), tags: [...task.tags] });

const dateOf = (iso: string | null): Date | null => (iso ? new Date(iso) : null);

/** The columns a snapshot puts back. */
const fieldsOf = (snapshot: TaskView) => ({
  title: snapshot.title,
  description: snapshot.description,
  completed: snapshot.completed,
  completedAt: dateOf(snapshot.completed_at),
  priority: snapshot.priority,
  tags: snapshot.tags,
  dueAt: dateOf(snapshot.due_at),
  remindAt: dateOf(snapshot.remind_at),
  remindedAt: dateOf(snapshot.reminded_at),
  reminderDismissedAt: dateOf(snapshot.reminder_dismissed_at),
  recurrence: snapshot.recurrence,
  seriesId: snapshot.series_id,
});

/**
 * The changes beyond the log's reach once the statement logging a change of a scope runs: the user's
 * changes older than the TTL, and the scope's beyond the newest UNDO_DEPTH. That statement does not see
 * the row it inserts, so this keeps UNDO_DEPTH - 1 of the earlier ones. Its parameters: beyondReachParams.
 */
const BEYOND_REACH = `user_id = ? and (created_at < ? or (change_scope = ? and id <= (
    select id from task_changes where user_id = ? and change_scope = ? order by id desc offset ? limit 1)))`;

const beyondReachParams = ({ userId, changeScope }: ChangeScope): unknown[] => [
  userId,
  new Date(Date.now() - CHANGE_TTL_MS).toISOString(),
  changeScope,
  userId,
  changeScope,
  UNDO_DEPTH - 1,
];

/**
 * For a statement whose CTE `added` inserts one task (`returning *`): CTEs logging that add in `scope`,
 * at `at`, and forgetting what is then beyond the log's reach, as `TaskChangeLog.record` does for the
 * other changes. When `added` inserted nothing (a retried turn's task exists), they log and forget nothing.
 */
export function logAddCtes(scope: ChangeScope, at: string): { sql: string; params: unknown[] } {
  return {
    sql: `logged as (
        insert into task_changes (user_id, change_scope, kind, before, created_numbers, created_at)
        select ?, ?, 'add', '[]', array[number], ? from added
      ),
      forgotten as (delete from task_changes where exists (select from added) and ${BEYOND_REACH})`,
    params: [scope.userId, scope.changeScope, at, ...beyondReachParams(scope)],
  };
}

/**
 * The change log behind `undo_last_change`, in PostgreSQL: a change and its log entry commit together,
 * and any replica, after any restart, can undo it.
 */
@Injectable()
export class TaskChangeLog {
  constructor(private readonly em: EntityManager) {}

  /** Runs `change` in a transaction and logs what it reported; a change that touched nothing is not logged. */
  async record<T>(scope: ChangeScope, kind: ChangeKind, change: (journal: ChangeJournal) => Promise<T>): Promise<T> {
    return this.em.transactional(async (em) => {
      const before: TaskView[] = [];
      const createdNumbers: number[] = [];
      const result = await change({
        before: (...tasks) => before.push(...tasks.map(snapshotOf)),
        created: (...tasks) => createdNumbers.push(...tasks.map((task) => task.number)),
      });
      if (before.length === 0 && createdNumbers.length === 0) return result;
      await this.log(em, scope, kind, before, createdNumbers);
      return result;
    });
  }

  /**
   * Reverts the scope's newest change not undone yet: deletes the tasks it created and puts back the
   * ones it changed or deleted (same id and number). Undos of one scope run one at a time, so two
   * quick "undo"s revert two changes.
   */
  async undo(scope: ChangeScope): Promise<UndoResult> {
    return this.em.transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 7012))', [
        `undo:${scope.userId}:${scope.changeScope}`,
      ]);
      const change = await em.findOne(
        TaskChange,
        { userId: scope.userId, changeScope: scope.changeScope, undoneAt: null },
        { orderBy: { id: 'desc' } },
      );
      if (!change) throw new NotFoundException('There is nothing to undo in this conversation.');
      const removed = await em.find(Task, { userId: scope.userId, number: { $in: change.createdNumbers } });
      em.remove(removed);
      const restored: Task[] = [];
      for (const snapshot of change.before) restored.push(await this.restore(em, scope.userId, snapshot));
      change.undoneAt = new Date();
      await em.flush();
      const tasks = (change.kind === 'add' ? removed : restored).map(toTaskView);
      return { undone: change.kind, count: tasks.length, tasks };
    });
  }

  private async restore(em: EntityManager, userId: string, snapshot: TaskView): Promise<Task> {
    const existing = await em.findOne(Task, { id: snapshot.id, userId });
    if (existing) return em.assign(existing, fieldsOf(snapshot));
    return em.create(Task, {
      id: snapshot.id,
      userId,
      number: snapshot.number,
      ...fieldsOf(snapshot),
      createdAt: new Date(snapshot.created_at),
    });
  }

  /** Logs the change and, in the same statement, forgets what is beyond the log's reach (BEYOND_REACH). */
  private async log(
    em: EntityManager,
    scope: ChangeScope,
    kind: ChangeKind,
    before: TaskView[],
    createdNumbers: number[],
  ): Promise<void> {
    await em.execute(
      `with logged as (
         insert into task_changes (user_id, change_scope, kind, before, created_numbers, created_at)
         values (?, ?, ?, ?::jsonb, ?::int[], ?)
       )
       delete from task_changes where ${BEYOND_REACH}`,
      [
        scope.userId,
        scope.changeScope,
        kind,
        JSON.stringify(before),
        `{${createdNumbers.join(',')}}`,
        new Date().toISOString(),
        ...beyondReachParams(scope),
      ],
    );
  }
}
