import type { TaskView } from '../../tasks/task.view.js';
import type { TaskFilter, TaskTarget } from './commands.js';
import { closestTasks, matchTasks } from './task-matching.js';
import type { TaskTools } from './task-tool-client.js';

/** Which task(s) a target turned out to mean. */
export type Resolution =
  | { kind: 'one'; number: number }
  | { kind: 'ambiguous'; tasks: TaskView[] }
  | { kind: 'none'; reference: string; suggestions: TaskView[] }
  | { kind: 'unnamed' }
  | { kind: 'several'; filter: TaskFilter };

/** Completing looks among open tasks first, reopening among done ones; anything else among open ones first. */
export type Preference = 'pending' | 'completed';

const LISTED = 200;

/**
 * The user's tasks, read once per turn (and again after a change), for finding the task a message names.
 */
export class TaskDirectory {
  private tasks: TaskView[] | undefined;

  constructor(private readonly tools: TaskTools) {}

  async all(): Promise<TaskView[]> {
    this.tasks ??= await this.tools.list({ status: 'all', sort_by: 'created_at', order: 'asc', limit: LISTED });
    return this.tasks;
  }

  /** Called after every change: the next lookup reads the list again. */
  changed(): void {
    this.tasks = undefined;
  }

  async find(number: number): Promise<TaskView | undefined> {
    return (await this.all()).find((task) => task.number === number);
  }

  async resolve(target: TaskTarget, context: number[], preference: Preference): Promise<Resolution> {
    if ('number' in target) return { kind: 'one', number: target.number };
    if ('filter' in target) return { kind: 'several', filter: await this.withLabel(target.filter) };
    if ('position' in target) {
      const numbers = placesIn(context, target.position, target.count ?? 1);
      const [only] = numbers;
      if (only === undefined) return { kind: 'unnamed' };
      return numbers.length === 1 ? { kind: 'one', number: only } : { kind: 'several', filter: { numbers } };
    }
    if ('pronoun' in target && target.pronoun === 'all') {
      return context.length > 0 ? { kind: 'several', filter: { numbers: context } } : { kind: 'unnamed' };
    }
    if ('pronoun' in target) {
      const [only] = context;
      if (only !== undefined && context.length === 1) return { kind: 'one', number: only };
      if (context.length === 0) return { kind: 'unnamed' };
      return { kind: 'ambiguous', tasks: (await this.all()).filter((task) => context.includes(task.number)) };
    }
    const all = await this.all();
    const offered = target.among ? all.filter((task) => target.among?.includes(task.number)) : all;
    const preferred = offered.filter((task) => task.completed === (preference === 'completed'));
    const matches = matchTasks(target.words, preferred);
    const found = matches.length > 0 ? matches : matchTasks(target.words, offered);
    const [only] = found;
    if (only && found.length === 1) return { kind: 'one', number: only.number };
    if (found.length > 1) return { kind: 'ambiguous', tasks: found };
    return { kind: 'none', reference: target.words, suggestions: closestTasks(target.words, offered) };
  }

  /** "all my errands tasks": errands is a tag when a task has it, else words to search for. */
  async labelFilter(label: string): Promise<{ tag: string } | { search: string }> {
    const tagged = (await this.all()).some((task) => task.tags.includes(label));
    return tagged ? { tag: label } : { search: label };
  }

  private async withLabel({ label, ...filter }: TaskFilter): Promise<TaskFilter> {
    if (!label) return filter;
    const labelled = await this.labelFilter(label);
    return 'tag' in labelled && filter.tag ? filter : { ...filter, ...labelled };
  }
}

/** The numbers at `count` places from `position` (1-based; negative counts from the end) of a shown list. */
export function placesIn(shown: number[], position: number, count: number): number[] {
  const start = position < 0 ? shown.length + position : position - 1;
  return start < 0 ? [] : shown.slice(start, start + count);
}
