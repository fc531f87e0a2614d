'use client';

import { LIMITS } from '@todo-chatbot/api/contracts';
import { type FormEvent, useState } from 'react';
import { onMessageKey } from './composer-keys';

interface Props {
  original: string;
  onSend: (text: string) => void;
  onCancel: () => void;
}

/** The last user message, open for editing: Enter (or Send) resends it, Escape (or Cancel) keeps it as it was. */
export function EditMessageForm({ original, onSend, onCancel }: Props) {
  const [text, setText] = useState(original);
  const changed = text.trim().length > 0 && text.trim() !== original;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (changed) onSend(text.trim());
  }

  return (
    <form className="edit-message" onSubmit={submit} aria-label="Edit your message">
      <textarea
        aria-label="Edited message"
        rows={2}
        maxLength={LIMITS.messageBytes}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => onMessageKey(event, submit, onCancel)}
        // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this message; the caret goes there.
        autoFocus
      />
      <div className="message-actions">
        <button type="submit" className="small" disabled={!changed}>
          Send
        </button>
        <button type="button" className="secondary small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
