/**
 * Only same-origin paths: `next` comes from the URL and must not send the user elsewhere. It must start
 * with a single `/` (not `//` nor `/\`, which browsers read as another host), and resolve to this origin.
 */
export function safeNext(next: string | null, origin: string): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/chat';
  try {
    const url = new URL(next, origin);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : '/chat';
  } catch {
    return '/chat';
  }
}
