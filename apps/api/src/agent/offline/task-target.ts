import type { Priority } from '../../tasks/task.schemas.js';
import type { TaskFilter, TaskTarget } from './commands.js';
import { readDueRange } from './list-filters.js';
import { takePriority, takeTags } from './task-fields.js';
import { squash, unquote } from './text.js';

const NUMBERED = /\b(?:task|todo|item|number|no\.?)\s*#?\s*(\d+)\b|(?:^|\s)#(\d+)\b|^\s*(\d+)\s*$/i;
const NUMBER_LIST = /\b(?:tasks?|numbers?)?\s*#?(\d+)((?:\s*(?:,|and|&|\+)\s*(?:#|number\s+)?\d+)+)\b/i;
const PRONOUN = /^(?:it|that|this|that\s+one|this\s+one|the\s+same\s+one|the\s+one\s+i\s+just\s+(?:added|made))$/i;
const PLURAL_PRONOUN =
  /^(?:them|those|these|both|them\s+all|all\s+of\s+(?:them|those|these)|both\s+of\s+them|those\s+(?:ones|tasks)|these\s+(?:ones|tasks))$/i;
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1 };
const COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };
const ORDINAL = /^(?:the\s+)?(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)(?:\s+(?:one|task|item))?$/i;
const FIRST_FEW = /^(?:the\s+)?(first|last|top)\s+(two|three|four|five|\d+)(?:\s+(?:ones|tasks|items))?$/i;
/** "a task", "one", "something": a task that is not named yet (the engine asks which). */
const UNNAMED = /^(?:a|an|one|some|any|another)?\s*(?:task|todo|to-do|item|one|thing|something|reminder)?$/i;
/**
 * "all my tasks", "everything tagged work", "every task", plural "the shopping tasks", "the completed ones",
 * "my whole list".
 */
const SEVERAL =
  /^(?:(?:all|every|each|everything)\b|(?:the\s+|my\s+)?(?:[\w-]+\s+){0,3}tasks$|(?:the\s+|my\s+)?tasks\s+(?:tagged|with|due|that|which|marked)\b|(?:the\s+)?(?:completed|done|finished)(?:\s+ones)?$|(?:everything\s+on\s+)?(?:my|the)\s+(?:whole\s+|entire\s+)?(?:todo\s+|to-do\s+|task\s+)?list$)/i;

interface Clock {
  now: Date;
  timeZone: string;
}

/**
 * Reads how a message names its task(s): a number ("task 3", "#3", "number 3"), a pronoun ("it"), a filter
 * ("everything tagged work") or words of a title ("the milk task"). Undefined when no task is named.
 */
export function parseTarget(phrase: string, clock: Clock): TaskTarget | undefined {
  const text = squash(phrase);
  const list = NUMBER_LIST.exec(text);
  if (list?.[1] && list[2]) {
    return { filter: { numbers: [list[1], ...(list[2].match(/\d+/g) ?? [])].map(Number) } };
  }
  const ordinal = ORDINAL.exec(text)?.[1]?.toLowerCase();
  if (ordinal) return { position: ORDINALS[ordinal] ?? Number.parseInt(ordinal, 10) };
  const few = FIRST_FEW.exec(text);
  if (few?.[1] && few[2]) {
    const count = COUNTS[few[2].toLowerCase()] ?? Number.parseInt(few[2], 10);
    return { position: few[1].toLowerCase() === 'last' ? -count : 1, count };
  }
  if (PLURAL_PRONOUN.test(text)) return { pronoun: 'all' };
  const numbered = NUMBERED.exec(text);
  const number = numbered?.[1] ?? numbered?.[2] ?? numbered?.[3];
  if (number) return { number: Number(number) };
  if (PRONOUN.test(text)) return { pronoun: 'one' };
  if (SEVERAL.test(text)) return { filter: parseFilter(text, clock) };
  const words = titleWords(text);
  if (UNNAMED.test(text) || UNNAMED.test(words)) return undefined;
  return { words };
}

/** "my dentist task" → "dentist"; "the task called buy milk" → "buy milk"; "'emial boss'" → "emial boss". */
export function titleWords(text: string): string {
  return unquote(
    squash(text)
      .replace(/^(?:the|my|that|this|our)\s+/i, '')
      .replace(/^(?:task|todo|to-do|item)s?\s+(?:called|named|about|titled|for)?\s*/i, '')
      .replace(/\s+(?:task|todo|to-do|item|one)s?$/i, '')
      .replace(/\s+(?:from|off|on)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?(?:list|tasks)$/i, ''),
  );
}

/** The filter a bulk phrase describes: its priority, tag, due range, status, and any other word as a label. */
export function parseFilter(text: string, { now, timeZone }: Clock): TaskFilter {
  const filter: TaskFilter = {};
  let rest = text;
  const priority: { priority?: Priority } = {};
  rest = takePriority(rest, priority);
  if (priority.priority) filter.priority = priority.priority;
  const tags: { tags?: string[] } = {};
  rest = takeTags(rest, tags);
  if (tags.tags?.[0]) filter.tag = tags.tags[0];
  Object.assign(filter, readDueRange(rest, now, timeZone));
  if (/\b(?:completed?|done|finished)\b/i.test(rest)) filter.status = 'completed';
  if (/\b(?:pending|open|unfinished|incomplete|not\s+done)\b/i.test(rest)) filter.status = 'pending';
  const label = rest
    .replace(/\b(?:(?:that|which)\s+(?:are|is)\s+)?(?:overdue|late|past\s+due)\b/gi, ' ')
    .replace(/\bdue\b.*$/i, ' ')
    .replace(
      /\b(?:all|every|each|everything|of|my|the|tasks?|things?|items?|todos?|ones|list|whole|entire|on|completed?|done|finished|pending|open|unfinished|incomplete|not|that|which|are|is|i|have|with)\b/gi,
      ' ',
    );
  if (squash(label)) filter.label = squash(label).toLowerCase();
  return filter;
}
