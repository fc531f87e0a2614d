/** Browser-side copies of the api's JSON shapes (apps/api: task.view.ts, chat.views.ts). */

export const PRIORITIES = ['low', 'medium', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export interface Recurrence {
  frequency: Frequency;
  interval: number;
}

export interface Task {
  id: number;
  title: string;
  description: string | null;
  completed: boolean;
  completed_at: string | null;
  priority: Priority;
  tags: string[];
  due_at: string | null;
  remind_at: string | null;
  reminded_at: string | null;
  recurrence: Recurrence | null;
  series_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface CompletionResult {
  task: Task;
  next_task: Task | null;
}

export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
  result: unknown;
  is_error: boolean;
}

export interface ChatResponse {
  conversation_id: string;
  response: string;
  tool_calls: ToolCall[];
}

export interface Conversation {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface StoredMessage {
  id: number;
  role: 'user' | 'assistant';
  content: string;
  tool_calls: ToolCall[];
  client_message_id: string | null;
  created_at: string;
}
