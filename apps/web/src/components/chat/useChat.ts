'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '@/lib/client/api';
import { streamChatTurn } from '@/lib/client/chat-stream';
import { browserTimeZone } from '@/lib/client/dates';
import type { MessageView as StoredMessage, ToolCallRecord as ToolCall } from '@/lib/client/types';

export interface ChatMessage {
  key: string;
  role: 'user' | 'assistant';
  content: string;
  toolCalls: ToolCall[];
  pending?: boolean;
  /** The user stopped the reply: what streamed until then is kept. */
  stopped?: boolean;
  error?: string;
  /** What to resend (same client_message_id, so the api does not run the turn twice). */
  retry?: { text: string; clientMessageId: string };
}

const fromStored = (message: StoredMessage): ChatMessage => ({
  key: `m-${message.id}`,
  role: message.role,
  content: message.content,
  toolCalls: message.tool_calls,
});

/**
 * Messages of one conversation and sending turns into it. `onStored` gets the conversation id after
 * each turn, so the page can put a new conversation in the URL and refresh the list.
 */
export function useChat(conversationId: string | null, onStored: (conversationId: string) => void) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [sending, setSending] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const inFlight = useRef<AbortController | null>(null);
  // The conversation this tab just created by sending: its messages are already on screen.
  const createdHere = useRef<string | null>(null);
  const current = useRef(conversationId);
  current.current = conversationId;

  useEffect(() => {
    setLoadError(null);
    if (!conversationId) {
      setMessages([]);
      return;
    }
    if (conversationId === createdHere.current) {
      createdHere.current = null;
      return;
    }
    let cancelled = false;
    setMessages([]);
    setLoading(true);
    api<StoredMessage[]>(`/api/conversations/${encodeURIComponent(conversationId)}/messages`)
      .then(
        (stored) => !cancelled && setMessages(stored.map(fromStored)),
        (error: Error) => !cancelled && setLoadError(error.message),
      )
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
      setLoading(false);
    };
  }, [conversationId]);

  const update = useCallback(
    (key: string, change: (message: ChatMessage) => ChatMessage) =>
      setMessages((list) => list.map((message) => (message.key === key ? change(message) : message))),
    [],
  );

  const send = useCallback(
    async (text: string, clientMessageId: string = crypto.randomUUID()) => {
      const replyKey = `a-${clientMessageId}`;
      const startedIn = current.current;
      const blankReply: ChatMessage = { key: replyKey, role: 'assistant', content: '', toolCalls: [], pending: true };
      setMessages((list) =>
        list.some((message) => message.key === replyKey)
          ? list.map((message) => (message.key === replyKey ? blankReply : message))
          : [...list, { key: `u-${clientMessageId}`, role: 'user', content: text, toolCalls: [] }, blankReply],
      );
      setSending(true);
      setAnnouncement('');
      const controller = new AbortController();
      inFlight.current = controller;
      try {
        const result = await streamChatTurn(
          {
            ...(startedIn ? { conversation_id: startedIn } : {}),
            message: text,
            client_message_id: clientMessageId,
            time_zone: browserTimeZone(),
          },
          {
            onToolCall: (call) => update(replyKey, (m) => ({ ...m, toolCalls: [...m.toolCalls, call] })),
            onDelta: (delta) => update(replyKey, (m) => ({ ...m, content: m.content + delta })),
            onRetry: () => update(replyKey, () => blankReply),
          },
          controller.signal,
        );
        update(replyKey, (m) => ({ ...m, content: result.response, toolCalls: result.tool_calls, pending: false }));
        setAnnouncement(`Assistant: ${result.response}`);
        // Only follow the reply into the URL if the user is still looking at the conversation it belongs to.
        if (current.current === startedIn) {
          if (!startedIn) createdHere.current = result.conversation_id;
          onStored(result.conversation_id);
        }
      } catch (error) {
        if (controller.signal.aborted) {
          update(replyKey, (m) => ({ ...m, pending: false, stopped: true }));
          setAnnouncement('Reply stopped.');
          return;
        }
        update(replyKey, (m) => ({
          ...m,
          pending: false,
          error: (error as Error).message || 'Something went wrong.',
          retry: { text, clientMessageId },
        }));
      } finally {
        inFlight.current = null;
        setSending(false);
      }
    },
    [onStored, update],
  );

  const stop = useCallback(() => inFlight.current?.abort(), []);

  return { messages, sending, loading, loadError, announcement, send, stop };
}
