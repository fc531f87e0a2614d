/** Small string helpers shared by the phrase readers. */

/** Replaces a span with a space (keeps the words either side apart). */
export function cut(text: string, index: number, length: number): string {
  return `${text.slice(0, index)} ${text.slice(index + length)}`;
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function unquote(text: string): string {
  return squash(text)
    .replace(/^["'“‘](.*)["'”’]$/, '$1')
    .trim();
}

/** Text in quotes ("…", '…'), taken literally: no dates or tags are read from it. */
export function takeQuoted(text: string): { value: string; rest: string } | undefined {
  const match = /(?:^|\s)(?:"([^"]+)"|'(.+?)')(?=$|[\s.,:!?])/.exec(text);
  const value = match?.[1] ?? match?.[2];
  if (!match || !value?.trim()) return undefined;
  return { value: value.trim(), rest: cut(text, match.index, match[0].length) };
}

/**
 * The words left for a title, without connecting words at either end ("buy milk with" → "buy milk").
 * The user's own capitalisation is kept: the title is what they wrote.
 */
export function toTitle(text: string): string {
  let title = squash(text)
    .replace(/[\s,;:.!?-]+$/, '')
    .replace(/^[\s,;:-]+/, '');
  const dangling = /^(?:and|with|to)\s+|[\s,]+(?:and|with|to|on|at|by|for|due|in)$/i;
  while (dangling.test(title)) title = title.replace(dangling, '').replace(/[\s,;:.-]+$/, '');
  return title;
}

/** Lower-case words (letters and digits), for comparing titles and references. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}
