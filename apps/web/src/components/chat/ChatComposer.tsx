'use client';

import { LIMITS } from '@todo-chatbot/api/contracts';
import type { FormEvent, RefObject } from 'react';
import { onMessageKey } from './composer-keys';

interface Props {
  value: string;
  onChange: (value: string) => void;
  onSend: (text: string) => void;
  onStop: () => void;
  sending: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}

/** The message box. While a reply streams, the box stays usable for the next message and Send becomes Stop. */
export function ChatComposer({ value, onChange, onSend, onStop, sending, inputRef }: Props) {
  const canSend = !sending && value.trim().length > 0;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (canSend) onSend(value.trim());
  }

  return (
    <form className="composer" onSubmit={submit} aria-label="Send a message">
      <textarea
        ref={inputRef}
        aria-label="Message"
        placeholder="Ask me to add, list or complete tasks…"
        rows={2}
        maxLength={LIMITS.messageBytes}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        // Escape stops a streaming reply.
        onKeyDown={(event) => onMessageKey(event, submit, sending ? onStop : undefined)}
      />
      {/* Two buttons, not one relabelled: the focus must not stay on a Send that turned into Stop, or back. */}
      {sending ? (
        <button key="stop" type="button" className="danger" onClick={onStop}>
          Stop
        </button>
      ) : (
        <button key="send" type="submit" disabled={!canSend}>
          Send
        </button>
      )}
    </form>
  );
}
