'use client';

import { useEffect, useState } from 'react';
import type { TaskView as Task } from '@/lib/client/types';
import { useReminders } from './ReminderCenter';

/** Long enough to read a title; a toast that goes unread stays in the header's missed list. */
const TOAST_MS = 8_000;

function ReminderToast({ task }: { task: Task }) {
  const { clear, expire } = useReminders();
  // Hovering or focusing a toast holds it, so it never vanishes while being read or reached.
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (held) return;
    const timer = window.setTimeout(() => expire(task), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [held, expire, task]);

  return (
    <div
      role="status"
      className="toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span>
        <strong>Reminder:</strong> {task.title}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label={`Dismiss reminder for ${task.title}`}
        onClick={() => clear([task])}
      >
        ×
      </button>
    </div>
  );
}

/** The toast corner: top right, under the header, so it never covers the chat composer or Send. */
export function ReminderToasts() {
  const { toasts } = useReminders();
  if (toasts.length === 0) return null;
  return (
    <section className="toasts" aria-label="Reminders">
      {toasts.map((task) => (
        <ReminderToast key={task.id} task={task} />
      ))}
    </section>
  );
}
