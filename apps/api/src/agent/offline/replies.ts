import type { Recurrence } from '../../tasks/task.schemas.js';
import type { TaskView } from '../../tasks/task.view.js';
import type { TaskChanges } from './commands.js';
import { formatForReply } from './dates.js';

/** Replies are Markdown: task numbers in bold, one task per list item. */

const REPEAT_NAMES: Record<Recurrence['frequency'], [string, string]> = {
  daily: ['daily', 'days'],
  weekdays: ['every weekday', 'weekdays'],
  weekends: ['every weekend', 'weekends'],
  weekly: ['weekly', 'weeks'],
  monthly: ['monthly', 'months'],
  yearly: ['yearly', 'years'],
};

export const HELP_EXAMPLES = [
  '"add buy milk tomorrow at 9am"',
  '"dentist friday 3pm"',
  '"water the plants every Monday"',
  '"show my tasks"',
  '"mark task 1 done"',
  '"move task 1 to monday"',
  '"undo"',
];

export const HELP_TEXT =
  "I'm running in offline mode (no AI model is configured), so I understand plain English commands. " +
  'I can add, list, search, update, complete and delete tasks — one at a time or several at once — with ' +
  `priorities, tags, due dates, reminders, repeats and notes, and undo my last change. Try:\n${HELP_EXAMPLES.map((example) => `- ${example}`).join('\n')}`;

/** `**#3** Buy milk — high — due Fri 27 Nov 09:00 — repeats weekly — #shopping — done` */
export function taskLine(task: TaskView, timeZone: string): string {
  const parts = [`**#${task.number}** ${task.title}`];
  if (task.priority !== 'medium') parts.push(task.priority);
  if (task.due_at) parts.push(`due ${formatForReply(task.due_at, timeZone)}`);
  if (task.remind_at) parts.push(`reminder ${formatForReply(task.remind_at, timeZone)}`);
  if (task.recurrence) parts.push(describeRecurrence(task.recurrence));
  if (task.tags.length > 0) parts.push(task.tags.map((tag) => `#${tag}`).join(' '));
  if (task.completed) parts.push('done');
  return parts.join(' — ');
}

export function taskList(tasks: TaskView[], timeZone: string): string {
  return tasks.map((task) => `- ${taskLine(task, timeZone)}`).join('\n');
}

/** `**#3** Buy milk` */
export function taskName(task: Pick<TaskView, 'number' | 'title'>): string {
  return `**#${task.number}** ${task.title}`;
}

export function describeRecurrence({ frequency, interval }: Recurrence): string {
  const [once, unit] = REPEAT_NAMES[frequency];
  return interval === 1 ? `repeats ${once}` : `repeats every ${interval} ${unit}`;
}

/** "1 task", "3 tasks". */
export function count(n: number, noun = 'task'): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A heading and the list under it. */
export function withList(heading: string, tasks: TaskView[], timeZone: string): string {
  return tasks.length > 0 ? `${heading}\n${taskList(tasks, timeZone)}` : heading;
}

/** What an update did, in words: `Renamed **#2** to "X"` or `Updated **#2** X: high priority, tagged #work`. */
export function describeUpdate(
  task: Pick<TaskView, 'number' | 'title'>,
  changes: TaskChanges,
  timeZone: string,
): string {
  const { title, ...others } = changes;
  const rest = describeChanges(others, timeZone);
  if (title === undefined) return `Updated ${taskName(task)}: ${rest}.`;
  return `Renamed **#${task.number}** to "${title}"${rest ? `; ${rest}` : ''}.`;
}

/** What an update changed, in words: `high priority, due Fri 27 Nov 09:00, tagged #work`. */
function describeChanges(changes: TaskChanges, timeZone: string): string {
  const when = (iso: string | null | undefined, field: string) =>
    iso ? `${field} ${formatForReply(iso, timeZone)}` : `no ${field === 'due' ? 'due date' : field}`;
  const parts: string[] = [];
  if (changes.priority) parts.push(`${changes.priority} priority`);
  if (changes.due_at !== undefined) parts.push(when(changes.due_at, 'due'));
  if (changes.remind_at !== undefined) parts.push(when(changes.remind_at, 'reminder'));
  if (changes.recurrence !== undefined) {
    parts.push(changes.recurrence ? describeRecurrence(changes.recurrence) : 'no longer repeats');
  }
  if (changes.tags?.length === 0) parts.push('no tags');
  else if (changes.tags) parts.push(`tags ${changes.tags.map((tag) => `#${tag}`).join(' ')}`);
  if (changes.add_tags?.length) parts.push(`tagged ${changes.add_tags.map((tag) => `#${tag}`).join(' ')}`);
  if (changes.remove_tags?.length)
    parts.push(`no longer tagged ${changes.remove_tags.map((tag) => `#${tag}`).join(' ')}`);
  if (changes.description !== undefined) parts.push(changes.description ? `notes: ${changes.description}` : 'no notes');
  return parts.join(', ');
}
