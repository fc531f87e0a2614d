'use client';

import { LIMITS } from '@todo-chatbot/api/contracts';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import type { ConversationView as Conversation } from '@/lib/client/types';

interface Props {
  conversation: Conversation;
  active: boolean;
  onOpen: () => void;
  onRename: (title: string) => Promise<void>;
  onDelete: () => Promise<void>;
}

type Mode = 'view' | 'rename' | 'confirm-delete';

/** The row's buttons are icons (named by their aria-label), so a narrow sidebar still shows the title. */
function RowIcon({ path }: { path: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={path} />
    </svg>
  );
}

const PENCIL = 'M12 20h9M16.5 3.5a2.12 2.12 0 0 1 3 3L7 19l-4 1 1-4Z';
const BIN = 'M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6M10 11v6M14 11v6';

/** One conversation of the list: its link, renamed in place, deleted after a confirmation. */
export function ConversationItem({ conversation, active, onOpen, onRename, onDelete }: Props) {
  const [mode, setMode] = useState<Mode>('view');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const title = conversation.title || 'Untitled conversation';

  async function run(action: () => Promise<void>) {
    setPending(true);
    setError(null);
    try {
      await action();
      setMode('view');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Something went wrong. Try again.');
    } finally {
      setPending(false);
    }
  }

  function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get('title')).trim();
    void run(() => onRename(next));
  }

  function show(next: Mode) {
    setError(null);
    setMode(next);
  }

  return (
    <li className="conversation-item">
      {mode === 'rename' ? (
        <form className="conversation-rename" onSubmit={rename}>
          <input
            name="title"
            aria-label="Conversation title"
            defaultValue={conversation.title}
            maxLength={LIMITS.conversationTitle}
            required
            // biome-ignore lint/a11y/noAutofocus: the field the user just asked for.
            autoFocus
          />
          <button type="submit" className="small" disabled={pending}>
            Save
          </button>
          <button type="button" className="secondary small" onClick={() => show('view')}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="conversation-row">
          <Link href={`/chat?c=${conversation.id}`} aria-current={active ? 'page' : undefined} onClick={onOpen}>
            {title}
          </Link>
          <button
            type="button"
            className="secondary small conversation-action"
            aria-label={`Rename ${title}`}
            title="Rename"
            onClick={() => show('rename')}
          >
            <RowIcon path={PENCIL} />
          </button>
          <button
            type="button"
            className="danger small conversation-action"
            aria-label={`Delete ${title}`}
            title="Delete"
            onClick={() => show('confirm-delete')}
          >
            <RowIcon path={BIN} />
          </button>
        </div>
      )}
      {mode === 'confirm-delete' && (
        <div className="conversation-confirm">
          <span>Delete this conversation and its messages?</span>
          <button type="button" className="danger small" disabled={pending} onClick={() => void run(onDelete)}>
            Yes, delete
          </button>
          <button type="button" className="secondary small" onClick={() => show('view')}>
            Keep
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}
