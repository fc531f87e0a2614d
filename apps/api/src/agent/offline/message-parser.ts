import { splitClauses } from './clauses.js';
import { parseClause } from './command-parser.js';
import type { Command } from './commands.js';
import { normaliseMessage, stripCourtesy } from './normalise.js';

export interface Clock {
  now: Date;
  timeZone: string;
}

/**
 * Turns one chat message into the commands it asks for, in order: usually one, several for "add milk and
 * delete task 2". Pure: `now` and `timeZone` fix the dates.
 */
export function parseMessage(message: string, clock: Clock): Command[] {
  const text = normaliseMessage(message);
  const clauses = splitClauses(text).map((clause) => parseClause(stripCourtesy(clause), clock));
  return clauses.length > 0 ? clauses : [{ kind: 'chatter', text }];
}
