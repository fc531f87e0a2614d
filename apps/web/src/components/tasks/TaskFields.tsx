import { LIMITS } from '@todo-chatbot/api/contracts';
import { isoToLocalInput, localInputToIso } from '@/lib/client/dates';
import { parseTags } from '@/lib/client/task-query';
import {
  FREQUENCY_LABELS,
  type Frequency,
  PRIORITY_LABELS,
  type Priority,
  type TaskView as Task,
} from '@/lib/client/types';
import { LabelledOptions } from './LabelledOptions';

/** The fields a task has besides its title, shared by the add and the edit form; `task` fills them in. */
export function TaskFields({ task }: { task?: Task }) {
  return (
    <>
      <label className="full">
        Description
        <textarea name="description" rows={2} maxLength={LIMITS.description} defaultValue={task?.description ?? ''} />
      </label>
      <label>
        Priority
        <select name="priority" defaultValue={task?.priority ?? 'medium'}>
          <LabelledOptions labels={PRIORITY_LABELS} />
        </select>
      </label>
      <label>
        Tags
        <input name="tags" placeholder="work, home" defaultValue={task?.tags.join(', ')} />
      </label>
      <label>
        Due
        <input name="due" type="datetime-local" defaultValue={isoToLocalInput(task?.due_at ?? null)} />
      </label>
      <label>
        Reminder
        <input name="remind" type="datetime-local" defaultValue={isoToLocalInput(task?.remind_at ?? null)} />
      </label>
      <label>
        Repeat
        <select name="repeat" defaultValue={task?.recurrence?.frequency ?? 'none'}>
          <option value="none">Never</option>
          <LabelledOptions labels={FREQUENCY_LABELS} />
        </select>
      </label>
    </>
  );
}

/**
 * The api's fields from a form holding <TaskFields>. Against an existing `task`: a repeat kept at the same
 * frequency keeps its interval ("every 2 weeks"), and the reminder is sent only when it changed, since
 * setting it again re-arms a reminder already shown.
 */
export function taskFieldValues(data: FormData, task?: Task) {
  const repeat = String(data.get('repeat'));
  const remind = String(data.get('remind'));
  const remindChanged = !task || remind !== isoToLocalInput(task.remind_at);
  return {
    description: String(data.get('description')).trim() || null,
    priority: data.get('priority') as Priority,
    tags: parseTags(String(data.get('tags'))),
    due_at: localInputToIso(String(data.get('due'))),
    ...(remindChanged ? { remind_at: localInputToIso(remind) } : {}),
    recurrence:
      repeat === 'none'
        ? null
        : {
            frequency: repeat as Frequency,
            interval: task?.recurrence?.frequency === repeat ? task.recurrence.interval : 1,
          },
  };
}
