/** Text helpers for the Markdown renderer: marked leaves character references and URLs as written. */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** `&amp;`, `&#39;`, `&#x1F600;` → their characters; unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Only web and mail links, or a path on this site; anything else (javascript:, data:, …) is no link. */
export function safeHref(href: string): string | null {
  return /^(?:https?:\/\/|mailto:|\/(?![/\\]))/i.test(href) ? href : null;
}
