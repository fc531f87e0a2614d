/** The api's JSON shapes, imported as types from the api itself, plus the labels the UI shows for them. */
import type { Frequency, Priority } from '@todo-chatbot/api/contracts';

export type {
  ChatResponse,
  CompletionView as CompletionResult,
  ConversationView as Conversation,
  Frequency,
  MessageView as StoredMessage,
  Priority,
  ReminderAckRequest,
  ReminderAckResponse,
  TaskView as Task,
  ToolCallRecord as ToolCall,
} from '@todo-chatbot/api/contracts';

/** Keyed by the api's own union types: adding a priority or frequency there fails the build here. */
export const PRIORITY_LABELS: Record<Priority, string> = { low: 'Low', medium: 'Medium', high: 'High' };
export const FREQUENCY_LABELS: Record<Frequency, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  yearly: 'Yearly',
};
