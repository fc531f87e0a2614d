import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { LIMITS } from '@todo-chatbot/api/contracts';
import { isoToLocalInput, localInputToIso } from '@/lib/client/dates';
import { parseTags, recurrenceUnit } from '@/lib/client/task-query';
import {
  FREQUENCY_LABELS,
  type Frequency,
  PRIORITY_LABELS,
  type Priority,
  type TaskView as Task,
} from '@/lib/client/types';
import { LabelledOptions } from './LabelledOptions';

const INTERVAL_MAX = LIMITS.recurrenceInterval;
const INTERVAL_MESSAGE = `Repeat every: enter a whole number from 1 to ${INTERVAL_MAX}`;

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
      <RepeatFields task={task} />
    </>
  );
}

/**
 * How often the task repeats: a frequency, and "every N" of its unit once it repeats at all. The N's name
 * says the whole rule ("Repeat every 2 weeks"), not just the "Every" above it.
 */
function RepeatFields({ task }: { task?: Task }) {
  const initialFrequency = task?.recurrence?.frequency ?? 'none';
  const initialInterval = String(task?.recurrence?.interval ?? 1);
  const [frequency, setFrequency] = useState(initialFrequency);
  const [count, setCount] = useState(initialInterval);
  const intervalInput = useRef<HTMLInputElement>(null);

  // The add form resets itself after adding: follow its fields back to where they started.
  useEffect(() => {
    const input = intervalInput.current;
    const form = input?.form;
    if (!input || !form) return;
    const reset = () => {
      input.setCustomValidity('');
      setFrequency(initialFrequency);
      setCount(initialInterval);
    };
    form.addEventListener('reset', reset);
    return () => form.removeEventListener('reset', reset);
  }, [initialFrequency, initialInterval]);

  function changeInterval(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const value = Number(input.value);
    const valid = input.value !== '' && Number.isInteger(value) && value >= 1 && value <= INTERVAL_MAX;
    input.setCustomValidity(valid ? '' : INTERVAL_MESSAGE);
    setCount(input.value);
  }

  const repeats = frequency !== 'none';
  const unit = recurrenceUnit(frequency, Number(count));
  return (
    <>
      <label>
        Repeat
        <select name="repeat" defaultValue={initialFrequency} onChange={(event) => setFrequency(event.target.value)}>
          <option value="none">Never</option>
          <LabelledOptions labels={FREQUENCY_LABELS} />
        </select>
      </label>
      {/* Hidden and disabled while it never repeats: nothing to validate or send. */}
      <label className="repeat-every" hidden={!repeats}>
        Every
        <span className="repeat-every-count">
          <input
            ref={intervalInput}
            name="repeat_every"
            type="number"
            inputMode="numeric"
            min={1}
            max={INTERVAL_MAX}
            step={1}
            required
            disabled={!repeats}
            defaultValue={initialInterval}
            onChange={changeInterval}
            aria-label={`Repeat every ${count || '…'} ${unit}`}
          />
          <span>{unit}</span>
        </span>
      </label>
    </>
  );
}

/**
 * The api's fields from a form holding <TaskFields> (checked by the browser first). Against an existing
 * `task`, the reminder is sent only when it changed, since setting it again re-arms a reminder already shown.
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
      repeat === 'none' ? null : { frequency: repeat as Frequency, interval: Number(data.get('repeat_every')) },
  };
}
