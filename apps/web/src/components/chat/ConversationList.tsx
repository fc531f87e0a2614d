'use client';

import { useState } from 'react';
import type { ConversationView as Conversation } from '@/lib/client/types';
import { DisclosureButton } from '@/components/DisclosureButton';
import { ConversationItem } from './ConversationItem';

interface Props {
  conversations: Conversation[];
  activeId: string | null;
  onNew: () => void;
  onRename: (id: string, title: string) => Promise<void>;
  onDelete: (id: string) => Promise<void>;
}

/** Sidebar on wide screens; a collapsible panel above the chat on narrow ones. */
export function ConversationList({ conversations, activeId, onNew, onRename, onDelete }: Props) {
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
          <ConversationItem
            key={conversation.id}
            conversation={conversation}
            active={conversation.id === activeId}
            onOpen={() => setOpen(false)}
            onRename={(title) => onRename(conversation.id, title)}
            onDelete={() => onDelete(conversation.id)}
          />
        ))}
      </ul>
    </aside>
  );
}
