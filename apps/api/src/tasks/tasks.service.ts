import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { createHash, randomUUID } from 'node:crypto';
import { Clock } from '../common/clock.js';
import { MISSED_REMINDERS_MAX } from '../contracts.js';
import { IdempotencyKey } from './idempotency-key.entity.js';
import { type ChangeScope, logAddCtes } from './task-change-log.service.js';
import { TASK_VIEW_COLUMNS } from './task.mapper.js';
import type { TaskView } from './task.view.js';
import { Task } from './task.entity.js';
import { applyFields, toDate, uniqueTags } from './task-fields.js';
import { listOrder, type TaskFilter, whereTasks } from './task-filter.js';
import { NEXT_NUMBER_UPSERT, nextTaskNumber } from './task-numbers.js';
import { nextOccurrence, nextReminder } from './recurrence.js';
import type { CreateTaskInput, ListTasksQuery, UpdateTaskInput } from './task.schemas.js';

const DEFAULT_LIST_LIMIT = 100;
/** How long an Idempotency-Key is remembered (at least this long; expired keys are removed on the user's next keyed create). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000;

/**
 * The CTE `added`: a new task with the user's next number. The number is drawn only when no task of the
 * user has the idempotency key (a retried chat turn's); then nothing is inserted. A null key never
 * matches, so a task without one is always inserted. insertTask gives its parameters.
 */
const ADD_TASK = `numbered as (
    ${NEXT_NUMBER_UPSERT}
    where not exists (select from tasks where user_id = ? and idempotency_key = ?)
    returning last_number
  ),
  added as (
    insert into tasks (user_id, number, title, description, priority, tags, due_at, remind_at, recurrence,
                       series_id, idempotency_key, created_at, updated_at)
    select ?, last_number, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?, ?, ?::jsonb, ?, ?, ?, ?
      from numbered
    returning *
  )`;

export interface CompletionResult {
  task: Task;
  /** The next occurrence, created when a recurring task was completed. */
  next?: Task;
}

export type ListTasksFilter = ListTasksQuery & TaskFilter;

