import type { ToolCallRecord } from './types';

const field = (source: unknown, key: string): unknown =>
  source && typeof source === 'object' ? (source as Record<string, unknown>)[key] : undefined;

/** A short chip label for a tool call: "add_task · Buy milk", "list_tasks · 3 tasks", "complete_task · #4". */
export function toolCallLabel(call: ToolCallRecord): string {
  const title = field(field(call.result, 'task'), 'title') ?? field(call.arguments, 'title');
  const count = field(call.result, 'count');
  const id = field(call.arguments, 'number');
  let detail: string | null = null;
  if (typeof title === 'string') detail = title;
  else if (typeof count === 'number') detail = `${count} task${count === 1 ? '' : 's'}`;
  else if (typeof id === 'number' || typeof id === 'string') detail = `#${id}`;
  return detail ? `${call.name} · ${detail}` : call.name;
}

/** The error text a failed tool call carries, for the chip's tooltip. */
export function toolCallError(call: ToolCallRecord): string | undefined {
  if (!call.is_error) return undefined;
  if (typeof call.result === 'string') return call.result;
  const message = field(call.result, 'message') ?? field(call.result, 'error');
  return typeof message === 'string' ? message : 'This action failed';
}
