import type { Command } from './commands.js';
import { FIELD_EDIT_READERS, readStatement, readUpdateVerb } from './edit-phrases.js';
import { parseListFilters } from './list-filters.js';
import { extractTaskFields, type ExtractOptions } from './task-fields.js';
import { parseTarget } from './task-target.js';
import { toTitle } from './text.js';

type Clock = ExtractOptions;

const GREETING = /^(?:hi|hello|hey|hiya|howdy|yo|greetings|good\s+(?:morning|afternoon|evening))(?:\s+there)?$/i;
const THANKS =
  /^(?:thanks|thank\s+you|thx|cheers|great|ok(?:ay)?|cool|nice|perfect)(?:\s+(?:a\s+lot|so\s+much|very\s+much))?$/i;
const HELP =
  /^(?:help|\?|what\s+can\s+you\s+do|what\s+do\s+you\s+do|how\s+does\s+this\s+work|how\s+do\s+i\s+use\s+(?:this|you)|commands)\b/i;
const UNDO =
  /^(?:undo|revert|reverse|take\s+(?:that|it)\s+back)(?:\s+(?:that|it|this|the\s+last\s+(?:change|one|thing)|my\s+last\s+change))?$/i;
/** "undo the last two changes", "undo twice". */
const UNDO_SEVERAL =
  /^(?:undo|revert)\s+(?:twice|(?:the\s+|my\s+)?(?:last\s+)?(two|three|four|five|[2-9])\s+(?:changes|things|steps|times))$/i;
const SMALL_COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };

