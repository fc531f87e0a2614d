import type { TaskView } from '../../tasks/task.view.js';
import type { Command, MissingValue } from './commands.js';
import type { PendingQuestion } from './conversation-state.js';
import { taskList, taskName } from './replies.js';
import type { TaskDirectory } from './task-directory.js';

/** A reply, and what the conversation remembers after it. */
export interface Step {
  reply: string;
  /** The question this reply asks, to be answered by the next message. */
  pending?: PendingQuestion;
  /** The tasks this reply is about: what "it" means next. */
  numbers?: number[];
}

const SHOWN = 10;

/** "delete", "mark as done", … for "Which task should I …?" */
function verbOf(command: Command): string {
  switch (command.kind) {
    case 'complete':
      return command.completed ? 'mark as done' : 'reopen';
    case 'delete':
      return 'delete';
    case 'check':
      return 'check';
    case 'update':
      if (command.missing === 'title') return 'rename';
      if (command.missing === 'remind_at' || command.changes.remind_at) return 'remind you about';
      return 'change';
    default:
      return 'use';
  }
}

/** No task named: ask which, showing the open tasks to pick from. */
export async function askWhich(command: Command, directory: TaskDirectory, timeZone: string): Promise<Step> {
  const all = await directory.all();
  if (all.length === 0) return { reply: `You have no tasks yet, so there is nothing to ${verbOf(command)}.` };
  const open = all.filter((task) => !task.completed);
  const shown = (open.length > 0 ? open : all).slice(0, SHOWN);
  return {
    reply: `Which task should I ${verbOf(command)}? Say its number or name:\n${taskList(shown, timeZone)}`,
    pending: { awaiting: 'target', command },
  };
}

/** Several tasks fit the words: list them and ask, remembering them as the choices. */
export function askWhichOf(command: Command, tasks: TaskView[], reference: string, timeZone: string): Step {
  const example = tasks[0] ? ` (e.g. "${tasks[0].number}")` : '';
  return {
    reply: `${tasks.length} tasks match ${reference} — which one do you mean? Say its number${example}:\n${taskList(tasks, timeZone)}`,
    pending: { awaiting: 'target', command, candidates: tasks.map((task) => task.number) },
  };
}

/** Nothing fits the words: say so, and offer the closest titles as choices. */
export function notFound(command: Command, reference: string, suggestions: TaskView[], timeZone: string): Step {
  const missing = `I couldn't find a task matching "${reference}".`;
  if (suggestions.length === 0) return { reply: missing };
  return {
    reply: `${missing} Did you mean one of these?\n${taskList(suggestions, timeZone)}`,
    pending: { awaiting: 'target', command, candidates: suggestions.map((task) => task.number) },
  };
}

/** "You have no task 42." and the tasks with the nearest numbers, as choices. */
export async function noSuchNumber(
  command: Command,
  sentence: string,
  directory: TaskDirectory,
  number: number,
  timeZone: string,
): Promise<Step> {
  const all = await directory.all();
  if (all.length === 0) return { reply: `${sentence} You have no tasks yet.` };
  const nearest = [...all]
    .sort((a, b) => Math.abs(a.number - number) - Math.abs(b.number - number) || a.number - b.number)
    .slice(0, 3)
    .sort((a, b) => a.number - b.number);
  return {
    reply: `${sentence} Did you mean one of these?\n${taskList(nearest, timeZone)}`,
    pending: { awaiting: 'target', command, candidates: nearest.map((task) => task.number) },
  };
}

const VALUE_QUESTIONS: Record<MissingValue, (name: string) => string> = {
  title: (name) => `What should ${name} be called instead?`,
  due_at: (name) => `When should ${name} be due?`,
  remind_at: (name) => `When should I remind you about ${name}?`,
  changes: (name) =>
    `What should I change about ${name}? (its title, priority, due date, reminder, tags, repeat or notes)`,
};

/** The task is known but the new value is not: ask for it. */
export function askValue(command: Command & { kind: 'update' }, task: TaskView, missing: MissingValue): Step {
  return {
    reply: VALUE_QUESTIONS[missing](taskName(task)),
    pending: { awaiting: missing, command: { ...command, target: { number: task.number } } },
    numbers: [task.number],
  };
}
