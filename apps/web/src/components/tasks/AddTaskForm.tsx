'use client';

import { type FormEvent, useState } from 'react';
import { flushSync } from 'react-dom';
import { LIMITS } from '@todo-chatbot/api/contracts';
import { api } from '@/lib/client/api';
import type { TaskView as Task } from '@/lib/client/types';
import { TaskFields, taskFieldValues } from './TaskFields';
import { DisclosureButton } from '@/components/DisclosureButton';

/** Quick add: one line (title, More, Add; their labels shortened on phones); "More" opens the other fields. */
export function AddTaskForm({ onAdded }: { onAdded: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [expanded, setExpanded] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setSaving(true);
    setError(null);
    try {
      await api<Task>('/api/tasks', {
        method: 'POST',
        json: { title: String(data.get('title')).trim(), ...taskFieldValues(data) },
      });
      form.reset();
      onAdded();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSaving(false);
    }
  }

  // A field folded away that fails the browser's check unfolds at once (before the browser looks for a
  // control to focus), so its message shows instead of the submit doing nothing.
  function unfoldInvalid(event: FormEvent<HTMLFormElement>) {
    if (!expanded && (event.target as Element).closest('#add-task-fields')) flushSync(() => setExpanded(true));
  }

  return (
    <form className="card add-task" onSubmit={submit} onInvalidCapture={unfoldInvalid} aria-label="Add a task">
      <div className="quick-add">
        <input name="title" aria-label="New task" required maxLength={LIMITS.title} placeholder="What needs doing?" />
        <DisclosureButton open={expanded} onToggle={setExpanded} controls="add-task-fields" className="secondary">
          {expanded ? 'Fewer' : 'More'}
          <span className="wide-only"> options</span>
        </DisclosureButton>
        <button type="submit" disabled={saving}>
          {saving ? 'Adding…' : 'Add'}
          <span className="wide-only"> task</span>
        </button>
      </div>
      {/* Always in the form, so Enter adds with what was filled in even while folded away. */}
      <div id="add-task-fields" className="task-fields" hidden={!expanded}>
        <TaskFields />
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