const DONE_WORDS = String.raw`(?:done|complete|completed|finished|off|ticked\s+off|checked\s+off)`;
const NOT_DONE_WORDS = String.raw`(?:not\s+(?:yet\s+)?(?:done|complete|completed|finished)|undone|incomplete|uncompleted|unfinished|pending|open|to-?do)`;
const UNCOMPLETE = [
  /^(?:uncomplete|un-complete|reopen|re-open|unmark|uncheck|untick)\b\s*(.*)$/i,
  new RegExp(String.raw`^(?:mark|set|put)\s+(.+?)\s+(?:as\s+|back\s+(?:to\s+)?)?${NOT_DONE_WORDS}$`, 'i'),
  new RegExp(String.raw`^(.+?)\s+(?:is|are)\s+(?:still\s+)?${NOT_DONE_WORDS}$`, 'i'),
];
const COMPLETE = [
  new RegExp(String.raw`^mark\b\s*(.*?)(?:\s+(?:as\s+)?${DONE_WORDS})?$`, 'i'),
  /^(?:check|tick|cross)\s+off\b\s*(.*)$/i,
  /^(?:check|tick|cross)\s+(.+?)\s+off$/i,
  /^(?:complete|finish|close|done\s+with|finished(?:\s+with)?|completed|i(?:'ve|\s+have)?\s+(?:just\s+|already\s+)?(?:finished|completed|done|did))\b\s*(.*)$/i,
  new RegExp(String.raw`^(.+?)\s+(?:is|are)\s+(?:now\s+|all\s+)?${DONE_WORDS}$`, 'i'),
];
/** "drop off …" and "clear the gutters" are errands, so those two verbs need a clear object. */
const DELETE =
  /^(?:delete|remove|cancel|erase|trash|wipe|scrap|ditch|get\s+rid\s+of|drop(?!\s+off)|clear(?=\s+(?:all|every|everything|my|completed|done|finished)\b))\b\s*(.*)$/i;
/** "milk done", "buy milk ✓": a task's name and a done word, tried after everything else. */
const DONE_AFTERWARDS = /^(.+?)\s*(?:\s(?:done|finished|complete|completed)|✓|✔|☑|✅)$/i;
/**
 * "i bought the milk", "i called grandma": something done, said in the past tense. A regular verb stays
 * ("called" finds "call grandma"); an irregular one goes ("bought the milk" finds "buy milk" by "milk").
 */
const PAST_TENSE =
  /^i(?:'ve|\s+have)?\s+(?:just\s+|already\s+)?(?:bought|got|paid|sent|wrote|made|took|went\s+to|did|fed|gave|brought|put|read|ran|met|sold|built|drove|found|caught|swept|hung|left|kept|sent\s+off)\s+(.+)$|^i(?:'ve|\s+have)?\s+(?:just\s+|already\s+)?(\w+ed\s+.+)$/i;
/** "did i call mom", "have i paid the rent yet", "is the report done". */
const DID_I = /^(?:did|have)\s+i\s+(?:already\s+)?(.+?)(?:\s+(?:yet|already))?$/i;
const IS_IT_DONE = /^(?:is|are)\s+(.+?)\s+(?:done|finished|complete|completed)(?:\s+yet)?$/i;
/** "i don't need to buy milk anymore". */
const NO_LONGER_NEEDED = /^i\s+(?:don'?t|do\s+not|no\s+longer)\s+(?:need|have|want)\s+to\s+(.+?)(?:\s+any\s*more)?$/i;
const LIST_START =
  /^(?:show|list|display|view|see|get\s+(?:my|all|me)|give\s+me|tell\s+me|what|what's|whats|which|any|anything|do\s+i\s+have|how\s+many|find|search|look\s+(?:for|up)|(?:sort|order)\s+(?:my|the|tasks|them|all|by)|my\s+tasks|tasks|all\s+tasks)\b/i;
/** "add", "create a task", "new task:", "remind me to", "i need to"… */
const ADD_START =
  /^(?:add|create|new|make|put|schedule|jot\s+down|note\s+down|remember|todo|to-do|don'?t\s+(?:let\s+me\s+)?forget|(?:i\s+)?(?:need|have|want|got)\s+to|i\s+(?:must|should|gotta))\b/i;
/** The "add a task to" part before the title of a new task. */
const ADD_LEAD_IN =
  /^(?:(?:add|create|new)(?:\s+(?:an?|another))?(?:\s+new)?(?:\s+(?:task|todo|to-do|item|reminder)s?)?|(?:make|put|schedule|set\s+up)\s+(?:an?\s+|another\s+)?(?:new\s+)?(?:task|todo|to-do|item|reminder)s?|jot\s+down|note\s+down|(?:i\s+)?(?:need|have|want|got)\s+to\s+(?:remember\s+to\s+)?|i\s+(?:must|should|gotta)\s+(?:remember\s+to\s+)?|remember\s+to|don'?t\s+(?:let\s+me\s+)?forget\s+(?:to\s+)?|(?:todo|to-do))(?:\s+(?:to|for|called|named|titled|that\s+says))?\s*:?\s*/i;
const TO_MY_LIST = /\s+(?:to|on|in)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?(?:list|tasks)$/i;
/** "add eggs to my shopping list": the list's name is a tag. */
const TO_NAMED_LIST = /\s+(?:to|on|in)\s+(?:my|the)\s+([\w-]+)\s+list$/i;

/** One clause of a message (no "and then …"), politeness removed, as the command it asks for. */
export function parseClause(clause: string, clock: Clock): Command {
  if (!clause) return { kind: 'chatter', text: clause };
  if (GREETING.test(clause)) return { kind: 'greeting' };
  if (THANKS.test(clause)) return { kind: 'thanks' };
  if (HELP.test(clause)) return { kind: 'help' };
  if (UNDO.test(clause)) return { kind: 'undo' };
  const several = UNDO_SEVERAL.exec(clause);
  if (several) {
    const times = several[1] ? (SMALL_COUNTS[several[1].toLowerCase()] ?? Number(several[1])) : 2;
    return { kind: 'undo', times };
  }
  for (const read of FIELD_EDIT_READERS) {
    const command = read(clause, clock);
    if (command) return command;
  }
  const completion = readCompletion(clause, clock);
  if (completion) return completion;
  const asked = DID_I.exec(clause) ?? IS_IT_DONE.exec(clause);
  if (asked) return { kind: 'check', target: parseTarget(asked[1] ?? '', clock) };
  const deletion = DELETE.exec(clause) ?? NO_LONGER_NEEDED.exec(clause);
  if (deletion) return { kind: 'delete', target: parseTarget(deletion[1] ?? '', clock) };
  if (LIST_START.test(clause)) return { kind: 'list', filters: parseListFilters(clause, clock.now, clock.timeZone) };
  const edit = readStatement(clause, clock) ?? readUpdateVerb(clause, clock);
  if (edit) return edit;
  if (!ADD_START.test(clause)) {
    const done = DONE_AFTERWARDS.exec(clause) ?? PAST_TENSE.exec(clause);
    const named = done?.[1] ?? done?.[2];
    if (named) return { kind: 'complete', target: parseTarget(named, clock), completed: true };
  }
  return readAdd(clause, clock) ?? { kind: 'chatter', text: clause };
}

function readCompletion(clause: string, clock: Clock): Command | undefined {
  for (const [completed, patterns] of [
    [false, UNCOMPLETE],
    [true, COMPLETE],
  ] as const) {
    for (const pattern of patterns) {
      const match = pattern.exec(clause);
      if (match) return { kind: 'complete', target: parseTarget(match[1] ?? '', clock), completed };
    }
  }
  return undefined;
}

/** "add buy milk", "add a task" (no title: asked for), and adds without a verb: "dentist friday 3pm". */
function readAdd(clause: string, clock: Clock): Command | undefined {
  if (ADD_START.test(clause)) {
    const body = clause.replace(ADD_LEAD_IN, '').replace(TO_MY_LIST, '');
    const list = TO_NAMED_LIST.exec(body);
    const { fields, rest } = extractTaskFields(list ? body.slice(0, list.index) : body, clock);
    if (list?.[1]) fields.tags = [...new Set([...(fields.tags ?? []), list[1].toLowerCase()])];
    return { kind: 'add', task: { ...fields, title: fields.title ?? toTitle(rest) } };
  }
  const { fields, rest } = extractTaskFields(clause, clock);
  const title = fields.title ?? toTitle(rest);
  const saysWhen = fields.due_at || fields.recurrence || fields.priority || fields.remind_at || fields.tags;
  return saysWhen && title ? { kind: 'add', task: { ...fields, title }, verbless: true } : undefined;
}
