import { parseListFilters, type ListFilters } from './list-filters.js';
import { cut, extractTaskFields, squash, takeQuoted, toTitle, unquote, type TaskFields } from './task-fields.js';

export type { ListFilters } from './list-filters.js';
export type { TaskFields } from './task-fields.js';

/** Which task a message means: "task 3" → {id: 3}; "the meeting task" → {text: 'meeting'}. */
export type TaskRef = { id: number } | { text: string };

export type NewTaskFields = TaskFields & { title: string };

/** What the user asked for, in terms of the task tools. */
export type Intent =
  | { kind: 'add'; fields: NewTaskFields }
  | { kind: 'list'; filters: ListFilters }
  | { kind: 'complete'; target: TaskRef; completed: boolean }
  | { kind: 'delete'; target: TaskRef }
  | { kind: 'update'; target: TaskRef; changes: TaskFields }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  /** `understood: false` when the message matched nothing (the reply says so before listing what works). */
  | { kind: 'help'; understood: boolean };

const GREETING = /^(?:hi|hello|hey|hiya|howdy|yo|greetings|good\s+(?:morning|afternoon|evening))(?:\s+there)?$/i;
const THANKS =
  /^(?:thanks|thank\s+you|thx|cheers|great|ok(?:ay)?|cool|nice)(?:\s+(?:a\s+lot|so\s+much|very\s+much))?$/i;
const HELP =
  /^(?:help|\?|what\s+can\s+you\s+do|what\s+do\s+you\s+do|how\s+does\s+this\s+work|how\s+do\s+i\s+use\s+(?:this|you)|commands)\b/i;
const POLITE = /^(?:please\s+|(?:can|could|would)\s+you\s+(?:please\s+)?)+/i;

const UNCOMPLETE_VERB = /^(?:uncomplete|un-complete|reopen|re-open|undo|unmark|uncheck|restore)\b/i;
const NOT_DONE_TAIL =
  /\s+(?:as\s+)?(?:not\s+(?:yet\s+)?(?:done|complete|completed|finished)|incomplete|undone|uncompleted|unfinished|pending|open)$/i;
