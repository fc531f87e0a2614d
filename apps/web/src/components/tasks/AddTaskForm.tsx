'use client';

import { useState, type FormEvent } from 'react';
import { api } from '@/lib/client/api';
import { localInputToIso } from '@/lib/client/dates';
import { parseTags } from '@/lib/client/task-query';
import { LabelledOptions } from './LabelledOptions';
import { FREQUENCY_LABELS, PRIORITY_LABELS, type Frequency, type Priority, type Task } from '@/lib/client/types';

export function AddTaskForm({ onAdded }: { onAdded: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const repeat = String(data.get('repeat'));
    setSaving(true);
    setError(null);
    try {
      await api<Task>('/api/tasks', {
        method: 'POST',
        json: {
          title: String(data.get('title')).trim(),
          priority: data.get('priority') as Priority,
          tags: parseTags(String(data.get('tags'))),
          due_at: localInputToIso(String(data.get('due'))),
          recurrence: repeat === 'none' ? null : { frequency: repeat as Frequency, interval: 1 },
        },
      });
      form.reset();
      onAdded();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="card add-task" onSubmit={submit} aria-labelledby="add-task-title">
      <h2 id="add-task-title">Add task</h2>
      <label className="grow">
        Title
        <input name="title" required maxLength={500} placeholder="What needs doing?" />
      </label>
      <label>
        Priority
        <select name="priority" defaultValue="medium">
          <LabelledOptions labels={PRIORITY_LABELS} />
        </select>
      </label>
      <label>
        Due
        <input name="due" type="datetime-local" />
      </label>
      <label>
        Tags
        <input name="tags" placeholder="work, home" />
      </label>
      <label>
        Repeat
        <select name="repeat" defaultValue="none">
          <option value="none">None</option>
          <LabelledOptions labels={FREQUENCY_LABELS} />
        </select>
      </label>
      <button type="submit" disabled={saving}>
        {saving ? 'Adding…' : 'Add task'}
      </button>
      {error && (
        <p role="alert" className="error full">
          {error}
        </p>
      )}
    </form>
  );
}
