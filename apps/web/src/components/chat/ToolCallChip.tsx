import { toolCallError, toolCallLabel } from '@/lib/client/tool-call-label';
import type { ToolCallRecord as ToolCall } from '@/lib/client/types';

export function ToolCallChip({ call }: { call: ToolCall }) {
  const error = toolCallError(call);
  return (
    <li className={`chip${call.is_error ? ' chip-error' : ''}`} title={error}>
      {toolCallLabel(call)}
      {error && <span className="visually-hidden"> (failed: {error})</span>}
    </li>
  );
}
