import { ToolCallError } from '../../mcp/tool-contract.js';
import { TITLE_MAX } from '../../tasks/task.schemas.js';
import { runBulk } from './bulk-runner.js';
import type { Command, TaskFilter, TaskTarget } from './commands.js';
import { askValue, askWhich, askWhichOf, noSuchNumber, notFound, type Step } from './questions.js';
import type { ListFilters } from './list-filters.js';
import { describeUpdate, HELP_TEXT, taskLine, taskName, withList } from './replies.js';
import type { TaskDirectory } from './task-directory.js';
import { sameTitle } from './task-matching.js';
import type { TaskTools } from './task-tool-client.js';

/** What a command runs against: the tools, the user's tasks, and what "it" currently means. */
export interface RunEnvironment {
  tools: TaskTools;
  directory: TaskDirectory;
  context: number[];
  timeZone: string;
}

type Targeted = Command & { kind: 'complete' | 'delete' | 'update' | 'check' };

/** Runs one command; a tool's error becomes its sentence, the reply to this command. */
export async function runCommand(command: Command, env: RunEnvironment): Promise<Step> {
  try {
    return await dispatch(command, env);
  } catch (error) {
    if (!(error instanceof ToolCallError)) throw error;
    return explainFailure(command, error.message);
  }
}

async function dispatch(command: Command, env: RunEnvironment): Promise<Step> {
  switch (command.kind) {
    case 'greeting':
      return { reply: `Hi! I'm your todo assistant. ${HELP_TEXT}` };
    case 'thanks':
      return { reply: "You're welcome! Anything else for your list?" };
    case 'help':
      return { reply: HELP_TEXT };
    case 'chatter':
      return { reply: `Sorry, I didn't understand that. ${HELP_TEXT}` };
    case 'undo':
      return undo(env, command.times ?? 1);
    case 'list':
      return list(command.filters, env);
    case 'add':
      return add(command, env);
    case 'remind-or-add':
      return remindOrAdd(command, env);
    default:
      return onTarget(command, env);
  }
}

async function add(command: Command & { kind: 'add' }, env: RunEnvironment): Promise<Step> {
  if (!command.task.title) {
    return { reply: 'What should the new task be called?', pending: { awaiting: 'title', command } };
  }
  const existing = command.verbless ? await onlyOpenTitled(command.task.title, env) : undefined;
  if (existing) {
    const { title: _same, tags, ...changes } = command.task;
    return single({ kind: 'update', changes: { ...changes, ...(tags ? { add_tags: tags } : {}) } }, existing, env);
  }
  const task = await env.tools.add({ ...command.task, title: command.task.title });
  env.directory.changed();
  const notes = task.description ? ` Notes: ${task.description}` : '';
  return { reply: `Added ${taskLine(task, env.timeZone)}.${notes}`, numbers: [task.number] };
}

/** A reminder on the open task with that title, if there is exactly one; otherwise a new task with it. */
async function remindOrAdd(command: Command & { kind: 'remind-or-add' }, env: RunEnvironment): Promise<Step> {
  const { title, remind_at } = command.task;
  const existing = await onlyOpenTitled(title ?? '', env);
  if (!existing || !remind_at) return add({ kind: 'add', task: command.task }, env);
  return single({ kind: 'update', changes: { remind_at } }, existing, env);
}

/** The number of the one open task with exactly this title, if there is exactly one. */
async function onlyOpenTitled(title: string, env: RunEnvironment): Promise<number | undefined> {
  const open = (await env.directory.all()).filter((task) => !task.completed);
  const [existing, ...others] = sameTitle(title, open);
  return existing && others.length === 0 ? existing.number : undefined;
}

async function list({ label, ...filters }: ListFilters, env: RunEnvironment): Promise<Step> {
  const labelled = label ? await env.directory.labelFilter(label) : {};
  const tasks = await env.tools.list({ ...filters, ...labelled });
  if (tasks.length === 0) return { reply: noTasksReply(filters), numbers: [] };
  const heading = tasks.length === 1 ? 'Here is 1 task:' : `Here are ${tasks.length} tasks:`;
  return { reply: withList(heading, tasks, env.timeZone), numbers: tasks.map((task) => task.number) };
}

function noTasksReply(filters: ListFilters): string {
  const { status, sort_by: _sort, order: _order, limit: _limit, ...narrowing } = filters;
  if (Object.keys(narrowing).length > 0) return 'No tasks match that.';
  if (status === 'pending' || status === 'completed') return `You have no ${status} tasks.`;
  return 'You have no tasks.';
}

/** Reverts the conversation's last change, `times` times (each one a change of its own, newest first). */
async function undo(env: RunEnvironment, times: number): Promise<Step> {
  const replies: string[] = [];
  let numbers: number[] = [];
  for (let step = 0; step < times; step++) {
    let undone: Awaited<ReturnType<TaskTools['undo']>>;
    try {
      undone = await env.tools.undo();
    } catch (error) {
      // "undo the last three changes" with two to undo: the two are undone, and the reply says why not more.
      if (step === 0 || !(error instanceof ToolCallError)) throw error;
      replies.push(error.message);
      break;
    }
    env.directory.changed();
    const what = undone.undone === 'add' ? 'removed' : undone.undone === 'delete' ? 'restored' : 'back as before';
    numbers = undone.undone === 'add' ? [] : undone.tasks.map((task) => task.number);
    replies.push(withList(`Undone — ${what}:`, undone.tasks, env.timeZone));
  }
  return { reply: replies.join('\n\n'), numbers };
}

