'use client';

import type { FormEvent, KeyboardEvent, RefObject } from 'react';

interface Props {
  value: string;
  onChange: (value: string) => void;
  onSend: (text: string) => void;
  sending: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}

export function ChatComposer({ value, onChange, onSend, sending, inputRef }: Props) {
  const canSend = !sending && value.trim().length > 0;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (canSend) onSend(value.trim());
  }

  // Enter sends; Shift+Enter (or composing with an IME) inserts a newline.
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form className="composer" onSubmit={submit}>
      <textarea
        ref={inputRef}
        aria-label="Message"
        placeholder="Ask me to add, list or complete tasks…"
        rows={2}
        maxLength={8000}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        disabled={sending}
      />
      <button type="submit" disabled={!canSend}>
        {sending ? 'Sending…' : 'Send'}
      </button>
    </form>
  );
}
