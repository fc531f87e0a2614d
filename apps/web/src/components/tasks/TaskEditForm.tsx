'use client';

import { useState, type FormEvent } from 'react';
import { api } from '@/lib/client/api';
import { isoToLocalInput, localInputToIso } from '@/lib/client/dates';
import { parseTags } from '@/lib/client/task-query';
import { LabelledOptions } from './LabelledOptions';
import { PRIORITY_LABELS, type CompletionResult, type Priority, type Task } from '@/lib/client/types';

interface Props {
  task: Task;
  onSaved: () => void;
  onCancel: () => void;
}

export function TaskEditForm({ task, onSaved, onCancel }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const description = String(data.get('description')).trim();
    setSaving(true);
    setError(null);
    try {
      await api<CompletionResult>(`/api/tasks/${task.id}`, {
        method: 'PATCH',
        json: {
          title: String(data.get('title')).trim(),
          description: description || null,
          priority: data.get('priority') as Priority,
          tags: parseTags(String(data.get('tags'))),
          due_at: localInputToIso(String(data.get('due'))),
        },
      });
      onSaved();
    } catch (failure) {
      setError((failure as Error).message);
      setSaving(false);
    }
  }

  return (
    <form className="edit-task" onSubmit={submit} aria-label={`Edit ${task.title}`}>
      <label className="full">
        Title
        {/* biome-ignore lint/a11y/noAutofocus: the form opens on the user's own Edit click, so focus follows it. */}
        <input name="title" required maxLength={500} defaultValue={task.title} autoFocus />
      </label>
      <label className="full">
        Description
        <textarea name="description" rows={2} maxLength={5000} defaultValue={task.description ?? ''} />
      </label>
      <label>
        Priority
        <select name="priority" defaultValue={task.priority}>
          <LabelledOptions labels={PRIORITY_LABELS} />
        </select>
      </label>
      <label>
        Tags
        <input name="tags" defaultValue={task.tags.join(', ')} />
      </label>
      <label>
        Due
        <input name="due" type="datetime-local" defaultValue={isoToLocalInput(task.due_at)} />
      </label>
      {error && (
        <p role="alert" className="error full">
          {error}
        </p>
      )}
      <div className="actions full">
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
