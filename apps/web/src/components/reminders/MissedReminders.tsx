'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { formatDateTime } from '@/lib/client/dates';
import { useReminders } from './ReminderCenter';
import { DisclosureButton } from '@/components/DisclosureButton';

/** A header button, shown while reminders went by undismissed (on any of the user's browsers), opening the list of them. */
export function MissedReminders() {
  const { missed, clear, dismissError } = useReminders();
  const [open, setOpen] = useState(false);
  // A dismissal that failed put its reminders back: open the list, so the message is seen next to them.
  useEffect(() => {
    if (dismissError) setOpen(true);
  }, [dismissError]);
  if (missed.length === 0) return null;
  return (
    <div className="missed-reminders">
      <DisclosureButton open={open} onToggle={setOpen} controls="missed-reminders-list" className="secondary small">
        Missed reminders ({missed.length})
      </DisclosureButton>
      {open && (
        <section id="missed-reminders-list" className="card missed-panel" aria-label="Missed reminders">
          {dismissError && (
            <p role="alert" className="error">
              {dismissError}
            </p>
          )}
          <ul>
            {missed.map((task) => (
              <li key={task.id}>
                <span>
                  <strong>{task.title}</strong>
                  {task.remind_at && <span className="muted"> · {formatDateTime(task.remind_at)}</span>}
                </span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Clear missed reminder for ${task.title}`}
                  onClick={() => clear([task])}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <div className="actions">
            <Link href="/tasks" onClick={() => setOpen(false)}>
              Open tasks
            </Link>
            <button type="button" className="secondary small" onClick={() => clear(missed)}>
              Clear all
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
