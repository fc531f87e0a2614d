import type { TaskChanges } from './commands.js';
import { awaiting, type Reader, update } from './edit-readers.js';
import { splitTags, takeDate, takePriority } from './task-fields.js';
import { toTitle, unquote } from './text.js';

/** Edits that name the field they change: title, notes, due date, priority, tags, repeat. */

const QUOTED = `(?:"[^"]+"|'[^']+')`;

/** "rename X to Y", "rename X", "call X Y instead", "change 'X' to 'Y'", "change the title of X to Y". */
export const readRename: Reader = (clause, clock) => {
  const quoted = new RegExp(
    String.raw`^(?:rename|change|call|retitle)\s+(${QUOTED})\s+(?:to|as|into)?\s*(.+?)(?:\s+instead)?$`,
    'i',
  );
  const field = /^(?:change|set|update|edit)\s+(?:the\s+)?(?:title|name)\s+(?:of|for)\s+(.+?)\s+to\s+(.+)$/i;
  const called = new RegExp(String.raw`^call\s+(task\s*#?\d+|.+?\s+task|${QUOTED})\s+(.+?)\s+instead$`, 'i');
  const toQuoted = new RegExp(String.raw`^(?:change|update|edit)\s+(.+?)\s+to\s+(${QUOTED})$`, 'i');
  const rename = /^(?:rename|retitle)\s+(.+?)(?:\s+(?:to|as|into)\s+(.+))?$/i;
  const match = quoted.exec(clause) ?? field.exec(clause) ?? called.exec(clause) ?? toQuoted.exec(clause);
  const parts = match ?? rename.exec(clause);
  if (!parts?.[1]) return undefined;
  const title = parts[2] ? toTitle(unquote(parts[2])) : '';
  if (!title) return awaiting(parts[1], 'title', clock);
  return update(parts[1], { title }, clock);
};

const CLEARABLE: Record<string, TaskChanges> = {
  reminder: { remind_at: null },
  'due date': { due_at: null },
  deadline: { due_at: null },
  date: { due_at: null },
  note: { description: null },
  notes: { description: null },
  description: { description: null },
  details: { description: null },
  tags: { tags: [] },
  repeat: { recurrence: null },
  recurrence: { recurrence: null },
};
const CLEARABLE_NAMES = String.raw`(?<field>reminder|due\s+date|deadline|date|notes?|description|details|tags|repeat|recurrence)`;
const CLEARED = [
  new RegExp(
    String.raw`^(?:remove|clear|delete|drop|cancel|get\s+rid\s+of|no)\s+(?:the\s+|all\s+(?:the\s+)?)?${CLEARABLE_NAMES}\s+(?:from|of|on|for)\s+(?<task>.+)$`,
    'i',
  ),
  new RegExp(String.raw`^(?<task>.+?)\s+(?:has|needs|should\s+have)\s+no\s+${CLEARABLE_NAMES}(?:\s+any\s*more)?$`, 'i'),
];

/** "remove the reminder from X", "clear the due date of X", "X has no deadline", "no notes on X". */
export const readClearedField: Reader = (clause, clock) => {
  const cleared = CLEARED.map((pattern) => pattern.exec(clause)?.groups).find(Boolean);
  const changes = cleared?.field ? CLEARABLE[cleared.field.toLowerCase().replace(/\s+/, ' ')] : undefined;
  return cleared?.task && changes ? update(cleared.task, changes, clock) : undefined;
};

