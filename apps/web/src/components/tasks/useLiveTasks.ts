'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { revalidate } from '@/lib/client/api';
import { onTasksChanged } from '@/lib/client/task-events';
import { type TaskFilters, taskQuery } from '@/lib/client/task-query';
import type { TaskView as Task } from '@/lib/client/types';

/**
 * Polling with ETags rather than server-sent events: tasks change where this browser cannot see (the chat's
 * agent runs in the api, MCP clients, other api replicas), so pushing would take a pub/sub across api replicas
 * and a long-lived connection per tab through the web's BFF; a 304 every few seconds is cheap and passes
 * every proxy. Changes made in this browser (the board, the chat, another tab) arrive at once via task-events.
 */
const POLL_INTERVAL_MS = 5_000;

const isVisible = () => document.visibilityState === 'visible';

/**
 * Open tasks before done ones when sorting by due date (the api cannot express it): a task done last
 * week is not overdue. Stable, so each part keeps the api's order.
 */
const openFirst = (tasks: Task[]): Task[] => [
  ...tasks.filter((task) => !task.completed),
  ...tasks.filter((task) => task.completed),
];

/** The filters and ETag of the list on screen. */
interface ShownList {
  filters: TaskFilters;
  etag: string | null;
}

/**
 * The tasks matching `filters`, kept current while the page is visible. `refresh` loads them at once
 * (a failure is reported in `error`); a poll only revalidates, and a failed one keeps the list and is
 * retried by the next.
 */
export function useLiveTasks(filters: TaskFilters) {
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef<ShownList | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(
    async (poll: boolean) => {
      // A poll leaves an answer on its way alone; a load someone asked for supersedes it.
      if (poll && inFlight.current) return;
      inFlight.current?.abort();
      const request = new AbortController();
      inFlight.current = request;
      // Only a poll asks "changed since?": a load someone asked for always brings a list, which the board's
      // refocus after a change waits for.
      const etag = poll && shown.current?.filters === filters ? shown.current.etag : null;
      try {
        const fresh = await revalidate<Task[]>(`/api/tasks?${taskQuery(filters)}`, etag, request.signal);
        if (request.signal.aborted) return;
        if (fresh) {
          shown.current = { filters, etag: fresh.etag };
          setTasks(filters.sortBy === 'due_at' ? openFirst(fresh.body) : fresh.body);
        }
        setError(null);
      } catch (failure) {
        if (!request.signal.aborted && !poll) setError((failure as Error).message);
      } finally {
        if (inFlight.current === request) inFlight.current = null;
      }
    },
    [filters],
  );

  const refresh = useCallback(() => void load(false), [load]);

  useEffect(refresh, [refresh]);

  useEffect(() => {
    const poll = () => {
      if (isVisible()) void load(true);
    };
    const timer = window.setInterval(poll, POLL_INTERVAL_MS);
    // Back on the page: at once, rather than up to an interval later.
    document.addEventListener('visibilitychange', poll);
    // A hidden page catches up when it is shown again.
    const stopListening = onTasksChanged(() => {
      if (isVisible()) refresh();
    });
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
      stopListening();
    };
  }, [load, refresh]);

  useEffect(() => () => inFlight.current?.abort(), []);

  return { tasks, error, refresh };
}
