'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '@/lib/client/api';
import { streamChatTurn } from '@/lib/client/chat-stream';
import { browserTimeZone } from '@/lib/client/dates';
import { announceTasksChanged } from '@/lib/client/task-events';
import type { MessageView as StoredMessage, ToolCallRecord as ToolCall } from '@/lib/client/types';

export interface ChatMessage {
  key: string;
  /** The stored message's id (a user message's comes with the stream's start), which an edit replaces. */
  id?: number;
  role: 'user' | 'assistant';
  content: string;
  toolCalls: ToolCall[];
  pending?: boolean;
  /** The user stopped the reply: what streamed until then is kept. */
  stopped?: boolean;
  error?: string;
  /** What to resend (same client_message_id, so the api does not run the turn twice). */
  retry?: Turn;
  /** Shown under a user message: the edited turn's task changes were kept. */
  note?: string;
}

/** A message to send: `replaces` names the last user message it edits. */
export interface Turn {
  text: string;
  clientMessageId: string;
  replaces?: number;
}

const EDIT_KEPT_CHANGES = 'The task changes of the message you edited were kept. Say “undo” to revert them.';

const fromStored = (message: StoredMessage): ChatMessage => ({
  key: `m-${message.id}`,
  id: message.id,
  role: message.role,
  content: message.content,
  toolCalls: message.tool_calls,
  ...(message.stopped ? { stopped: true } : {}),
});

/** A reply's tool calls changed tasks (anything but a successful read). */
const changedTasks = (message: ChatMessage | undefined): boolean =>
  message?.toolCalls.some((call) => !call.is_error && call.name !== 'list_tasks') ?? false;

/** The list without the edited user message and what follows it (its reply). */
function withoutEdited(list: ChatMessage[], replaces: number): { kept: ChatMessage[]; changed: boolean } {
  const at = list.findIndex((message) => message.id === replaces);
  if (at === -1) return { kept: list, changed: false };
  return { kept: list.slice(0, at), changed: list.slice(at + 1).some(changedTasks) };
}

/**
 * Messages of one conversation and sending turns into it. `onStored` gets the conversation id when a new
 * one starts and after each turn, so the page can put it in the URL and refresh the list.
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
    async ({ text, clientMessageId, replaces }: Turn) => {
      const replyKey = `a-${clientMessageId}`;
      const userKey = `u-${clientMessageId}`;
      const startedIn = current.current;
      // The conversation the turn belongs to: a new one's id arrives with the stream's start.
      let conversation = startedIn;
      const blankReply: ChatMessage = { key: replyKey, role: 'assistant', content: '', toolCalls: [], pending: true };
      setMessages((list) => {
        if (list.some((message) => message.key === replyKey))
          return list.map((message) => (message.key === replyKey ? blankReply : message));
        const { kept, changed } =
          replaces === undefined ? { kept: list, changed: false } : withoutEdited(list, replaces);
        const question: ChatMessage = {
          key: userKey,
          role: 'user',
          content: text,
          toolCalls: [],
          ...(changed ? { note: EDIT_KEPT_CHANGES } : {}),
        };
        return [...kept, question, blankReply];
      });
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
            ...(replaces === undefined ? {} : { replaces }),
          },
          {
            onStart: ({ conversation_id, message_id }) => {
              update(userKey, (m) => ({ ...m, id: message_id }));
              // A new conversation goes in the URL at once: stopped now, the next message still continues it.
              // Once: a retried attempt of the same turn starts again with the same conversation.
              if (conversation === null && current.current === startedIn) {
                createdHere.current = conversation_id;
                onStored(conversation_id);
              }
              conversation = conversation_id;
            },
            onToolCall: (call) => update(replyKey, (m) => ({ ...m, toolCalls: [...m.toolCalls, call] })),
            onDelta: (delta) => update(replyKey, (m) => ({ ...m, content: m.content + delta })),
            onRetry: () => update(replyKey, () => blankReply),
          },
          controller.signal,
        );
        update(replyKey, (m) => ({ ...m, content: result.response, toolCalls: result.tool_calls, pending: false }));
        setAnnouncement(`Assistant: ${result.response}`);
        if (result.tool_calls.length > 0) announceTasksChanged();
        // The list's order and titles changed; the URL follows only if the user still looks at this conversation.
        if (current.current === startedIn || current.current === conversation) {
          // A stream that never said start: the new conversation's messages are on screen already.
          if (conversation === null) createdHere.current = result.conversation_id;
          onStored(result.conversation_id);
        }
      } catch (error) {
        if (controller.signal.aborted) {
          update(replyKey, (m) => ({ ...m, pending: false, stopped: true }));
          setAnnouncement('Reply stopped.');
          // What ran before the stop may have changed tasks (the api keeps those changes).
          announceTasksChanged();
          return;
        }
        update(replyKey, (m) => ({
          ...m,
          pending: false,
          error: (error as Error).message || 'Something went wrong.',
          retry: { text, clientMessageId, replaces },
        }));
      } finally {
        inFlight.current = null;
        setSending(false);
      }
    },
    [onStored, update],
  );

  const stop = useCallback(() => inFlight.current?.abort(), []);

  const say = useCallback((text: string) => send({ text, clientMessageId: crypto.randomUUID() }), [send]);

  /** Edit and resend: the last user message is replaced (the api keeps it, hidden, with its reply). */
  const edit = useCallback(
    (replaces: number, text: string) => send({ text, clientMessageId: crypto.randomUUID(), replaces }),
    [send],
  );

  return { messages, sending, loading, loadError, announcement, say, edit, retry: send, stop };
}
