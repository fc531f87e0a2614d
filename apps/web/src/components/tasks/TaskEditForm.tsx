'use client';

import { type FormEvent, useState } from 'react';
import { LIMITS } from '@todo-chatbot/api/contracts';
import { api } from '@/lib/client/api';
import type { CompletionView as CompletionResult, TaskView as Task } from '@/lib/client/types';
import { TaskFields, taskFieldValues } from './TaskFields';

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
    setSaving(true);
    setError(null);
    try {
      await api<CompletionResult>(`/api/tasks/${task.id}`, {
        method: 'PATCH',
        json: { title: String(data.get('title')).trim(), ...taskFieldValues(data, task) },
      });
      onSaved();
    } catch (failure) {
      setError((failure as Error).message);
      setSaving(false);
    }
  }

  return (
    <form className="edit-task task-fields" onSubmit={submit} aria-label={`Edit ${task.title}`}>
      <label className="full">
        Title
        {/* biome-ignore lint/a11y/noAutofocus: the form opens on the user's own Edit click, so focus follows it. */}
        <input name="title" required maxLength={LIMITS.title} defaultValue={task.title} autoFocus />
      </label>
      <TaskFields task={task} />
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
