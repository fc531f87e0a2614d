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
            className="secondary small"
            aria-label={`Rename ${title}`}
            onClick={() => show('rename')}
          >
            Rename
          </button>
          <button
            type="button"
            className="danger small"
            aria-label={`Delete ${title}`}
            onClick={() => show('confirm-delete')}
          >
            Delete
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
