import { EntityManager } from '@mikro-orm/postgresql';
import { BadRequestException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { Task } from './task.entity.js';
import { type ChangeJournal, type ChangeScope, TaskChangeLog, type UndoResult } from './task-change-log.service.js';
import type { TaskFieldChanges } from './task-fields.js';
import { applyFields } from './task-fields.js';
import type { TaskFilter } from './task-filter.js';
import type { TaskView } from './task.view.js';
import { BULK_MAX, type BulkAction, type CreateTaskInput, type UpdateTaskInput } from './task.schemas.js';
import { type CompletionResult, TasksService } from './tasks.service.js';

/** Bulk updates set fields, never the title or description (those belong to one task). */
export type BulkChanges = Omit<TaskFieldChanges, 'title' | 'description'>;

export interface BulkRequest {
  filter: TaskFilter;
  action: BulkAction;
  changes?: BulkChanges;
}

export interface BulkResult {
  action: BulkAction;
  count: number;
  /** The changed tasks after the change; deleted ones as they were. */
  tasks: Task[];
}

const hasKeys = (object: object): boolean => Object.values(object).some((value) => value !== undefined);

/** "You have no task 42." / "You have no tasks 42 and 43." */
function noSuchTasks(numbers: number[]): string {
  if (numbers.length === 1) return `You have no task ${numbers[0]}.`;
  return `You have no tasks ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}.`;
}

/**
 * The task changes the MCP tools make: tasks addressed by the user's numbers, each change one transaction
 * (an add, one statement) logged in its scope, so `undo` can revert it.
 */
@Injectable()
export class TaskCommands {
  constructor(
    private readonly tasks: TasksService,
    private readonly log: TaskChangeLog,
    private readonly em: EntityManager,
  ) {}

  /** With an idempotency key (a chat turn's), a retried turn gets its first task back and logs nothing. */
  add(scope: ChangeScope, input: CreateTaskInput, idempotencyKey?: string): Promise<TaskView> {
    return this.tasks.addLogged(scope, input, idempotencyKey);
  }

  update(scope: ChangeScope, number: number, input: UpdateTaskInput): Promise<CompletionResult> {
    return this.log.record(scope, 'update', async (journal) => {
      const task = await this.tasks.lockByNumber(scope.userId, number);
      journal.before(task);
      const result = await this.tasks.update(scope.userId, task.id, input);
      if (result.next) journal.created(result.next);
      return result;
    });
  }

  /** Completing a task already completed changes nothing, and logs nothing to undo. */
  complete(scope: ChangeScope, number: number, completed: boolean): Promise<CompletionResult> {
    return this.log.record(scope, 'complete', async (journal) => {
      const task = await this.tasks.lockByNumber(scope.userId, number);
      if (task.completed !== completed) journal.before(task);
      const result = await this.tasks.setCompleted(scope.userId, task.id, completed);
      if (result.next) journal.created(result.next);
      return result;
    });
  }

  remove(scope: ChangeScope, number: number): Promise<Task> {
    return this.log.record(scope, 'delete', async (journal) => {
      const task = await this.tasks.lockByNumber(scope.userId, number);
      journal.before(task);
      return this.tasks.remove(scope.userId, task.id);
    });
  }

  /**
   * One change over every task the filter matches, all or nothing; complete and uncomplete skip tasks
   * already so, and the count says how many changed.
   */
  bulk(scope: ChangeScope, request: BulkRequest): Promise<BulkResult> {
    const { action, changes } = request;
    const filter = { ...request.filter, numbers: request.filter.numbers?.length ? request.filter.numbers : undefined };
    checkBulkRequest(filter, action, changes);
    return this.log.record(scope, 'bulk', async (journal) => {
      if (filter.numbers) await this.checkNumbersExist(scope.userId, filter.numbers);
      const matched = await this.tasks.lockMatching(scope.userId, filter, BULK_MAX + 1);
      if (matched.length > BULK_MAX) {
        throw new UnprocessableEntityException(
          `That is more than ${BULK_MAX} tasks; I can change at most ${BULK_MAX} at once. Narrow it down?`,
        );
      }
      const touched = matched.filter((task) =>
        action === 'complete' ? !task.completed : action === 'uncomplete' ? task.completed : true,
      );
      journal.before(...touched);
      return { action, count: touched.length, tasks: await this.apply(scope.userId, touched, request, journal) };
    });
  }

  undo(scope: ChangeScope): Promise<UndoResult> {
    return this.log.undo(scope);
  }

  private async apply(
    userId: string,
    tasks: Task[],
    { action, changes }: BulkRequest,
    journal: ChangeJournal,
  ): Promise<Task[]> {
    switch (action) {
      case 'delete':
        await this.em.remove(tasks).flush();
        return tasks;
      case 'update':
        for (const task of tasks) applyFields(task, changes ?? {});
        await this.em.flush();
        return tasks;
      default: {
        const done: Task[] = [];
        for (const task of tasks) {
          const { task: changed, next } = await this.tasks.setCompleted(userId, task.id, action === 'complete');
          if (next) journal.created(next);
          done.push(changed);
        }
        return done;
      }
    }
  }

  /** Named tasks that do not exist are an error, not silently skipped. */
  private async checkNumbersExist(userId: string, numbers: number[]): Promise<void> {
    const found = await this.tasks.lockMatching(userId, { numbers }, numbers.length);
    const known = new Set(found.map((task) => task.number));
    const missing = [...new Set(numbers)].filter((number) => !known.has(number));
    if (missing.length > 0) throw new NotFoundException(noSuchTasks(missing));
  }
}

function checkBulkRequest(filter: TaskFilter, action: BulkAction, changes: BulkChanges | undefined): void {
  if (!hasKeys(filter)) {
    throw new BadRequestException(
      'Say which tasks: give their numbers, a status, a tag, a priority, a search word or due dates.',
    );
  }
  if (action === 'update' && !(changes && hasKeys(changes))) {
    throw new BadRequestException('Say what to change on those tasks: priority, tags, due date, reminder or repeat.');
  }
  if (action !== 'update' && changes && hasKeys(changes)) {
    throw new BadRequestException(`Changes go with the update action; ${action} takes none.`);
  }
}
