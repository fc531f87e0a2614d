'use client';

import { useEffect, useRef } from 'react';
import { MessageBubble } from './MessageBubble';
import type { ChatMessage } from './useChat';

interface Props {
  messages: ChatMessage[];
  sending: boolean;
  /** What a screen reader hears when a turn ends (the reply), rather than the streaming text piece by piece. */
  announcement: string;
  onRetry: (text: string, clientMessageId: string) => void;
}

export function MessageList({ messages, sending, announcement, onRetry }: Props) {
  const scroller = useRef<HTMLElement>(null);

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
          <MessageBubble key={message.key} message={message} onRetry={onRetry} retryDisabled={sending} />
        ))}
      </ol>
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
}
