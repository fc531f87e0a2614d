import { awaiting, type Reader, trimConnectors, update } from './edit-readers.js';
import { extractTaskFields, takeDate } from './task-fields.js';
import { toTitle } from './text.js';

/** Reminders: set on a task, snoozed, stopped, or a new task to be reminded of. */

/** "snooze X until friday", "stop reminding me about X". */
export const readSnooze: Reader = (clause, clock) => {
  const stop = /^(?:stop|quit|don'?t|do\s+not)\s+remind(?:ing)?\s+me\s+(?:about|of)\s+(.+)$/i.exec(clause);
  if (stop?.[1]) return update(stop[1], { remind_at: null }, clock);
  const snooze = /^snooze\s+(.+)$/i.exec(clause);
  if (!snooze?.[1]) return undefined;
  const date = takeDate(snooze[1], clock, 'last');
  if (!date) return awaiting(snooze[1], 'remind_at', clock);
  return update(trimConnectors(date.rest), { remind_at: date.at.toISOString() }, clock);
};

/** "remind me about X tomorrow at 8", "ping me about task 1 …", "set a reminder for X …", "remind me to …". */
export const readReminder: Reader = (clause, clock) => {
  const reminder =
    /^(?:remind|ping|nudge|alert)\s+me\b\s*(.*)$/i.exec(clause) ??
    /^(?:set|add|create|schedule|put)\s+(?:up\s+)?(?:a\s+|an\s+)?reminder\b\s*(.*)$/i.exec(clause);
  if (!reminder) return undefined;
  const rest = reminder[1] ?? '';
  if (!rest) return awaiting('', 'remind_at', clock);
  const about = /^(?:about|of|for|on|regarding)\s+(.+)$/i.exec(rest);
  if (!about?.[1]) {
    const task = rest.replace(/^(?:to|that)\s+/i, '');
    const { fields, rest: title } = extractTaskFields(task, { ...clock, remindAtDue: true });
    if (!fields.title && !toTitle(title) && fields.remind_at)
      return update('it', { remind_at: fields.remind_at }, clock);
    return { kind: 'remind-or-add', task: { ...fields, title: fields.title ?? toTitle(title) } };
  }
  const date = takeDate(about[1], clock, 'last');
  if (!date) return awaiting(about[1], 'remind_at', clock);
  return update(trimConnectors(date.rest), { remind_at: date.at.toISOString() }, clock);
};