/** Finds the task(s) a complete/delete/update names, asks when it is unclear, then runs it. */
async function onTarget(command: Targeted, env: RunEnvironment): Promise<Step> {
  if (!command.target) return askWhich(command, env.directory, env.timeZone);
  const preference = command.kind === 'complete' && !command.completed ? 'completed' : 'pending';
  const found = await env.directory.resolve(command.target, env.context, preference);
  switch (found.kind) {
    case 'unnamed':
      return askWhich({ ...command, target: undefined }, env.directory, env.timeZone);
    case 'ambiguous':
      return askWhichOf(command, found.tasks, describeTarget(command.target), env.timeZone);
    case 'none':
      return notFound(command, found.reference, found.suggestions, env.timeZone);
    case 'several':
      return command.kind === 'check' ? checkSeveral(found.filter, env) : runBulk(command, found.filter, env);
    case 'one':
      return single(command, found.number, env);
  }
}

/** "are those done?": each task with where it stands. */
async function checkSeveral({ numbers, label: _label, ...filter }: TaskFilter, env: RunEnvironment): Promise<Step> {
  const tasks = numbers
    ? (await env.directory.all()).filter((task) => numbers.includes(task.number))
    : await env.tools.list({ ...filter, status: filter.status ?? 'all' });
  return {
    reply: withList('Here is where they stand:', tasks, env.timeZone),
    numbers: tasks.map((task) => task.number),
  };
}

function describeTarget(target: TaskTarget): string {
  return 'words' in target ? `"${target.words}"` : 'that';
}

async function single(command: Targeted, number: number, env: RunEnvironment): Promise<Step> {
  const { directory, timeZone } = env;
  if (command.kind === 'update' && (command.missing || command.shiftMinutes)) {
    const task = await directory.find(number);
    if (!task) return noSuchNumber(command, `You have no task ${number}.`, directory, number, timeZone);
    if (command.missing) return askValue(command, task, command.missing);
    // A shift moves the due date from where it is; a task without one is asked for a date instead.
    if (!task.due_at) return askValue({ ...command, shiftMinutes: undefined }, task, 'due_at');
    const due_at = new Date(Date.parse(task.due_at) + (command.shiftMinutes ?? 0) * 60_000).toISOString();
    return single({ kind: 'update', changes: { ...command.changes, due_at } }, number, env);
  }
  try {
    return await change(command, number, env);
  } catch (error) {
    if (!(error instanceof ToolCallError) || (await directory.find(number))) throw error;
    return noSuchNumber({ ...command, target: undefined }, error.message, directory, number, timeZone);
  } finally {
    directory.changed();
  }
}

async function change(command: Targeted, number: number, env: RunEnvironment): Promise<Step> {
  const { tools, directory, timeZone } = env;
  if (command.kind === 'delete') {
    const task = await tools.remove(number);
    return { reply: `Deleted ${taskName(task)}.`, numbers: [task.number] };
  }
  if (command.kind === 'check') {
    const task = await directory.find(number);
    if (!task) return noSuchNumber(command, `You have no task ${number}.`, directory, number, timeZone);
    const answer = task.completed ? `Yes — ${taskName(task)} is done.` : `Not yet — ${taskName(task)} is still open.`;
    return { reply: answer, numbers: [number] };
  }
  if (command.kind === 'complete') {
    const current = await directory.find(number);
    if (current && current.completed === command.completed) {
      return { reply: `${taskName(current)} is already ${command.completed ? 'done' : 'open'}.`, numbers: [number] };
    }
    const { task, next_task: next } = await tools.complete(number, command.completed);
    if (!command.completed) return { reply: `Marked ${taskName(task)} as not done.`, numbers: [task.number] };
    const repeat = next ? `\nIt repeats, so the next one is ${taskLine(next, timeZone)}.` : '';
    return { reply: `Marked ${taskName(task)} as done.${repeat}`, numbers: [task.number] };
  }
  const { task } = await tools.update(number, command.changes);
  return { reply: describeUpdate(task, command.changes, timeZone), numbers: [task.number] };
}

/** A tool refused: its sentence is the reply; a title over the limit is asked for again. */
function explainFailure(command: Command, message: string): Step {
  // The api's own failures read "internal error: … (request id …)": made into a sentence of the reply.
  const sentence = /^[a-z]/.test(message) ? `Sorry, I couldn't do that: ${message}` : message;
  if (command.kind === 'add' && command.task.title && command.task.title.length > TITLE_MAX) {
    return {
      reply: sentence,
      pending: { awaiting: 'title', command: { ...command, task: { ...command.task, title: '' } } },
    };
  }
  if (command.kind === 'update' && command.changes.title && command.changes.title.length > TITLE_MAX) {
    const { title: _tooLong, ...changes } = command.changes;
    return { reply: sentence, pending: { awaiting: 'title', command: { ...command, changes, missing: 'title' } } };
  }
  return { reply: sentence };
}