/**
 * Every method is scoped to one user: a task of another user is "not found". Methods called inside a
 * transaction (the tools' change log) join it.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /**
   * POST /api/tasks with an `Idempotency-Key`: the first request creates the task and stores its
   * response in the same transaction; a retry with the key (any replica, even while the first is still
   * running: it waits on the key's row) gets that response and creates nothing. Keys expire after 24 h.
   */
  async createOnce(
    userId: string,
    input: CreateTaskInput,
    key: string,
  ): Promise<{ body: TaskView; replayed: boolean }> {
    const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    return this.em.transactional(async (em) => {
      const now = new Date();
      await em.nativeDelete(IdempotencyKey, {
        userId,
        createdAt: { $lt: new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS) },
      });
      const claimed = await em
        .createQueryBuilder(IdempotencyKey)
        .insert({ userId, key, requestHash, responseStatus: null, responseBody: null, createdAt: now })
        .onConflict(['userId', 'key'])
        .ignore()
        .execute('run');
      if (claimed.affectedRows === 0) {
        const first = await em.findOneOrFail(IdempotencyKey, { userId, key }, { refresh: true });
        if (first.requestHash !== requestHash) {
          throw new UnprocessableEntityException(
            'Idempotency-Key was already used for a different task: send a new key for a new task',
          );
        }
        return { body: first.responseBody as TaskView, replayed: true };
      }
      const body = (await this.insertTask(em, userId, input))!;
      await em.nativeUpdate(IdempotencyKey, { userId, key }, { responseStatus: 201, responseBody: body });
      return { body, replayed: false };
    });
  }

  /** POST /api/tasks without an Idempotency-Key: one statement, no transaction. */
  async create(userId: string, input: CreateTaskInput): Promise<TaskView> {
    return (await this.insertTask(this.em, userId, input))!;
  }

  /**
   * add_task: adds the task and logs the add in the scope's change log, in one statement (atomic
   * without a transaction). With an idempotency key (a chat turn's), a retried turn gets the task its
   * first run added, and adds, logs and numbers nothing. A copy of the turn running at the same moment
   * (another replica) fails on the key's unique constraint instead, which undoes all of its statement
   * (the drawn number too), and gets the first copy's task.
   */
  async addLogged(scope: ChangeScope, input: CreateTaskInput, idempotencyKey?: string): Promise<TaskView> {
    try {
      const added = await this.insertTask(this.em, scope.userId, input, { idempotencyKey, logIn: scope });
      if (added) return added;
    } catch (error) {
      if (!(idempotencyKey && error instanceof UniqueConstraintViolationException)) throw error;
    }
    // A retried turn, or the copy that lost the race: the task the key's first add made.
    const [task] = await this.em.execute<TaskView[]>(
      `select ${TASK_VIEW_COLUMNS} from tasks t where user_id = ? and idempotency_key = ?`,
      [scope.userId, idempotencyKey],
    );
    return task!;
  }

  /**
   * The new task (its view), or nothing when a task with the idempotency key exists already. With `logIn`,
   * the same statement logs the add there (logAddCtes).
   */
  private async insertTask(
    em: EntityManager,
    userId: string,
    input: CreateTaskInput,
    { idempotencyKey, logIn }: { idempotencyKey?: string; logIn?: ChangeScope } = {},
  ): Promise<TaskView | undefined> {
    const now = new Date().toISOString();
    const log = logIn && logAddCtes(logIn, now);
    const [task] = await em.execute<TaskView[]>(
      `with ${ADD_TASK}${log ? `, ${log.sql}` : ''} select ${TASK_VIEW_COLUMNS} from added t`,
      [
        // The counter's user; the user and key a retried turn's task would have.
        userId,
        userId,
        idempotencyKey ?? null,
        // The task's columns, in the insert's order (the number comes from the counter).
        userId,
        input.title,
        input.description ?? null,
        input.priority ?? 'medium',
        JSON.stringify(uniqueTags(input.tags ?? [])),
        toDate(input.due_at)?.toISOString() ?? null,
        toDate(input.remind_at)?.toISOString() ?? null,
        input.recurrence ? JSON.stringify(input.recurrence) : null,
        input.recurrence ? randomUUID() : null,
        idempotencyKey ?? null,
        now,
        now,
        ...(log?.params ?? []),
      ],
    );
    return task;
  }

  /**
   * The views straight from the rows, in one plain statement: no query builder, no entities to hydrate
   * or map for a read that changes nothing (the task board polls it).
   */
  async list(userId: string, query: ListTasksFilter): Promise<TaskView[]> {
    const where = whereTasks(userId, query, this.clock.now());
    return this.em.execute<TaskView[]>(
      `select ${TASK_VIEW_COLUMNS} from tasks t where ${where.sql} order by ${listOrder(query)} limit ?`,
      [...where.params, query.limit ?? DEFAULT_LIST_LIMIT],
    );
  }

  /**
   * The user's tasks matching the filter, by number, at most `limit`; locked until the transaction
   * ends, so a bulk change and the snapshot its undo keeps see the same rows.
   */
  async lockMatching(userId: string, filter: TaskFilter, limit: number): Promise<Task[]> {
    const where = whereTasks(userId, filter, this.clock.now());
    return this.em
      .createQueryBuilder(Task, 't')
      .select('*')
      .where(where.sql, where.params)
      .orderBy({ number: 'asc' })
      .limit(limit)
      .setLockMode(LockMode.PESSIMISTIC_WRITE)
      .getResultList();
  }

  async get(userId: string, id: number): Promise<Task> {
    const task = await this.em.findOne(Task, { id, userId });
    if (!task) throw new NotFoundException(`task ${id} not found`);
    return task;
  }

  /** The task the user knows by this number, locked until the transaction ends (call it in one). */
  async lockByNumber(userId: string, number: number): Promise<Task> {
    const task = await this.em.findOne(Task, { userId, number }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!task) throw new NotFoundException(`You have no task ${number}.`);
    return task;
  }

  async update(userId: string, id: number, input: UpdateTaskInput): Promise<CompletionResult> {
    const { completed, ...fields } = input;
    const task = await this.get(userId, id);
    applyFields(task, fields);
    await this.em.flush();
    if (completed === undefined) return { task };
    return this.setCompleted(userId, id, completed);
  }

  /**
   * Completing a recurring task creates its next occurrence, in the same transaction. The conditional
   * update makes completion happen once even when two requests race, so the series never forks.
   */
  async setCompleted(userId: string, id: number, completed: boolean): Promise<CompletionResult> {
    return this.em.transactional(async (em) => {
      const changed = await em.nativeUpdate(
        Task,
        { id, userId, completed: !completed },
        { completed, completedAt: completed ? new Date() : null, updatedAt: new Date() },
      );
      const task = await em.findOne(Task, { id, userId }, { refresh: true });
      if (!task) throw new NotFoundException(`task ${id} not found`);
      if (!changed || !completed || !task.recurrence) return { task };
      const next = em.create(Task, {
        userId,
        number: await nextTaskNumber(em, userId),
        title: task.title,
        description: task.description,
        priority: task.priority,
        tags: task.tags,
        recurrence: task.recurrence,
        seriesId: task.seriesId ?? randomUUID(),
        dueAt: task.dueAt ? nextOccurrence(task.dueAt, task.recurrence) : null,
        remindAt: task.remindAt ? nextReminder(task.remindAt, task.dueAt ?? null, task.recurrence) : null,
      });
      return { task, next };
    });
  }

  async remove(userId: string, id: number): Promise<Task> {
    const task = await this.get(userId, id);
    await this.em.remove(task).flush();
    return task;
  }

  /** Reminders whose time has come and that were not acknowledged yet, oldest first. Changes nothing. */
  async dueReminders(userId: string, now = new Date()): Promise<Task[]> {
    return this.em.find(
      Task,
      { userId, completed: false, remindAt: { $lte: now }, remindedAt: null },
      { orderBy: { remindAt: 'asc', id: 'asc' } },
    );
  }

  /** Marks the caller's reminders of these tasks shown; returns how many were newly acknowledged. */
  async acknowledgeReminders(userId: string, taskIds: number[], now = new Date()): Promise<number> {
    if (taskIds.length === 0) return 0;
    return this.em.nativeUpdate(
      Task,
      { userId, id: { $in: [...new Set(taskIds)] }, remindAt: { $ne: null }, remindedAt: null },
      { remindedAt: now },
    );
  }

  /**
   * Pending tasks whose reminder was shown and not dismissed (the user may have missed it), newest
   * reminder first, at most MISSED_REMINDERS_MAX. Changes nothing.
   */
  async missedReminders(userId: string): Promise<Task[]> {
    return this.em.find(
      Task,
      { userId, completed: false, remindedAt: { $ne: null }, reminderDismissedAt: null },
      { orderBy: { remindAt: 'desc', id: 'desc' }, limit: MISSED_REMINDERS_MAX },
    );
  }

  /** Marks the caller's shown reminders of these tasks dismissed; returns how many were newly dismissed. */
  async dismissReminders(userId: string, taskIds: number[], now = new Date()): Promise<number> {
    if (taskIds.length === 0) return 0;
    return this.em.nativeUpdate(
      Task,
      { userId, id: { $in: [...new Set(taskIds)] }, remindedAt: { $ne: null }, reminderDismissedAt: null },
      { reminderDismissedAt: now },
    );
  }
}
