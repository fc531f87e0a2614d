import { CopyButton } from './CopyButton';
import { Markdown } from './Markdown';
import { ToolCallChip } from './ToolCallChip';
import type { ChatMessage } from './useChat';

interface Props {
  message: ChatMessage;
  onRetry: (text: string, clientMessageId: string) => void;
  retryDisabled: boolean;
}

export function MessageBubble({ message, onRetry, retryDisabled }: Props) {
  const { role, content, toolCalls, pending, stopped, error, retry } = message;
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
            <button
              type="button"
              className="small"
              disabled={retryDisabled}
              onClick={() => onRetry(retry.text, retry.clientMessageId)}
            >
              Retry
            </button>
          )}
        </div>
      )}
    </li>
  );
}
