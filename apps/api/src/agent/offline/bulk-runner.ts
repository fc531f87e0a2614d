import type { Command, TaskFilter } from './commands.js';
import type { RunEnvironment } from './command-runner.js';
import type { Step } from './questions.js';
import { count, withList } from './replies.js';
import type { ToolFilter } from './task-tool-client.js';

type Targeted = Command & { kind: 'complete' | 'delete' | 'update' };

const NOTHING = 'No tasks match that, so nothing changed.';

/**
 * One change to every task a filter selects, in one tool call (one transaction). Deleting asks first:
 * the reply lists what would go, and only a "yes" deletes it.
 */
export async function runBulk(command: Targeted, filter: TaskFilter, env: RunEnvironment): Promise<Step> {
  const { tools, directory, timeZone } = env;
  if (command.kind === 'delete') {
    const selected = toolFilter(filter, 'all');
    // Tasks named by their numbers were chosen one by one: no need to ask again.
    if (!command.confirmed && !filter.numbers) {
      const doomed = await tools.list({ ...selected, limit: 200 });
      if (doomed.length === 0) return { reply: 'No tasks match that, so there is nothing to delete.' };
      const question = `Delete ${doomed.length === 1 ? 'this task' : `these ${count(doomed.length)}`}? Say yes to delete or no to keep ${doomed.length === 1 ? 'it' : 'them'}.`;
      return { reply: withList(question, doomed, timeZone), pending: { awaiting: 'confirmation', command } };
    }
    const deleted = await tools.bulk(selected, 'delete');
    directory.changed();
    return { reply: withList(`Deleted ${count(deleted.count)}:`, deleted.tasks, timeZone), numbers: [] };
  }
  if (command.kind === 'complete') {
    const action = command.completed ? 'complete' : 'uncomplete';
    const done = await tools.bulk(toolFilter(filter, command.completed ? 'pending' : 'completed'), action);
    directory.changed();
    if (done.count === 0) return { reply: NOTHING };
    const state = command.completed ? 'done' : 'not done';
    return {
      reply: withList(`Marked ${count(done.count)} as ${state}:`, done.tasks, timeZone),
      numbers: done.tasks.map((task) => task.number),
    };
  }
  const { title, description, ...changes } = command.changes;
  if (title !== undefined || description !== undefined) {
    return { reply: 'I can change the title or notes of one task at a time: name the task, e.g. "task 2".' };
  }
  // Removing a tag changes only the tasks that have it (and the count says so).
  const tag = filter.tag ?? changes.remove_tags?.[0];
  const updated = await tools.bulk(toolFilter({ ...filter, tag }, 'pending'), 'update', changes);
  directory.changed();
  if (updated.count === 0) return { reply: NOTHING };
  return {
    reply: withList(`Updated ${count(updated.count)}:`, updated.tasks, timeZone),
    numbers: updated.tasks.map((task) => task.number),
  };
}

/** The tool's filter, with the status the action implies when the message named none. */
function toolFilter({ label: _label, ...filter }: TaskFilter, status: ToolFilter['status']): ToolFilter {
  const selected: ToolFilter = { ...filter, status: filter.status ?? status };
  if (selected.tag === undefined) delete selected.tag;
  return selected;
}
