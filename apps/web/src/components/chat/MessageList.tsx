'use client';

import { useEffect, useRef } from 'react';
import { MessageBubble } from './MessageBubble';
import type { ChatMessage, Turn } from './useChat';

interface Props {
  messages: ChatMessage[];
  sending: boolean;
  /** What a screen reader hears when a turn ends (the reply), rather than the streaming text piece by piece. */
  announcement: string;
  onRetry: (turn: Turn) => void;
  /** Edit and resend the last user message. */
  onEdit: (replaces: number, text: string) => void;
}

export function MessageList({ messages, sending, announcement, onRetry, onEdit }: Props) {
  const scroller = useRef<HTMLElement>(null);
  // Only the last user message can be edited, once stored, and not while a reply is on its way.
  const lastQuestion = messages.findLast((message) => message.role === 'user');
  const editableKey = !sending && lastQuestion?.id !== undefined ? lastQuestion.key : null;

  // Keep the newest message (and streaming text) in view, scrolling the list only, never the page.
  useEffect(() => {
    const list = scroller.current;
    if (list && messages.length) list.scrollTop = list.scrollHeight;
  }, [messages]);

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the list scrolls, so keyboard users must be able to reach it.
    <section ref={scroller} className="message-scroll" aria-label="Messages" tabIndex={0}>
      <ol className="messages" aria-label="Chat history">
        {messages.map((message) => (
          <MessageBubble
            key={message.key}
            message={message}
            onRetry={onRetry}
            retryDisabled={sending}
            onEdit={message.key === editableKey ? (text) => onEdit(message.id!, text) : undefined}
          />
        ))}
      </ol>
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
}
