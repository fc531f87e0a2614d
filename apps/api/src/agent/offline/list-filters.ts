import type { Priority } from '../../tasks/task.schemas.js';
import { endOfDay, endOfWeek, findDate, startOfDay } from './dates.js';
import { takePriority, takeTags } from './task-fields.js';
import { unquote } from './text.js';

/** list_tasks arguments, as the tool takes them. */
export interface ListFilters {
  status?: 'all' | 'pending' | 'completed';
  priority?: Priority;
  tag?: string;
  search?: string;
  due_before?: string;
  due_after?: string;
  sort_by?: 'due_at' | 'priority' | 'title' | 'created_at';
  order?: 'asc' | 'desc';
  limit?: number;
  /** The engine's own: "my shopping list" names a tag if the user has it, else words to search for. */
  label?: string;
}

/** "what's next", "what's coming up": the first few open tasks by due date. */
const UP_NEXT = /^what'?s\s+next$|\b(?:up\s+next|coming\s+up)\b/i;

/** Words that describe a list without naming it ("my whole list", "my high priority tasks"). */
const NOT_A_LABEL =
  /^(?:my|me|all|whole|entire|full|pending|open|completed|done|finished|overdue|due|current|remaining|other|recent|new|old|today'?s|tomorrow'?s|todo|to-do|task|tasks|own|high|low|medium|priority|urgent)$/i;

type SortField = NonNullable<ListFilters['sort_by']>;

/** Natural order per field: most important and soonest first, titles A→Z, newest first. */
const DEFAULT_ORDER: Record<SortField, 'asc' | 'desc'> = {
  due_at: 'asc',
  priority: 'desc',
  title: 'asc',
  created_at: 'desc',
};

const SORT_WORDS: [RegExp, SortField][] = [
  [/^(?:created|creation|date\s+created|date\s+added|newest|oldest|recent|age)/, 'created_at'],
  [/^(?:due|deadline|date)/, 'due_at'],
  [/^(?:priority|importance)/, 'priority'],
  [/^(?:title|name|alphabet)/, 'title'],
];

/** Reads list_tasks filters from a question or command ("show high priority tasks due this week"). */
export function parseListFilters(text: string, now: Date, timeZone: string): ListFilters {
  const filters: ListFilters = {};
  const search = readSearch(text);
  // The search term is the user's words, so no other filter is read from it.
  const rest = search ? text.slice(0, search.index) : text;
  if (search) filters.search = search.term;
  const priority: { priority?: Priority } = {};
  takePriority(rest, priority);
  if (priority.priority) filters.priority = priority.priority;
  const tags: { tags?: string[] } = {};
  takeTags(rest, tags);
  if (tags.tags?.[0]) filters.tag = tags.tags[0];
  Object.assign(filters, readSort(rest), readDueRange(rest, now, timeZone), readLimit(rest));
  if (UP_NEXT.test(rest)) Object.assign(filters, { status: 'pending', sort_by: 'due_at', order: 'asc', limit: 5 });
  const named =
    /\b(?:my|the|show|list|see|view|all|any)\s+([\w-]+)\s+(?:list|tasks|stuff|items|things|todos|to-dos)\b/i.exec(
      rest,
    )?.[1];
  if (named && !filters.tag && !NOT_A_LABEL.test(named)) filters.label = named.toLowerCase();
  const status = readStatus(rest);
  if (status) filters.status = status;
  else if (filters.due_before) filters.status = 'pending';
  return filters;
}

function readStatus(text: string): ListFilters['status'] | undefined {
  if (
    /\b(?:not\s+(?:yet\s+)?(?:done|completed?|finished)|incomplete|unfinished|pending|open|outstanding|remaining|left|to-?do)\b/i.test(
      text,
    )
  ) {
    return 'pending';
  }
  if (/\b(?:completed?|done|finished)\b/i.test(text)) return 'completed';
  if (/\b(?:all|every|everything)\b/i.test(text)) return 'all';
  return undefined;
}

