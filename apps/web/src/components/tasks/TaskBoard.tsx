'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '@/lib/client/api';
import { DEFAULT_FILTERS, taskQuery, type TaskFilters as Filters } from '@/lib/client/task-query';
import type { Task } from '@/lib/client/types';
import { AddTaskForm } from './AddTaskForm';
import { TaskFilters } from './TaskFilters';
import { TaskRow } from './TaskRow';
import { useDebouncedValue } from './useDebouncedValue';

const TYPING_DELAY_MS = 300;

/** The task view: filters, an add form and the list, refetched after every change. */
export function TaskBoard() {
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const search = useDebouncedValue(filters.search, TYPING_DELAY_MS);
  const tag = useDebouncedValue(filters.tag, TYPING_DELAY_MS);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  // Typing only counts once it pauses: the list follows the debounced search and tag.
  const { status, priority, due, sortBy, order } = filters;
  const applied = useMemo(
    () => ({ status, priority, due, sortBy, order, search, tag }),
    [status, priority, due, sortBy, order, search, tag],
  );

  useEffect(() => {
    let cancelled = false;
    api<Task[]>(`/api/tasks?${taskQuery(applied)}`).then(
      (list) => {
        if (cancelled) return;
        setTasks(list);
        setError(null);
      },
      (failure: Error) => !cancelled && setError(failure.message),
    );
    return () => {
      cancelled = true;
    };
  }, [applied, version]);

  return (
    <main className="tasks-page">
      <h1>Tasks</h1>
      <AddTaskForm onAdded={reload} />
      <TaskFilters filters={filters} onChange={setFilters} />
      {error && (
        <p role="alert" className="error">
          {error}{' '}
          <button type="button" className="small secondary" onClick={reload}>
            Retry
          </button>
        </p>
      )}
      {tasks === null && !error && <p className="muted">Loading tasks…</p>}
      {tasks && tasks.length === 0 && (
        <p className="muted empty">No tasks match. Add one above, or change the filters.</p>
      )}
      {tasks && tasks.length > 0 && (
        <ul className="task-list" aria-label="Tasks">
          {tasks.map((task) => (
            <TaskRow key={task.id} task={task} onChanged={reload} onError={setError} />
          ))}
        </ul>
      )}
    </main>
  );
}
