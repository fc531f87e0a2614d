'use client';

import { usePathname } from 'next/navigation';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { MISSED_REMINDERS_MAX } from '@todo-chatbot/api/contracts';
import { api } from '@/lib/client/api';
import { onTasksChanged } from '@/lib/client/task-events';
import type {
  ReminderAckRequest,
  ReminderAckResponse,
  ReminderDismissRequest,
  ReminderDismissResponse,
  TaskView as Task,
} from '@/lib/client/types';
import { isAppPage } from '../app-pages';

const POLL_MS = 30_000;
/** A failed poll (the server busy or restarting) is retried this soon rather than at the next interval. */
const RETRY_MS = 3_000;

interface Reminders {
  /** Reminders on screen as toasts. */
  toasts: Task[];
  /** Shown reminders the user has not dismissed (the api keeps them, so they outlive a reload), newest first. */
  missed: Task[];
  /** Why the last dismissal failed; cleared by the next one. */
  dismissError: string | null;
  /** The toast timed out: kept in the missed list. */
  expire: (task: Task) => void;
  /** Seen (a toast's ×, the missed list's × or "Clear all", a click on the notification): dismissed for good. */
  clear: (tasks: Task[]) => void;
}

const RemindersContext = createContext<Reminders | null>(null);

export function useReminders(): Reminders {
  const reminders = useContext(RemindersContext);
  if (!reminders) throw new Error('useReminders needs a <ReminderCenter> above it');
  return reminders;
}

/**
 * A browser notification; false where the constructor is unavailable (e.g. Android Chrome), so a toast shows
 * instead. Clicking it is the one sign the user saw it.
 */
function notify(task: Task, onClick: () => void): boolean {
  try {
    const notification = new Notification('Reminder', { body: task.title, tag: `task-${task.id}` });
    notification.onclick = () => {
      window.focus();
      onClick();
    };
    return true;
  } catch {
    return false;
  }
}

const without = (list: Task[], ids: Set<number>) => list.filter((task) => !ids.has(task.id));
const idsOf = (tasks: Task[]) => new Set(tasks.map((task) => task.id));
const adding = (list: Task[], tasks: Task[]) => [...list, ...without(tasks, idsOf(list))];
/** The api's order (latest reminder first) and bound, so the list reads the same after a reload. */
const newestFirst = (tasks: Task[]) =>
  [...tasks]
    .sort((a, b) => (b.remind_at ?? '').localeCompare(a.remind_at ?? '') || b.id - a.id)
    .slice(0, MISSED_REMINDERS_MAX);

/**
 * Polls for due reminders on the app's pages: a browser notification when allowed, otherwise a toast;
 * then acknowledges them. The api lists every acknowledged reminder as missed until the user dismisses it
 * (a toast's ×, the missed list's × or "Clear all", a click on the notification). Holds the toasts and the
 * missed list for the header and the toast corner.
 */
export function ReminderCenter({ children }: { children: ReactNode }) {
  const active = isAppPage(usePathname());
  const [toasts, setToasts] = useState<Task[]>([]);
  const [missed, setMissed] = useState<Task[]>([]);
  const [dismissError, setDismissError] = useState<string | null>(null);
  // The reminder writes to the api, in order: it dismisses only reminders it knows were shown, so a
  // dismissal waits for the acks sent before it; a reload of the missed list waits for both.
  const writes = useRef<Promise<unknown>>(Promise.resolve());

  /**
   * Tells the api which reminders were shown, so it stops returning them (reading them changes nothing).
   * Best-effort: unacknowledged ones come back at the next poll and replace their own toast or notification.
   */
  const acknowledge = useCallback((tasks: Task[]) => {
    const body: ReminderAckRequest = { task_ids: tasks.map((task) => task.id) };
    const sent = api<ReminderAckResponse>('/api/reminders/ack', { method: 'POST', json: body }).catch(() => undefined);
    writes.current = Promise.all([writes.current, sent]);
  }, []);

  /** Optimistic: gone at once, back in the list with a message if the api could not be told. */
  const clear = useCallback((tasks: Task[]) => {
    if (tasks.length === 0) return;
    const ids = idsOf(tasks);
    setToasts((current) => without(current, ids));
    setMissed((current) => without(current, ids));
    setDismissError(null);
    const body: ReminderDismissRequest = { task_ids: [...ids] };
    const dismissed = writes.current
      .then(() => api<ReminderDismissResponse>('/api/reminders/dismiss', { method: 'POST', json: body }))
      .catch((failure: Error) => {
        setMissed((current) => newestFirst(adding(current, tasks)));
        setDismissError(`Could not clear ${tasks.length === 1 ? 'the reminder' : 'the reminders'}: ${failure.message}`);
      });
    writes.current = dismissed;
  }, []);

  const announce = useCallback(
    (tasks: Task[]) => {
      if (tasks.length === 0) return;
      const granted = 'Notification' in window && Notification.permission === 'granted';
      const notified = granted ? tasks.filter((task) => notify(task, () => clear([task]))) : [];
      // A notification counts as missed until clicked: the page cannot tell whether anyone saw it (the
      // system may show it to an empty room, or file it away unseen under do-not-disturb).
      if (notified.length) setMissed((current) => newestFirst(adding(current, notified)));
      const unshown = without(tasks, idsOf(notified));
      if (unshown.length) setToasts((current) => adding(current, unshown));
      acknowledge(tasks);
    },
    [acknowledge, clear],
  );

  /**
   * The api's missed list replaces the page's, read after this page's own reminder writes. An answer is
   * dropped when the page wrote meanwhile (it may predate that write); the next reload brings it.
   */
  const reloadMissed = useCallback(async () => {
    const after = writes.current;
    const list = await after.then(() => api<Task[]>('/api/reminders/missed'));
    if (writes.current === after) setMissed(newestFirst(list));
  }, []);

  useEffect(() => {
    if (!active) return;
    let retry: number | undefined;
    // The missed list first, then the reminders due since. Every poll reloads the list: a task completed,
    // deleted or re-armed where this page cannot hear it (an MCP client, another device) leaves it then.
    const poll = () => {
      window.clearTimeout(retry);
      reloadMissed()
        // Tried again at the next poll: due reminders never wait on the missed list.
        .catch(() => undefined)
        .then(() => api<Task[]>('/api/reminders/due'))
        .then(announce, () => {
          retry = window.setTimeout(poll, RETRY_MS);
        });
    };
    poll();
    const timer = window.setInterval(poll, POLL_MS);
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(retry);
    };
  }, [active, announce, reloadMissed]);

  // A task completed, deleted or re-armed here, in another tab or by the chat leaves the missed list at once.
  useEffect(() => {
    if (!active) return;
    return onTasksChanged(() => void reloadMissed().catch(() => undefined));
  }, [active, reloadMissed]);

  // Stable callbacks: a toast's timer restarts only when that toast is held or released.
  const expire = useCallback((task: Task) => {
    setToasts((current) => without(current, new Set([task.id])));
    setMissed((current) => newestFirst(adding(current, [task])));
  }, []);

  const reminders = useMemo<Reminders>(() => {
    // A toast on screen is not missed (yet), though the api, having seen it acknowledged, may list it.
    const onScreen = idsOf(toasts);
    return {
      toasts: active ? toasts : [],
      missed: active ? without(missed, onScreen) : [],
      dismissError: active ? dismissError : null,
      expire,
      clear,
    };
  }, [active, toasts, missed, dismissError, expire, clear]);

  return <RemindersContext.Provider value={reminders}>{children}</RemindersContext.Provider>;
}
