'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '@/lib/client/api';
import { DEFAULT_FILTERS, type TaskFilters as Filters, taskQuery } from '@/lib/client/task-query';
import type { TaskView as Task } from '@/lib/client/types';
import { AddTaskForm } from './AddTaskForm';
import { type ChangedRow, refocusAfterChange } from './row-focus';
import { TaskEmptyState } from './TaskEmptyState';
import { TaskFilters } from './TaskFilters';
import { TaskRow } from './TaskRow';
import { useDebouncedValue } from './useDebouncedValue';

const TYPING_DELAY_MS = 300;

/** What needs doing first: the api sorts by due date, overdue and soonest first, no due date last. */
const BOARD_FILTERS: Filters = { ...DEFAULT_FILTERS, sortBy: 'due_at', order: 'asc' };

/**
 * Open tasks before done ones when sorting by due date (the api cannot express it): a task done last
 * week is not overdue. Stable, so each part keeps the api's order.
 */
const openFirst = (tasks: Task[]): Task[] => [
  ...tasks.filter((task) => !task.completed),
  ...tasks.filter((task) => task.completed),
];

/** The task view: filters, an add form and the list, refetched after every change. */
export function TaskBoard() {
  const [filters, setFilters] = useState<Filters>(BOARD_FILTERS);
  const search = useDebouncedValue(filters.search, TYPING_DELAY_MS);
  const tag = useDebouncedValue(filters.tag, TYPING_DELAY_MS);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const list = useRef<HTMLUListElement>(null);
  const main = useRef<HTMLElement>(null);
  const changedRow = useRef<ChangedRow | null>(null);

  // Typing only counts once it pauses: the list follows the debounced search and tag.
  const { status, priority, due, sortBy, order } = filters;
  const applied = useMemo(
    () => ({ status, priority, due, sortBy, order, search, tag }),
    [status, priority, due, sortBy, order, search, tag],
  );

  useEffect(() => {
    let cancelled = false;
    api<Task[]>(`/api/tasks?${taskQuery(applied)}`).then(
      (found) => {
        if (cancelled) return;
        setTasks(applied.sortBy === 'due_at' ? openFirst(found) : found);
        setError(null);
      },
      (failure: Error) => !cancelled && setError(failure.message),
    );
    return () => {
      cancelled = true;
    };
  }, [applied, version]);

  useEffect(() => {
    const row = changedRow.current;
    if (!row || !tasks) return;
    changedRow.current = null;
    refocusAfterChange(list.current, tasks, row, main.current);
  }, [tasks]);

  return (
    <main id="main" tabIndex={-1} ref={main} className="tasks-page">
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
        <TaskEmptyState filters={filters} onClearFilters={() => setFilters(BOARD_FILTERS)} />
      )}
      {tasks && tasks.length > 0 && (
        <ul ref={list} className="task-list" aria-label="Tasks">
          {tasks.map((task, index) => (
            <TaskRow
              key={task.id}
              task={task}
              onChanged={() => {
                changedRow.current = { taskId: task.id, index };
                reload();
              }}
              onError={setError}
            />
          ))}
        </ul>
      )}
    </main>
  );
}
