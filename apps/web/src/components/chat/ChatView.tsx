'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '@/lib/client/api';
import type { ConversationView as Conversation } from '@/lib/client/types';
import { ChatComposer } from './ChatComposer';
import { ConversationList } from './ConversationList';
import { ExamplePrompts } from './ExamplePrompts';
import { MessageList } from './MessageList';
import { OfflineBadge } from './OfflineBadge';
import { useChat } from './useChat';

export function ChatView() {
  const router = useRouter();
  const conversationId = useSearchParams().get('c');
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [offline, setOffline] = useState(false);
  const [draft, setDraft] = useState('');
  const inputRef = useRef<HTMLTextAreaElement>(null);

  const loadConversations = useCallback(() => {
    api<Conversation[]>('/api/conversations').then(setConversations, () => undefined);
  }, []);

  useEffect(() => {
    loadConversations();
    api<{ engine: string }>('/api/chat/engine').then(
      ({ engine }) => setOffline(engine === 'offline'),
      () => undefined,
    );
  }, [loadConversations]);

  const onStored = useCallback(
    (id: string) => {
      // The conversation goes in the URL so a reload resumes it.
      if (id !== conversationId) router.replace(`/chat?c=${id}`, { scroll: false });
      loadConversations();
    },
    [conversationId, router, loadConversations],
  );

  const { messages, sending, loading, loadError, announcement, say, edit, retry, stop } = useChat(
    conversationId,
    onStored,
  );

  // Stop was pressed (or the reply ended): the next message starts in the box, not on a vanished button.
  const wasSending = useRef(false);
  useEffect(() => {
    if (wasSending.current && !sending && document.activeElement === document.body) inputRef.current?.focus();
    wasSending.current = sending;
  }, [sending]);

  function sendDraft(text: string) {
    setDraft('');
    void say(text);
  }

  function fillInput(text: string) {
    setDraft(text);
    inputRef.current?.focus();
  }

  async function renameConversation(id: string, title: string) {
    const renamed = await api<Conversation>(`/api/conversations/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      json: { title },
    });
    setConversations((list) => list.map((c) => (c.id === id ? renamed : c)));
  }

  async function deleteConversation(id: string) {
    await api<void>(`/api/conversations/${encodeURIComponent(id)}`, { method: 'DELETE' });
    setConversations((list) => list.filter((c) => c.id !== id));
    // The open conversation is gone: the page becomes a new one.
    if (id === conversationId) startNew();
  }

  function startNew() {
    setDraft('');
    router.push('/chat');
    inputRef.current?.focus();
  }

  return (
    <main id="main" tabIndex={-1} className="chat-page">
      <ConversationList
        conversations={conversations}
        activeId={conversationId}
        onNew={startNew}
        onRename={renameConversation}
        onDelete={deleteConversation}
      />
      <section className="chat-pane" aria-labelledby="chat-title">
        <div className="chat-title-row">
          <h1 id="chat-title">{conversations.find((c) => c.id === conversationId)?.title ?? 'New conversation'}</h1>
          {offline && <OfflineBadge />}
        </div>
        {loadError && (
          <p role="alert" className="error">
            Could not load this conversation: {loadError}
          </p>
        )}
        {loading && <p className="muted empty">Loading messages…</p>}
        {messages.length === 0 &&
          !loading &&
          !loadError &&
          (offline ? (
            <ExamplePrompts onPick={fillInput} />
          ) : (
            <p className="muted empty">Ask me to add, list, update or complete your tasks.</p>
          ))}
        <MessageList
          messages={messages}
          sending={sending}
          announcement={announcement}
          onRetry={(turn) => void retry(turn)}
          onEdit={(replaces, text) => void edit(replaces, text)}
        />
        <ChatComposer
          value={draft}
          onChange={setDraft}
          onSend={sendDraft}
          onStop={stop}
          sending={sending}
          inputRef={inputRef}
        />
      </section>
    </main>
  );
}
