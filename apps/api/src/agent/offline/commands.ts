import type { Priority, Recurrence } from '../../tasks/task.schemas.js';
import type { ListFilters } from './list-filters.js';
import type { TaskFields } from './task-fields.js';

/** Several tasks at once, as bulk_update_tasks filters them; `label` is a tag if the user has it, else a search. */
export interface TaskFilter {
  numbers?: number[];
  status?: 'all' | 'pending' | 'completed';
  priority?: Priority;
  tag?: string;
  label?: string;
  search?: string;
  due_before?: string;
  due_after?: string;
}

/** Which task(s) a command is about, as the user named them. */
export type TaskTarget =
  /** "task 3", "#3", "number 3": the user's task number. */
  | { number: number }
  /** "the milk task", "buy oat milk": words of a title; `among` narrows them to the tasks a question offered. */
  | { words: string; among?: number[] }
  /** "it", "that one" (one task) or "them", "all of those" (every one) the conversation just talked about. */
  | { pronoun: 'one' | 'all' }
  /**
   * "the first one", "the last one", "the first two": places in the list the conversation just showed
   * (1-based; -1 is the last), `count` of them from there.
   */
  | { position: number; count?: number }
  /** "everything tagged work", "all overdue tasks". */
  | { filter: TaskFilter };

/** update_task's changes (null clears a field). */
export interface TaskChanges {
  title?: string;
  description?: string | null;
  priority?: Priority;
  tags?: string[];
  add_tags?: string[];
  remove_tags?: string[];
  due_at?: string | null;
  remind_at?: string | null;
  recurrence?: Recurrence | null;
}

/** A value an update needs but the message did not give ("rename task 2" has no new title). */
export type MissingValue = 'title' | 'due_at' | 'remind_at' | 'changes';

/** What the user asked for, in terms of the task tools. A missing `target` or title is asked for. */
export type Command =
  /**
   * `verbless`: named without "add" ("call mom tomorrow"); when an open task has that title, this sets its
   * fields instead of adding a twin.
   */
  | { kind: 'add'; task: TaskFields; verbless?: boolean }
  /** "remind me to call mom at 5": a reminder on that task if it exists, else a new task with it. */
  | { kind: 'remind-or-add'; task: TaskFields }
  | { kind: 'list'; filters: ListFilters }
  | { kind: 'complete'; target?: TaskTarget; completed: boolean }
  /** `confirmed` once the user said yes to deleting several tasks. */
  | { kind: 'delete'; target?: TaskTarget; confirmed?: boolean }
  /** `shiftMinutes`: "push it back a day" moves the due date by that much from where it is. */
  | { kind: 'update'; target?: TaskTarget; changes: TaskChanges; missing?: MissingValue; shiftMinutes?: number }
  /** "did i call mom?", "is the report done?": whether a task is done. */
  | { kind: 'check'; target?: TaskTarget }
  /** `times`: "undo the last two changes". */
  | { kind: 'undo'; times?: number }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'help' }
  /** Words that are no command ("i called grandma"): they may say what a later "it" is. */
  | { kind: 'chatter'; text: string };
