'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { announceTasksChanged } from '@/lib/client/task-events';
import { DEFAULT_FILTERS, type TaskFilters as Filters } from '@/lib/client/task-query';
import { AddTaskForm } from './AddTaskForm';
import { type ChangedRow, refocusAfterChange } from './row-focus';
import { TaskEmptyState } from './TaskEmptyState';
import { TaskFilters } from './TaskFilters';
import { TaskRow } from './TaskRow';
import { useDebouncedValue } from './useDebouncedValue';
import { useLiveTasks } from './useLiveTasks';

const TYPING_DELAY_MS = 300;

/** What needs doing first: the api sorts by due date, overdue and soonest first, no due date last. */
const BOARD_FILTERS: Filters = { ...DEFAULT_FILTERS, sortBy: 'due_at', order: 'asc' };

/** The task view: filters, an add form and the list, kept current (useLiveTasks) and refetched after every change. */
export function TaskBoard() {
  const [filters, setFilters] = useState<Filters>(BOARD_FILTERS);
  const search = useDebouncedValue(filters.search, TYPING_DELAY_MS);
  const tag = useDebouncedValue(filters.tag, TYPING_DELAY_MS);
  const list = useRef<HTMLUListElement>(null);
  const main = useRef<HTMLElement>(null);
  const changedRow = useRef<ChangedRow | null>(null);
  // A change that failed; the list's own failures come from useLiveTasks.
  const [changeError, setChangeError] = useState<string | null>(null);

  // Typing only counts once it pauses: the list follows the debounced search and tag.
  const { status, priority, due, sortBy, order } = filters;
  const applied = useMemo(
    () => ({ status, priority, due, sortBy, order, search, tag }),
    [status, priority, due, sortBy, order, search, tag],
  );
  const { tasks, error: loadError, refresh } = useLiveTasks(applied);
  const error = changeError ?? loadError;

  /** This board made a change: every task view hears it, this one included (it refetches at once). */
  function changed(row: ChangedRow | null) {
    changedRow.current = row;
    setChangeError(null);
    announceTasksChanged();
  }

  function retry() {
    setChangeError(null);
    refresh();
  }

  useEffect(() => {
    const row = changedRow.current;
    if (!row || !tasks) return;
    changedRow.current = null;
    // Only focus the change lost is put back: wherever the user has put it since (another row's editor) it stays.
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    refocusAfterChange(list.current, tasks, row, main.current);
  }, [tasks]);

  return (
    <main id="main" tabIndex={-1} ref={main} className="tasks-page">
      <h1>Tasks</h1>
      <AddTaskForm onAdded={() => changed(null)} />
      <TaskFilters filters={filters} onChange={setFilters} />
      {error && (
        <p role="alert" className="error">
          {error}{' '}
          <button type="button" className="small secondary" onClick={retry}>
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
              onChanged={() => changed({ taskId: task.id, index })}
              onError={setChangeError}
            />
          ))}
        </ul>
      )}
    </main>
  );
}