const COMPLETE_VERB =
  /^(?:mark(?:\s+off)?|complete|finish|finished|done(?:\s+with)?|check\s+off|tick\s+off|cross\s+off|close|i(?:'ve|\s+have)?\s+(?:finished|completed|done))\b/i;
const DONE_TAIL = /\s+(?:as\s+)?(?:done|complete|completed|finished|off)$/i;
const IS_DONE = /^(task\s*#?\d+|.+?\s+task)\s+is\s+(?:done|complete|completed|finished)$/i;
const DELETE_VERB = /^(?:delete|remove|cancel|drop|erase|trash|get\s+rid\s+of|forget\s+about)\b/i;
/** "set a reminder …", "make a new task …" (an article, unlike "set task 2 …", which is an update). */
const NEW_TASK =
  /^(?:set|create|make|add|schedule|put)\s+(?:up\s+)?(?:an?\s+|new\s+)+(?:task|todo|to-do|item|reminder)\b/i;
const UPDATE_VERB = /^(?:update|change|edit|modify|rename|set|move|reschedule|postpone|push|make|prioriti[sz]e)\b/i;
const TASK_SUBJECT = /^task\s*#?\d+\b/i;
const LIST_START =
  /^(?:show|list|display|view|see|get|give\s+me|tell\s+me|what|what's|whats|which|any|do\s+i\s+have|how\s+many|find|search|look|sort|order|my\s+tasks|tasks|all\s+tasks)\b/i;
const ADD_START =
  /^(?:add|create|new|make|put|schedule|remind\s+me|remember|todo|to-do|don'?t\s+(?:let\s+me\s+)?forget|(?:i\s+)?(?:need|have|want|got)\s+to|i\s+(?:must|should|gotta))\b/i;
/** The "please add a task to" part before the title of a new task. */
const ADD_LEAD_IN =
  /^(?:(?:(?:add|create|new)\s+(?:an?\s+)?(?:new\s+)?(?:task|todo|to-do|item|reminder)?|(?:make|put|schedule|set)\s+(?:up\s+)?(?:an?\s+)?(?:new\s+)?(?:task|todo|to-do|item|reminder))(?:\s+(?:to|for|called|named|titled|that\s+says))?\s*:?\s*|remind\s+me\s+(?:to|about|that)?\s*|(?:i\s+)?(?:need|have|want|got)\s+to\s+(?:remember\s+to\s+)?|i\s+(?:must|should|gotta)\s+(?:remember\s+to\s+)?|remember\s+to\s+|don'?t\s+(?:let\s+me\s+)?forget\s+(?:to\s+)?|(?:todo|to-do)\s*:?\s*)/i;
const TO_MY_LIST = /\s+(?:to|on)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?(?:list|tasks)$/i;

interface Context {
  now: Date;
  timeZone: string;
}

/** Turns one English chat message into the tool action it asks for. Pure: `now` and `timeZone` fix the dates. */
export function parseIntent(message: string, now: Date, timeZone: string): Intent {
  const text = normalise(message);
  const context = { now, timeZone };
  if (!text) return { kind: 'help', understood: false };
  if (GREETING.test(text)) return { kind: 'greeting' };
  if (THANKS.test(text)) return { kind: 'thanks' };
  if (HELP.test(text)) return { kind: 'help', understood: true };
  return parseTaskCommand(text, context) ?? { kind: 'help', understood: false };
}

function parseTaskCommand(text: string, context: Context): Intent | undefined {
  if (UNCOMPLETE_VERB.test(text) || (COMPLETE_VERB.test(text) && NOT_DONE_TAIL.test(text))) {
    return completeIntent(text.replace(NOT_DONE_TAIL, ''), false);
  }
  const isDone = IS_DONE.exec(text);
  if (isDone?.[1]) return completeIntent(isDone[1], true);
  if (COMPLETE_VERB.test(text)) return completeIntent(text.replace(DONE_TAIL, ''), true);
  if (DELETE_VERB.test(text)) return deleteIntent(text.replace(DELETE_VERB, ''));
  if (NEW_TASK.test(text)) return addIntent(text, context);
  const update = UPDATE_VERB.test(text) || TASK_SUBJECT.test(text) ? updateIntent(text, context) : undefined;
  if (update) return update;
  if (LIST_START.test(text)) return { kind: 'list', filters: parseListFilters(text, context.now, context.timeZone) };
  // "make dinner reservations" is not an update of a task, so it may still be a new one.
  if (ADD_START.test(text)) return addIntent(text, context);
  return undefined;
}

/** Trims, unifies typographic apostrophes, and drops a trailing "?" / "!" / "." and a leading "please". */
function normalise(message: string): string {
  return squash(message.replace(/[‘’]/g, "'"))
    .replace(/[.!?]+$/, '')
    .replace(POLITE, '')
    .trim();
}

function completeIntent(text: string, completed: boolean): Intent | undefined {
  const target = parseTaskRef(text.replace(UNCOMPLETE_VERB, '').replace(COMPLETE_VERB, ''));
  return target ? { kind: 'complete', target, completed } : undefined;
}

function deleteIntent(text: string): Intent | undefined {
  const target = parseTaskRef(text.replace(/\s+from\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?(?:list|tasks)$/i, ''));
  return target ? { kind: 'delete', target } : undefined;
}

/** "task 3", "#3", "3" → id; "the meeting task", "task called meeting", "'meeting'" → text. */
export function parseTaskRef(text: string): TaskRef | undefined {
  const byId = /\btask\s*(?:#|number\s+|no\.?\s*)?(\d+)\b|(?:^|\s)#(\d+)\b|^\s*(\d+)\s*$/i.exec(text);
  const id = byId?.[1] ?? byId?.[2] ?? byId?.[3];
  if (id) return { id: Number(id) };
  const words = unquote(
    squash(text)
      .replace(/^(?:the|my|that|this|a)\s+/i, '')
      .replace(/^(?:task|todo|to-do|item)s?\s+(?:called|named|about|titled|for)?\s*/i, '')
      .replace(/\s+(?:task|todo|to-do|item|one)s?$/i, ''),
  );
  return words ? { text: words } : undefined;
}

function addIntent(text: string, context: Context): Intent | undefined {
  const remindAtDue = /^(?:remind\s+me|set\s+(?:up\s+)?(?:an?\s+)?reminder)\b/i.test(text);
  const body = text.replace(ADD_LEAD_IN, '').replace(TO_MY_LIST, '');
  const { fields, rest } = extractTaskFields(body, { ...context, remindAtDue });
  const title = toTitle(fields.title ?? rest);
  if (!title) return undefined;
  return { kind: 'add', fields: { ...fields, title } };
}

/**
 * "set task 2 priority to high", "rename task 2 to Buy bread", "move task 5 to friday",
 * "task 5 is due next friday", "change task 1 to 'Call mom tonight'".
 */
function updateIntent(text: string, context: Context): Intent | undefined {
  const verb = /^(\w+)\s*/.exec(text)?.[1]?.toLowerCase() ?? '';
  const withoutVerb = TASK_SUBJECT.test(text) ? text : text.replace(UPDATE_VERB, '').trim();
  const located = locateTarget(withoutVerb);
  if (!located) return undefined;
  const { target, rest } = located;
  if (verb === 'rename')
    return { kind: 'update', target, changes: { title: toTitle(unquote(rest.replace(/^(?:to|as)\s+/i, ''))) } };
  return { kind: 'update', target, changes: readChanges(rest, verb, context) };
}

/** Splits "task 5 to friday" / "the meeting task to friday" into the task and what follows. */
function locateTarget(text: string): { target: TaskRef; rest: string } | undefined {
  const byId = /\btask\s*(?:#|number\s+)?(\d+)\b|(?:^|\s)#(\d+)\b/i.exec(text);
  const id = byId?.[1] ?? byId?.[2];
  if (byId && id) return { target: { id: Number(id) }, rest: squash(cut(text, byId.index, byId[0].length)) };
  const byText = /^(?:the\s+|my\s+)?(.+?)\s+task\b/i.exec(text);
  const words = byText?.[1] ? unquote(byText[1]) : '';
  if (!byText || !words) return undefined;
  return { target: { text: words }, rest: squash(text.slice(byText[0].length)) };
}

function readChanges(rest: string, verb: string, context: Context): TaskFields {
  const description = /^(?:(?:the|its)\s+)?(?:description|notes?|details)\s*(?:to|as|:)?\s+(.+)$/i.exec(rest);
  if (description?.[1]) return { description: unquote(description[1]) };
  const titled = /^(?:(?:the|its)\s+)?(?:title|name)\s*(?:to|as|:)?\s+(.+)$/i.exec(rest);
  if (titled?.[1]) return { title: toTitle(unquote(titled[1])) };
  if (/\b(?:no|remove|clear|without)\b.*\bdue\s+date\b/i.test(rest)) return { due_at: null };
  const quoted = takeQuoted(rest);
  const { fields, rest: leftover } = extractTaskFields(rest, context);
  const words = leftover.replace(/\b(?:to|as|is|it|be|should|for|the|its|and|with|set|due|of)\b/gi, ' ').trim();
  const mayRetitle = ['change', 'update', 'edit', 'modify'].includes(verb) || /^to\b/i.test(rest);
  if (!quoted && mayRetitle && words) fields.title = toTitle(leftover.replace(/^(?:to|as)\s+/i, ''));
  return fields;
}