/** "add a note to X: …", "set the description of X to …", "set task 2's title to …". */
export const readDescription: Reader = (clause, clock) => {
  const note =
    /^(?:add|put|attach|write)\s+(?:a\s+|the\s+|some\s+)?(?:note|description|details|comment)s?\s+(?:to|for|on)\s+(.+?)\s*:\s*(.+)$/i.exec(
      clause,
    ) ??
    /^(?:set|change|update)\s+(?:the\s+)?(?:description|notes?|details)\s+(?:of|for|on)\s+(.+?)\s+(?:to|as)\s+(.+)$/i.exec(
      clause,
    );
  if (note?.[1] && note[2]) return update(note[1], { description: unquote(note[2]) }, clock);
  const possessive =
    /^(?:set|change|update|edit)\s+(.+?)(?:'s)?\s+(title|name|notes?|description|details)\s+to\s+(.+)$/i.exec(clause);
  if (!possessive?.[1] || !possessive[2] || !possessive[3]) return undefined;
  const value = unquote(possessive[3]);
  const isTitle = /^(?:title|name)$/i.test(possessive[2]);
  return update(possessive[1], isTitle ? { title: toTitle(value) } : { description: value }, clock);
};

/** "set the due date of X to …", "change the deadline for X to …", "change the priority of X to low". */
export const readNamedField: Reader = (clause, clock) => {
  const due =
    /^(?:set|change|update|move)\s+(?:the\s+)?(?:due\s+date|deadline|due|date)\s+(?:of|for|on)\s+(.+?)\s+to\s+(.+)$/i.exec(
      clause,
    );
  if (due?.[1] && due[2]) {
    const date = takeDate(due[2], clock, 'first');
    return date ? update(due[1], { due_at: date.at.toISOString() }, clock) : awaiting(due[1], 'due_at', clock);
  }
  const priority = /^(?:set|change|update)\s+(?:the\s+)?priority\s+(?:of|for|on)\s+(.+?)\s+to\s+(.+)$/i.exec(clause);
  if (!priority?.[1] || !priority[2]) return undefined;
  const fields: TaskChanges = {};
  takePriority(` ${priority[2]} priority`, fields);
  return fields.priority ? update(priority[1], fields, clock) : undefined;
};

/** "tag X with a, b", "tag it health", "add the tag errands to X", "remove the work tag from X". */
export const readTags: Reader = (clause, clock) => {
  const added = /^add\s+(?:the\s+|a\s+)?tags?\s+(.+?)\s+(?:to|on)\s+(.+)$/i.exec(clause);
  if (added?.[1] && added[2]) return update(added[2], { add_tags: splitTags(added[1]) }, clock);
  const removed =
    /^(?:remove|delete|drop|take|clear)\s+(?:the\s+)?(?:tags?\s+([\w#-]+(?:\s*,\s*[\w#-]+)*)|([\w#-]+)\s+tag)\s+(?:off|from)\s+(.+)$/i.exec(
      clause,
    ) ?? /^untag\s+(?:(.+?)\s+from\s+)?(.+)$/i.exec(clause);
  if (removed) {
    const target = removed[3] ?? removed[2] ?? '';
    const tags = removed[3] ? (removed[1] ?? removed[2] ?? '') : (removed[1] ?? '');
    // "untag buy milk": every tag goes.
    return update(target, tags ? { remove_tags: splitTags(tags) } : { tags: [] }, clock);
  }
  const hashtags = /^(?:tag|label)\s+(.+?)((?:\s+#[\w-]+)+)$/i.exec(clause);
  if (hashtags?.[1] && hashtags[2]) return update(hashtags[1], { add_tags: splitTags(hashtags[2]) }, clock);
  const tagged =
    /^(?:tag|label)\s+(.+?)\s+(?:with|as)\s+(.+)$/i.exec(clause) ?? /^(?:tag|label)\s+(.+)\s+([#\w-]+)$/i.exec(clause);
  if (!tagged?.[1] || !tagged[2]) return undefined;
  return update(tagged[1], { add_tags: splitTags(tagged[2]) }, clock);
};

/** "stop repeating X", "X doesn't need to repeat anymore", "make X not repeat". */
export const readStopRepeating: Reader = (clause, clock) => {
  const stop =
    /^(?:stop|quit|don'?t|do\s+not|no\s+longer)\s+repeat(?:ing)?\s+(.+)$/i.exec(clause) ??
    /^(?:make\s+)?(.+?)\s+(?:doesn'?t|does\s+not|don'?t|do\s+not|shouldn'?t|should\s+not|needn'?t|no\s+longer|not|stop)\s+(?:need\s+to\s+|have\s+to\s+)?repeat(?:s|ing)?(?:\s+any\s*more)?$/i.exec(
      clause,
    );
  return stop?.[1] ? update(stop[1], { recurrence: null }, clock) : undefined;
};
