import { ToolCallError, type TaskToolResult, type ToolCaller } from '../../mcp/tool-contract.js';
import type { TaskView } from '../../tasks/task.view.js';
import type { Recurrence } from '../../tasks/task.schemas.js';
import { formatForReply } from './dates.js';
import { parseIntent, type Intent, type ListFilters, type TaskFields, type TaskRef } from './intent-parser.js';

interface TurnOptions {
  now: Date;
  timeZone: string;
}

/** Which tasks a text reference is looked up among, and how to ask again when several match. */
interface Lookup {
  status: 'all' | 'pending' | 'completed';
  verb: string;
}

const EXAMPLES = [
  '"Add a task to buy milk tomorrow with high priority"',
  '"Show my pending tasks sorted by due date"',
  '"Mark task 3 as complete"',
  '"Remind me to call John at 3pm tomorrow"',
];

const HELP_TEXT =
  "I'm running in offline mode (no AI model is configured), so I understand simple English commands. " +
  'I can add, list, search, sort, update, complete and delete tasks, with priorities, tags, due dates, ' +
  `reminders and repeats. Try:\n${EXAMPLES.map((example) => `• ${example}`).join('\n')}`;

/** One chat turn without an LLM: parse the message, call the task tools, describe what was done. */
export async function runOfflineTurn(message: string, tools: ToolCaller, options: TurnOptions): Promise<string> {
  const intent = parseIntent(message, options.now, options.timeZone);
  try {
    return await act(intent, tools, options.timeZone);
  } catch (error) {
    // Tool errors ("task 42 not found") are meant for the user; anything else is a real failure.
    if (error instanceof ToolCallError) return `Sorry, I couldn't do that: ${error.message}`;
    throw error;
  }
}

async function act(intent: Intent, tools: ToolCaller, timeZone: string): Promise<string> {
  switch (intent.kind) {
    case 'greeting':
      return `Hi! I'm your todo assistant. ${HELP_TEXT}`;
    case 'thanks':
      return "You're welcome! Anything else for your list?";
    case 'help':
      return intent.understood ? HELP_TEXT : `Sorry, I didn't understand that. ${HELP_TEXT}`;
    case 'add':
      return addTask(intent.fields, tools, timeZone);
    case 'list':
      return listTasks(intent.filters, tools, timeZone);
    case 'complete':
      return completeTask(intent.target, intent.completed, tools, timeZone);
    case 'delete':
      return deleteTask(intent.target, tools, timeZone);
    case 'update':
      return updateTask(intent.target, intent.changes, tools, timeZone);
  }
}

async function addTask(fields: TaskFields, tools: ToolCaller, timeZone: string): Promise<string> {
  const result = await tools.call('add_task', { ...fields });
  return `Added task ${result.task_id}: ${describeTask(result.task, timeZone)}.`;
}

async function listTasks(filters: ListFilters, tools: ToolCaller, timeZone: string): Promise<string> {
  const { tasks } = await tools.call('list_tasks', { ...filters });
  if (tasks.length === 0) return noTasksReply(filters);
  const heading = tasks.length === 1 ? 'Here is 1 task:' : `Here are ${tasks.length} tasks:`;
  return [heading, ...tasks.map((task) => taskLine(task, timeZone))].join('\n');
}

async function completeTask(target: TaskRef, completed: boolean, tools: ToolCaller, timeZone: string): Promise<string> {
  const lookup: Lookup = completed
    ? { status: 'pending', verb: 'complete' }
    : { status: 'completed', verb: 'uncomplete' };
  const resolved = await resolveTask(target, lookup, tools, timeZone);
  if (typeof resolved === 'string') return resolved;
  const result = await tools.call('complete_task', { task_id: resolved, completed });
  if (!completed) return `Marked task ${result.task_id} "${result.title}" as not done.`;
  const next = result.next_task_id ? ` It repeats, so I scheduled the next one as task ${result.next_task_id}.` : '';
  return `Marked task ${result.task_id} "${result.title}" as complete.${next}`;
}

