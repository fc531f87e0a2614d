/** The api's JSON shapes, under the api's own names (from its contract), plus the labels the UI shows for them. */
import type { Frequency, Priority } from '@todo-chatbot/api/contracts';

export type {
  ChatResponse,
  CompletionView,
  ConversationView,
  Frequency,
  MessageView,
  Priority,
  ReminderAckRequest,
  ReminderAckResponse,
  ReminderDismissRequest,
  ReminderDismissResponse,
  TaskView,
  ToolCallRecord,
} from '@todo-chatbot/api/contracts';

/** Keyed by the api's own union types: adding a priority or frequency there fails the build here. */
export const PRIORITY_LABELS: Record<Priority, string> = { low: 'Low', medium: 'Medium', high: 'High' };
export const FREQUENCY_LABELS: Record<Frequency, string> = {
  daily: 'Daily',
  weekdays: 'Weekdays (Mon–Fri)',
  weekends: 'Weekends (Sat, Sun)',
  weekly: 'Weekly',
  monthly: 'Monthly',
  yearly: 'Yearly',
};
