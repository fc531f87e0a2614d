'use client';

import { LIMITS } from '@todo-chatbot/api/contracts';
import type { FormEvent, KeyboardEvent, RefObject } from 'react';

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

  // Enter sends; Shift+Enter (or composing with an IME) inserts a newline; Escape stops a streaming reply.
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && sending) {
      event.preventDefault();
      onStop();
    }
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
        onKeyDown={onKeyDown}
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
