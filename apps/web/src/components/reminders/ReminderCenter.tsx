'use client';

import { usePathname } from 'next/navigation';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api } from '@/lib/client/api';
import type { ReminderAckRequest, ReminderAckResponse, TaskView as Task } from '@/lib/client/types';
import { isAppPage } from '../app-pages';

const POLL_MS = 30_000;
/** A failed poll (the server busy or restarting) is retried this soon rather than at the next interval. */
const RETRY_MS = 3_000;

interface Reminders {
  /** Reminders on screen as toasts. */
  toasts: Task[];
  /** Toasts that went away by themselves: the user may not have seen them. */
  missed: Task[];
  /** The user closed the toast: seen. */
  dismiss: (taskId: number) => void;
  /** The toast timed out: kept in the missed list. */
  expire: (task: Task) => void;
  forget: (taskId: number) => void;
  forgetAll: () => void;
}

const RemindersContext = createContext<Reminders | null>(null);

export function useReminders(): Reminders {
  const reminders = useContext(RemindersContext);
  if (!reminders) throw new Error('useReminders needs a <ReminderCenter> above it');
  return reminders;
}

/** A browser notification; false where the constructor is unavailable (e.g. Android Chrome), so a toast shows instead. */
function notify(task: Task): boolean {
  try {
    new Notification('Reminder', { body: task.title, tag: `task-${task.id}` });
    return true;
  } catch {
    return false;
  }
}

/**
 * Tells the api which reminders were shown, so it stops returning them (reading them changes nothing).
 * Best-effort: unacknowledged ones come back at the next poll and replace their own toast or notification.
 */
function acknowledge(tasks: Task[]): void {
  if (tasks.length === 0) return;
  const body: ReminderAckRequest = { task_ids: tasks.map((task) => task.id) };
  api<ReminderAckResponse>('/api/reminders/ack', { method: 'POST', json: body }).catch(() => undefined);
}

const without = (list: Task[], taskId: number) => list.filter((task) => task.id !== taskId);
const adding = (list: Task[], tasks: Task[]) => [
  ...list,
  ...tasks.filter((task) => !list.some((t) => t.id === task.id)),
];

/**
 * Polls for due reminders on the app's pages: a browser notification when allowed, otherwise a toast;
 * then acknowledges them. Holds the toasts and the missed list for the header and the toast corner.
 */
export function ReminderCenter({ children }: { children: ReactNode }) {
  const active = isAppPage(usePathname());
  const [toasts, setToasts] = useState<Task[]>([]);
  const [missed, setMissed] = useState<Task[]>([]);

  const announce = useCallback((tasks: Task[]) => {
    const granted = 'Notification' in window && Notification.permission === 'granted';
    const unshown = granted ? tasks.filter((task) => !notify(task)) : tasks;
    if (unshown.length) setToasts((current) => adding(current, unshown));
    acknowledge(tasks);
  }, []);

  useEffect(() => {
    if (!active) return;
    let retry: number | undefined;
    const poll = () => {
      window.clearTimeout(retry);
      api<Task[]>('/api/reminders/due').then(announce, () => {
        retry = window.setTimeout(poll, RETRY_MS);
      });
    };
    poll();
    const timer = window.setInterval(poll, POLL_MS);
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(retry);
    };
  }, [active, announce]);

  // Stable callbacks: a toast's timer restarts only when that toast is held or released.
  const dismiss = useCallback((taskId: number) => setToasts((current) => without(current, taskId)), []);
  const expire = useCallback((task: Task) => {
    setToasts((current) => without(current, task.id));
    setMissed((list) => adding(list, [task]));
  }, []);
  const forget = useCallback((taskId: number) => setMissed((list) => without(list, taskId)), []);
  const forgetAll = useCallback(() => setMissed([]), []);

  const reminders = useMemo<Reminders>(
    () => ({
      toasts: active ? toasts : [],
      missed: active ? missed : [],
      dismiss,
      expire,
      forget,
      forgetAll,
    }),
    [active, toasts, missed, dismiss, expire, forget, forgetAll],
  );

  return <RemindersContext.Provider value={reminders}>{children}</RemindersContext.Provider>;
}
