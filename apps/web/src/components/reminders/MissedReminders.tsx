'use client';

import Link from 'next/link';
import { useState } from 'react';
import { formatDateTime } from '@/lib/client/dates';
import { useReminders } from './ReminderCenter';
import { DisclosureButton } from '@/components/DisclosureButton';

/** A header button, shown while reminders went by unread, opening the list of them. */
export function MissedReminders() {
  const { missed, forget, forgetAll } = useReminders();
  const [open, setOpen] = useState(false);
  if (missed.length === 0) return null;
  return (
    <div className="missed-reminders">
      <DisclosureButton open={open} onToggle={setOpen} controls="missed-reminders-list" className="secondary small">
        Missed reminders ({missed.length})
      </DisclosureButton>
      {open && (
        <section id="missed-reminders-list" className="card missed-panel" aria-label="Missed reminders">
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
                  onClick={() => forget(task.id)}
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
            <button type="button" className="secondary small" onClick={forgetAll}>
              Clear all
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
