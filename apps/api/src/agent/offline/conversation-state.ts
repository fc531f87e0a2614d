import type { Command } from './commands.js';
import { readChanges } from './edit-readers.js';
import { type Clock, parseMessage } from './message-parser.js';
import { normaliseMessage, stripCourtesy } from './normalise.js';
import { extractTaskFields, takeDate } from './task-fields.js';
import { placesIn } from './task-directory.js';
import { parseTarget } from './task-target.js';
import { toTitle, unquote } from './text.js';

/** What the engine's last question waits for. */
export type Awaiting = 'title' | 'target' | 'due_at' | 'remind_at' | 'changes' | 'confirmation';

/** A question the engine asked: the command it will run once the next message answers it. */
export interface PendingQuestion {
  awaiting: Awaiting;
  command: Command;
  /** The task numbers the question offered ("which one: #2 or #3?"). */
  candidates?: number[];
  /** Commands of the same message that come after the one asking ("delete a task and add milk"). */
  afterwards?: Command[];
}

/**
 * What the engine remembers between turns, stored with the conversation (any replica continues it):
 * the open question, and the tasks the last reply was about (what "it" means).
 */
export interface ConversationState {
  pending: PendingQuestion | null;
  context: { numbers: number[] } | null;
}

export const EMPTY_STATE: ConversationState = { pending: null, context: null };

const AWAITING = new Set<Awaiting>(['title', 'target', 'due_at', 'remind_at', 'changes', 'confirmation']);
const YES =
  /^(?:y|yes|yeah|yep|yup|sure|ok(?:ay)?|go\s+ahead|do\s+it|confirm(?:ed)?|please\s+do|absolutely|of\s+course|correct|right)(?:[\s,]+(?:please|go\s+ahead|do\s+it|thanks|sure|delete\s+(?:them|it|all)))*$/i;
const NO =
  /^(?:n|no|nope|nah|cancel|stop|don'?t|do\s+not|never\s*mind|forget\s+it|not\s+now|leave\s+(?:it|them)|keep\s+(?:it|them))(?:[\s,]+(?:thanks|thank\s+you|don'?t|never\s*mind|not\s+now|leave\s+(?:it|them)(?:\s+alone)?|keep\s+(?:it|them)))*$/i;

/** The stored state, if it has the shape this engine writes (anything else starts afresh). */
export function readState(stored: { pending: unknown; context: unknown } | undefined): ConversationState {
  if (!stored) return EMPTY_STATE;
  const pending = stored.pending as Partial<PendingQuestion> | null;
  const context = stored.context as { numbers?: unknown } | null;
  const validPending =
    pending && AWAITING.has(pending.awaiting as Awaiting) && typeof pending.command?.kind === 'string';
  const numbers = Array.isArray(context?.numbers) ? context.numbers.filter(Number.isInteger) : [];
  return {
    pending: validPending ? (pending as PendingQuestion) : null,
    context: numbers.length > 0 ? { numbers: numbers as number[] } : null,
  };
}

export type Answer = { command: Command } | { cancelled: true };

/**
 * The pending command completed by this message, `cancelled` for "no" / "never mind", or undefined when
 * the message is not an answer but a new request.
 */
export function answerPending(pending: PendingQuestion, message: string, clock: Clock): Answer | undefined {
  const text = stripCourtesy(normaliseMessage(message));
  const { command } = pending;
  if (pending.awaiting === 'confirmation') {
    if (YES.test(text)) return { command: { ...command, confirmed: true } as Command };
    return NO.test(text) ? { cancelled: true } : undefined;
  }
  if (NO.test(text)) return { cancelled: true };
  if (isNewRequest(text, clock)) return undefined;
  switch (pending.awaiting) {
    case 'target':
      return withTarget(pending, text, clock);
    case 'title':
      return withTitle(command, text, clock);
    case 'due_at':
    case 'remind_at': {
      const date = takeDate(text, clock, 'first');
      if (!date || command.kind !== 'update') return undefined;
      const changes = { ...command.changes, [pending.awaiting]: date.at.toISOString() };
      return { command: { ...command, changes, missing: undefined } };
    }
    case 'changes': {
      const { changes } = readChanges(text, clock);
      if (command.kind !== 'update' || Object.keys(changes).length === 0) return undefined;
      return { command: { ...command, changes: { ...command.changes, ...changes }, missing: undefined } };
    }
  }
}

/** "task 2", "number 2", "the oat one", "yes" (when one task was offered). */
function withTarget(pending: PendingQuestion, text: string, clock: Clock): Answer | undefined {
  const { command, candidates } = pending;
  if (command.kind !== 'update' && command.kind !== 'complete' && command.kind !== 'delete') return undefined;
  const [only] = candidates ?? [];
  const target =
    YES.test(text) && only !== undefined && candidates?.length === 1 ? { number: only } : parseTarget(text, clock);
  if (!target || 'filter' in target || 'pronoun' in target) return undefined;
  if ('position' in target) {
    const [offered] = placesIn(candidates ?? [], target.position, 1);
    return offered === undefined ? undefined : { command: { ...command, target: { number: offered } } };
  }
  const narrowed = 'words' in target && candidates ? { ...target, among: candidates } : target;
  return { command: { ...command, target: narrowed } };
}

/** The title a question asked for: a new task's ("buy stamps tomorrow" brings its date too) or a new name. */
function withTitle(command: Command, text: string, clock: Clock): Answer | undefined {
  if (command.kind === 'add') {
    const { fields, rest } = extractTaskFields(text, clock);
    const title = fields.title ?? toTitle(rest);
    return title ? { command: { kind: 'add', task: { ...command.task, ...fields, title } } } : undefined;
  }
  if (command.kind !== 'update') return undefined;
  const title = toTitle(unquote(text.replace(/^(?:to|as|into)\s+/i, '')));
  return title ? { command: { ...command, changes: { ...command.changes, title }, missing: undefined } } : undefined;
}

/** A message that asks for something itself ("delete task 3") rather than answering ("buy stamps", "friday"). */
function isNewRequest(text: string, clock: Clock): boolean {
  const [first] = parseMessage(text, clock);
  if (!first || first.kind === 'chatter') return false;
  return !(first.kind === 'add' && first.verbless);
}
