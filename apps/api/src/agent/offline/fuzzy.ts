/**
 * Typo-tolerant word comparison: Damerau-Levenshtein distance (insertions, deletions, substitutions and
 * transpositions of adjacent letters each cost 1), with a budget that grows with the word's length, so
 * "delte" is "delete" and "apointment" is "appointment" while "and" never becomes "add".
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = table[i]!;
      const above = table[i - 1]!;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, table[i - 2]![j - 2]! + 1);
      }
    }
  }
  return table[a.length]![b.length]!;
}

/** Typos allowed in a word of this length: none up to 4 letters ("mark" is not "park"), one up to 7, two from 8. */
export function typoBudget(length: number): number {
  if (length <= 4) return 0;
  return length <= 7 ? 1 : 2;
}

/** Within the typo budget of the shorter word (long strings are compared only when their lengths are close). */
export function isTypoOf(word: string, intended: string): boolean {
  if (word === intended) return true;
  const budget = typoBudget(Math.min(word.length, intended.length));
  if (budget === 0 || Math.abs(word.length - intended.length) > budget) return false;
  return editDistance(word, intended) <= budget;
}

/** A crude English stem, enough to see "called" in "call" and "tasks" in "task". */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ing|ed|es|s)$/, '');
}

/** The same word, inflected or misspelt. */
export function sameWord(word: string, other: string): boolean {
  return word === other || stem(word) === stem(other) || isTypoOf(word, other);
}

/** The vocabulary word `word` is a typo of, if any (the closest one; exact words are returned as they are). */
export function correctTo(word: string, vocabulary: ReadonlySet<string>): string | undefined {
  if (vocabulary.has(word)) return word;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of vocabulary) {
    if (!isTypoOf(word, candidate)) continue;
    const distance = editDistance(word, candidate);
    if (!best || distance < best.distance) best = { word: candidate, distance };
  }
  return best?.word;
}
