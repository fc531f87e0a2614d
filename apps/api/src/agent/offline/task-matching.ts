import { editDistance, sameWord } from './fuzzy.js';
import { wordsOf } from './text.js';

/** The part of a task the matcher reads. */
export interface Titled {
  number: number;
  title: string;
}

/** Words that say nothing about which task is meant ("the", "my", "task", "i" in "i called grandma"). */
const IGNORED = new Set([
  'the',
  'a',
  'an',
  'my',
  'task',
  'tasks',
  'todo',
  'item',
  'one',
  'that',
  'this',
  'i',
  'called',
]);
const SUGGESTIONS = 3;
/** Letters compared when ranking suggestions (a pasted paragraph is not compared letter by letter). */
const COMPARED_LENGTH = 100;

function contentWords(text: string): string[] {
  return wordsOf(text).filter((word) => !IGNORED.has(word));
}

/**
 * The tasks `reference` names: the exact titles if any, else every task whose title has each of the
 * reference's words (inflected or misspelt: "apointment" finds "dentist appointment").
 */
export function matchTasks<Task extends Titled>(reference: string, tasks: Task[]): Task[] {
  const wanted = contentWords(reference);
  if (wanted.length === 0) return [];
  const exact = sameTitle(reference, tasks);
  if (exact.length > 0) return exact;
  return tasks.filter((task) => {
    const words = wordsOf(task.title);
    return wanted.every((word) => words.some((titleWord) => sameWord(word, titleWord)));
  });
}

/** The tasks titled exactly `reference` (ignoring case, punctuation and words like "the"). */
export function sameTitle<Task extends Titled>(reference: string, tasks: Task[]): Task[] {
  const wanted = contentWords(reference).join(' ');
  return wanted ? tasks.filter((task) => contentWords(task.title).join(' ') === wanted) : [];
}

/** The titles closest to a reference that matched none: most shared words, then fewest letters apart. */
export function closestTasks<Task extends Titled>(reference: string, tasks: Task[]): Task[] {
  const wanted = contentWords(reference);
  const scored = tasks.map((task) => {
    const words = wordsOf(task.title);
    const shared = wanted.filter((word) => words.some((titleWord) => sameWord(word, titleWord))).length;
    const distance = editDistance(
      wanted.join(' ').slice(0, COMPARED_LENGTH),
      contentWords(task.title).join(' ').slice(0, COMPARED_LENGTH),
    );
    return { task, shared, distance };
  });
  const longest = Math.min(Math.max(reference.length, 1), COMPARED_LENGTH);
  return scored
    .filter(({ shared, distance }) => shared > 0 || distance <= longest / 2)
    .sort((a, b) => b.shared - a.shared || a.distance - b.distance)
    .slice(0, SUGGESTIONS)
    .map(({ task }) => task);
}
