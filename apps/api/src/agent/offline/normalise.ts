import { correctTo } from './fuzzy.js';
import { squash } from './text.js';

/** Verbs a clause starts with; a misspelt one ("delte", "compelte") is read as the verb. */
const VERBS = new Set([
  'create',
  'delete',
  'remove',
  'complete',
  'uncomplete',
  'finish',
  'rename',
  'remind',
  'reschedule',
  'postpone',
  'change',
  'update',
  'search',
  'reopen',
  'schedule',
]);
/** Words that sit where a priority does (the end of a clause). */
const PRIORITY_WORDS = new Set(['urgent', 'important', 'priority']);
/** Date words chrono does not forgive a typo in. */
const DATE_WORDS = new Set(['tomorrow']);
/** Real words one letter away from a verb above: never "corrected". */
const REAL_WORDS = new Set(['remote', 'charge', 'chance', 'finnish', 'remain', 'relate', 'reread']);

/** Number words people type for task numbers and counts. */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

/** Clause-initial politeness and fillers: "could you please", "ok", "actually", "oops". */
const LEADING_COURTESY =
  /^(?:(?:please|pls|plz|kindly|ok(?:ay)?|alright|now|also|so|and|then|oh|oops|actually|hey|hmm|well|sorry)\b[\s,]*|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?|i'?d\s+like\s+(?:you\s+)?to\s+|i\s+want\s+you\s+to\s+)+/i;
const TRAILING_COURTESY = /(?:[\s,]+(?:please|pls|plz|thanks|thank\s+you|thx|for\s+me))+$/i;

/** One line, straight quotes, no closing punctuation: the form every parser below reads. */
export function normaliseMessage(message: string): string {
  const text = squash(message.replace(/[‘’]/g, "'").replace(/[“”]/g, '"')).replace(/[.!?]+$/, '');
  return spellNumbers(correctTypos(text)).replace(MISSPELT_TASK, 'task');
}

/** "taks 2", "tsk 2": "task" is too short for the typo budget, so its common slips are listed. */
const MISSPELT_TASK = /\b(?:taks|tsak|tsk|tas|tak|tassk|taskk)\b(?=\s*#?\d)/gi;

/** "could you please delete task 2 pls" → "delete task 2". */
export function stripCourtesy(clause: string): string {
  return clause.replace(LEADING_COURTESY, '').replace(TRAILING_COURTESY, '').trim();
}

/**
 * Corrects typos only where a command word belongs (a clause's first word, a clause's last word for a
 * priority) and in date words, so words of a title are never "corrected". Quoted text is left alone.
 */
function correctTypos(text: string): string {
  const tokens = text.split(/(\s+|,|"[^"]*")/);
  let clauseStart = true;
  return tokens
    .map((token, index) => {
      if (!/^[a-z]+$/i.test(token)) {
        if (token === ',') clauseStart = true;
        return token;
      }
      const word = token.toLowerCase();
      const atStart = clauseStart;
      clauseStart = /^(?:and|then|please|pls|plz|you|u|now)$/.test(word);
      const next = tokens.slice(index + 1).find((later) => later.trim() !== '');
      const atEnd = next === undefined || next === ',';
      if (REAL_WORDS.has(word)) return token;
      const corrected =
        (atStart ? correctTo(word, VERBS) : undefined) ??
        (atEnd ? correctTo(word, PRIORITY_WORDS) : undefined) ??
        correctTo(word, DATE_WORDS);
      return corrected ?? token;
    })
    .join('');
}

/** "task two" → "task 2", "number three" → "number 3". */
function spellNumbers(text: string): string {
  return text.replace(
    new RegExp(String.raw`\b(task|number|no\.?)\s+(${Object.keys(NUMBER_WORDS).join('|')})\b`, 'gi'),
    (_whole, lead: string, word: string) => `${lead} ${NUMBER_WORDS[word.toLowerCase()]}`,
  );
}