/** "search for milk", "find tasks about milk", "tasks containing milk". */
function readSearch(text: string): { term: string; index: number } | undefined {
  const patterns = [
    /\b(?:search|look)(?:\s+(?:for|up))?\s+(?:(?:my\s+|the\s+|all\s+)?tasks?\s+)?(?:(?:about|with|containing|matching|mentioning|named|called|for)\s+)?(.+)$/i,
    /\bfind\s+(?:(?:my\s+|the\s+|all\s+)?tasks?\s+)?(?:(?:about|with|containing|matching|mentioning|named|called)\s+)?(.+)$/i,
    /\btasks?\s+(?:about|containing|matching|mentioning|named|called|related\s+to|with\s+the\s+word)\s+(.+)$/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    const term = match?.[1] ? unquote(match[1]) : '';
    if (match && term) return { term, index: match.index };
  }
  return undefined;
}

/** "sort by due date", "sorted by priority", "order by title descending", "newest". */
function readSort(text: string): Pick<ListFilters, 'sort_by' | 'order'> {
  // "by" alone is enough ("top 5 tasks by priority"); a date after it ("by friday") is not a sort field.
  const match = /\bby\s+(.+)$/i.exec(text) ?? /\b(alphabetically|newest|oldest)\b/i.exec(text);
  if (!match?.[1]) return {};
  const wanted = match[1].toLowerCase();
  const entry = SORT_WORDS.find(([pattern]) => pattern.test(wanted));
  if (!entry) return {};
  const sortBy = entry[1];
  return { sort_by: sortBy, order: readOrder(wanted) ?? DEFAULT_ORDER[sortBy] };
}

function readOrder(text: string): 'asc' | 'desc' | undefined {
  if (/\b(?:desc(?:ending)?|reversed?|latest|newest|highest)\b/.test(text)) return 'desc';
  if (/\b(?:asc(?:ending)?|earliest|oldest|lowest)\b/.test(text)) return 'asc';
  return undefined;
}

/**
 * "overdue", "due today", "due tomorrow", "this week", "due by friday" (up to the end of that day),
 * "on friday" / "due friday" (that day).
 */
export function readDueRange(text: string, now: Date, timeZone: string): Pick<ListFilters, 'due_before' | 'due_after'> {
  if (/\b(?:overdue|late|past\s+due)\b/i.test(text)) return { due_before: now.toISOString() };
  if (/\bthis\s+week\b/i.test(text)) return { due_before: endOfWeek(now, timeZone).toISOString() };
  if (/\btomorrow\b/i.test(text)) {
    return {
      due_after: startOfDay(now, timeZone, 1).toISOString(),
      due_before: endOfDay(now, timeZone, 1).toISOString(),
    };
  }
  if (/\btoday\b/i.test(text)) {
    return { due_after: startOfDay(now, timeZone).toISOString(), due_before: endOfDay(now, timeZone).toISOString() };
  }
  const dueBy = /\b(?:due\s+)?(?:by|before|until)\s+(.+)$/i.exec(text);
  const byDate = dueBy?.[1] ? findDate(dueBy[1], now, timeZone) : undefined;
  if (byDate) return { due_before: endOfDay(byDate.at, timeZone).toISOString() };
  const dueOn = /\b(?:due(?:\s+on)?|on)\s+(.+)$/i.exec(text);
  const onDate = dueOn?.[1] ? findDate(dueOn[1], now, timeZone) : undefined;
  if (!onDate) return {};
  return {
    due_after: startOfDay(onDate.at, timeZone).toISOString(),
    due_before: endOfDay(onDate.at, timeZone).toISOString(),
  };
}

/** "top 5", "first 10", "show 3 tasks". */
function readLimit(text: string): Pick<ListFilters, 'limit'> {
  const match = /\b(?:top|first|next|last)\s+(\d+)\b|\b(\d+)\s+tasks\b/i.exec(text);
  const count = Number.parseInt(match?.[1] ?? match?.[2] ?? '', 10);
  return count > 0 ? { limit: Math.min(count, 200) } : {};
}
