'use client';

import { useEffect, useRef } from 'react';
import { MessageBubble } from './MessageBubble';
import type { ChatMessage } from './useChat';

interface Props {
  messages: ChatMessage[];
  sending: boolean;
  onRetry: (text: string, clientMessageId: string) => void;
}

export function MessageList({ messages, sending, onRetry }: Props) {
  const end = useRef<HTMLDivElement>(null);

  // Keep the newest message (and streaming text) in view.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages]);

  return (
    <div className="message-scroll">
      <ol className="messages" aria-label="Chat history" aria-live="polite">
        {messages.map((message) => (
          <MessageBubble key={message.key} message={message} onRetry={onRetry} retryDisabled={sending} />
        ))}
      </ol>
      <div ref={end} />
    </div>
  );
}
