'use client';

import { useRef, useState } from 'react';
import { CopyButton } from './CopyButton';
import { EditMessageForm } from './EditMessageForm';
import { Markdown } from './Markdown';
import { ToolCallChip } from './ToolCallChip';
import type { ChatMessage, Turn } from './useChat';

interface Props {
  message: ChatMessage;
  onRetry: (turn: Turn) => void;
  retryDisabled: boolean;
  /** Set on the last user message only: edit and resend it. */
  onEdit?: (text: string) => void;
}

export function MessageBubble({ message, onRetry, retryDisabled, onEdit }: Props) {
  const { role, content, toolCalls, pending, stopped, error, retry, note } = message;
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  if (editing && onEdit) {
    return (
      <li className={`message message-${role}`}>
        <EditMessageForm
          original={content}
          onSend={(text) => {
            setEditing(false);
            onEdit(text);
          }}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => editButton.current?.focus());
          }}
        />
      </li>
    );
  }

  return (
    <li className={`message message-${role}`}>
      <span className="visually-hidden">{role === 'user' ? 'You:' : 'Assistant:'}</span>
      {toolCalls.length > 0 && (
        <ul className="chips" aria-label="Actions taken">
          {toolCalls.map((call, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a turn's tool calls never reorder and have no id of their own.
            <ToolCallChip key={index} call={call} />
          ))}
        </ul>
      )}
      {content &&
        (role === 'assistant' ? (
          <div className="bubble markdown">
            <Markdown text={content} />
          </div>
        ) : (
          <div className="bubble">{content}</div>
        ))}
      {onEdit && (
        <div className="message-actions">
          <button
            ref={editButton}
            type="button"
            className="secondary small"
            aria-label="Edit message"
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
        </div>
      )}
      {note && <p className="message-note">{note}</p>}
      {pending && !content && (
        <div className="bubble typing" role="status" aria-label="Assistant is replying">
          …
        </div>
      )}
      {role === 'assistant' && !pending && (content || stopped) && (
        <div className="message-actions">
          {stopped && <span className="stopped-note">Stopped{content ? '' : ' before a reply'}</span>}
          {content && <CopyButton text={content} />}
        </div>
      )}
      {error && (
        <div className="message-error" role="alert">
          <span>{error}</span>
          {retry && (
            <button type="button" className="small" disabled={retryDisabled} onClick={() => onRetry(retry)}>
              Retry
            </button>
          )}
        </div>
      )}
    </li>
  );
}
