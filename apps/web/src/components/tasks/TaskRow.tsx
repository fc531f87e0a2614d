'use client';

import { useEffect, useRef, useState } from 'react';
import { api } from '@/lib/client/api';
import { formatDateTime } from '@/lib/client/dates';
import { isOverdue, recurrenceLabel } from '@/lib/client/task-query';
import type { CompletionView as CompletionResult, TaskView as Task } from '@/lib/client/types';
import { PriorityBadge } from './PriorityBadge';
import { TaskEditForm } from './TaskEditForm';

interface Props {
  task: Task;
  /** Refetch the list: completing a recurring task creates its next occurrence. */
  onChanged: () => void;
  onError: (message: string) => void;
}

export function TaskRow({ task, onChanged, onError }: Props) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  // The checkbox flips at once; the refetched task then takes over (or an error puts it back).
  const [checkedNow, setCheckedNow] = useState<boolean | null>(null);
  const checked = checkedNow ?? task.completed;
  const overdue = isOverdue(task);
  const editButton = useRef<HTMLButtonElement>(null);
  // Closing the editor gives focus back to the Edit button rather than dropping it to the page.
  const refocusEdit = useRef(false);

  useEffect(() => setCheckedNow(null), [task.completed, task.updated_at]);

  useEffect(() => {
    if (!editing && refocusEdit.current) editButton.current?.focus();
    refocusEdit.current = false;
  }, [editing]);

  function closeEditor() {
    refocusEdit.current = true;
    setEditing(false);
  }

  // Controls are never disabled while busy (that would drop keyboard focus); a second click is ignored instead.
  async function run(action: () => Promise<unknown>) {
    if (busy) return;
    setBusy(true);
    try {
      await action();
      onChanged();
    } catch (error) {
      setCheckedNow(null);
      onError((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const toggle = () => {
    if (busy) return;
    setCheckedNow(!checked);
    void run(() =>
      api<CompletionResult>(`/api/tasks/${task.id}/complete`, { method: 'POST', json: { completed: !checked } }),
    );
  };

  const remove = () => {
    if (window.confirm(`Delete "${task.title}"?`))
      void run(() => api<void>(`/api/tasks/${task.id}`, { method: 'DELETE' }));
  };

  return (
    <li
      data-testid="task-row"
      data-task-id={task.id}
      className={`task-row${task.completed ? ' done' : ''}${overdue ? ' overdue' : ''}`}
    >
      <input
        type="checkbox"
        className="task-check"
        checked={checked}
        aria-disabled={busy}
        onChange={toggle}
        aria-label={checked ? `Mark "${task.title}" as not done` : `Mark "${task.title}" as done`}
      />
      {editing ? (
        <TaskEditForm
          task={task}
          onCancel={closeEditor}
          onSaved={() => {
            closeEditor();
            onChanged();
          }}
        />
      ) : (
        <div className="task-body">
          <div className="task-head">
            <span className="task-number">#{task.number}</span>
            <span className="task-title">{task.title}</span>
            <PriorityBadge priority={task.priority} />
            {task.tags.map((tag) => (
              <span key={tag} className="badge tag">
                #{tag}
              </span>
            ))}
          </div>
          {task.description && <p className="task-description">{task.description}</p>}
          <ul className="task-meta">
            {task.due_at && (
              <li className={overdue ? 'overdue-label' : undefined}>
                {overdue ? <strong>Overdue</strong> : 'Due'} {formatDateTime(task.due_at)}
              </li>
            )}
            {task.recurrence && <li>{recurrenceLabel(task.recurrence)}</li>}
            {task.remind_at && <li>Reminder {formatDateTime(task.remind_at)}</li>}
            {task.completed && task.completed_at && <li>Done {formatDateTime(task.completed_at)}</li>}
          </ul>
        </div>
      )}
      {!editing && (
        <div className="task-actions">
          <button
            ref={editButton}
            type="button"
            className="secondary small"
            onClick={() => setEditing(true)}
            aria-label={`Edit "${task.title}"`}
          >
            Edit
          </button>
          <button
            type="button"
            className="danger small"
            aria-disabled={busy}
            onClick={remove}
            aria-label={`Delete "${task.title}"`}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