async function deleteTask(target: TaskRef, tools: ToolCaller, timeZone: string): Promise<string> {
  const resolved = await resolveTask(target, { status: 'all', verb: 'delete' }, tools, timeZone);
  if (typeof resolved === 'string') return resolved;
  const result = await tools.call('delete_task', { task_id: resolved });
  return `Deleted task ${result.task_id}: "${result.title}".`;
}

async function updateTask(target: TaskRef, changes: TaskFields, tools: ToolCaller, timeZone: string): Promise<string> {
  if (Object.keys(changes).length === 0) {
    return `What should I change? For example: "rename task 2 to Buy bread", "set task 2 priority to high" or "move task 2 to friday".`;
  }
  const resolved = await resolveTask(target, { status: 'all', verb: 'update' }, tools, timeZone);
  if (typeof resolved === 'string') return resolved;
  const result: TaskToolResult = await tools.call('update_task', { task_id: resolved, ...changes });
  return `Updated task ${result.task_id}: ${describeTask(result.task, timeZone)}.`;
}

/**
 * The id a reference points at, or the reply to give instead: a text reference is searched for, and
 * nothing is done unless exactly one task matches (several matches are listed so the user can pick).
 */
async function resolveTask(
  target: TaskRef,
  lookup: Lookup,
  tools: ToolCaller,
  timeZone: string,
): Promise<number | string> {
  if ('id' in target) return target.id;
  const { tasks } = await tools.call('list_tasks', { search: target.text, status: lookup.status });
  const [only] = tasks;
  if (only && tasks.length === 1) return only.id;
  const which = lookup.status === 'all' ? '' : `${lookup.status} `;
  if (tasks.length === 0) return `I couldn't find a ${which}task matching "${target.text}".`;
  const lines = tasks.map((task) => taskLine(task, timeZone));
  const example = `${lookup.verb} task ${tasks[0]?.id}`;
  return [`Several ${which}tasks match "${target.text}":`, ...lines, `Which one? Say e.g. "${example}".`].join('\n');
}

function noTasksReply(filters: ListFilters): string {
  const { status, ...others } = filters;
  const narrowed = Object.keys(others).some((key) => !['sort_by', 'order', 'limit'].includes(key));
  if (narrowed) return 'No tasks match that.';
  if (status === 'pending' || status === 'completed') return `You have no ${status} tasks.`;
  return 'You have no tasks.';
}

/** `#3 [ ] Buy milk — high — due Wed 25 Nov 09:00 — #work` */
function taskLine(task: TaskView, timeZone: string): string {
  const box = task.completed ? '[x]' : '[ ]';
  const parts = [`#${task.id} ${box} ${task.title}`, task.priority];
  if (task.due_at) parts.push(`due ${formatForReply(task.due_at, timeZone)}`);
  if (task.recurrence) parts.push(describeRecurrence(task.recurrence));
  if (task.tags.length > 0) parts.push(task.tags.map((tag) => `#${tag}`).join(' '));
  return parts.join(' — ');
}

/** `"Buy milk" (high priority, due Wed 25 Nov 09:00, reminder Wed 25 Nov 08:00, repeats weekly, #work)` */
function describeTask(task: TaskView, timeZone: string): string {
  const details = [`${task.priority} priority`];
  if (task.due_at) details.push(`due ${formatForReply(task.due_at, timeZone)}`);
  if (task.remind_at) details.push(`reminder ${formatForReply(task.remind_at, timeZone)}`);
  if (task.recurrence) details.push(describeRecurrence(task.recurrence));
  if (task.tags.length > 0) details.push(task.tags.map((tag) => `#${tag}`).join(' '));
  if (task.completed) details.push('done');
  return `"${task.title}" (${details.join(', ')})`;
}

function describeRecurrence({ frequency, interval }: Recurrence): string {
  if (interval === 1) return `repeats ${frequency}`;
  const unit = { daily: 'days', weekly: 'weeks', monthly: 'months', yearly: 'years' }[frequency];
  return `repeats every ${interval} ${unit}`;
}
