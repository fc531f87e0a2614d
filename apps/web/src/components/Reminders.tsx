'use client';

import { usePathname } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { api } from '@/lib/client/api';
import type { ReminderAckRequest, ReminderAckResponse, Task } from '@/lib/client/types';
import { isAppPage } from './app-pages';

const POLL_MS = 30_000;
/** A failed poll (the server busy or restarting) is retried this soon rather than at the next interval. */
const RETRY_MS = 3_000;

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

/** Polls for due reminders: a browser notification when allowed, otherwise an in-app toast; then acknowledges them. */
export function Reminders() {
  const active = isAppPage(usePathname());
  const [toasts, setToasts] = useState<Task[]>([]);

  const announce = useCallback((tasks: Task[]) => {
    const granted = 'Notification' in window && Notification.permission === 'granted';
    const unshown = granted ? tasks.filter((task) => !notify(task)) : tasks;
    if (unshown.length)
      setToasts((current) => [...current, ...unshown.filter((task) => !current.some((t) => t.id === task.id))]);
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

  if (!active || toasts.length === 0) return null;
  return (
    <div className="toasts">
      {toasts.map((task) => (
        <div key={task.id} role="status" className="toast">
          <span>
            <strong>Reminder:</strong> {task.title}
          </span>
          <button
            type="button"
            className="icon-button"
            aria-label={`Dismiss reminder for ${task.title}`}
            onClick={() => setToasts((current) => current.filter((t) => t.id !== task.id))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
