'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { ConversationView as Conversation } from '@/lib/client/types';
import { DisclosureButton } from '@/components/DisclosureButton';

interface Props {
  conversations: Conversation[];
  activeId: string | null;
  onNew: () => void;
}

/** Sidebar on wide screens; a collapsible panel above the chat on narrow ones. */
export function ConversationList({ conversations, activeId, onNew }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <aside className={`conversations${open ? ' open' : ''}`} aria-label="Conversations">
      <div className="conversations-bar">
        <button type="button" onClick={onNew}>
          New conversation
        </button>
        <DisclosureButton
          open={open}
          onToggle={setOpen}
          controls="conversation-links"
          className="secondary conversations-toggle"
        >
          {open ? 'Hide history' : `History (${conversations.length})`}
        </DisclosureButton>
      </div>
      <ul id="conversation-links" className="conversation-links">
        {conversations.length === 0 && <li className="muted">No conversations yet.</li>}
        {conversations.map((conversation) => (
          <li key={conversation.id}>
            <Link
              href={`/chat?c=${conversation.id}`}
              aria-current={conversation.id === activeId ? 'page' : undefined}
              onClick={() => setOpen(false)}
            >
              {conversation.title || 'Untitled conversation'}
            </Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}
