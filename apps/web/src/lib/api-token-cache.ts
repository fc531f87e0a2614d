import { createHash } from 'node:crypto';

/** A session's api token is reused for at most this long; tokens live ≤ 60 s, so ≥ 15 s are left. */
export const TOKEN_REUSE_MS = 45_000;
/** Time a reused token must still have before it expires. */
const MIN_REMAINING_MS = 15_000;
const MAX_SESSIONS = 10_000;

/** The credentials that identify a browser session (its cookies, or a bearer token), hashed. */
export function sessionKey(headers: Headers): string | null {
  const cookie = headers.get('cookie') ?? '';
  const authorization = headers.get('authorization') ?? '';
  if (!cookie && !authorization) return null;
  return createHash('sha256').update(`${cookie}\n${authorization}`).digest('base64url');
}

/** When the JWT stops being valid (its `exp`), in ms; undefined when it carries none. */
function expiresAt(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The api tokens minted for sessions, so a page's burst of requests reads the session and signs a JWT
 * once, not once per request. An entry is reused for at most TOKEN_REUSE_MS and never within
 * MIN_REMAINING_MS of the token's expiry; the map is bounded, the oldest entry dropped first.
 */
export class ApiTokenCache {
  private readonly entries = new Map<string, { token: string; reuseUntil: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.reuseUntil > this.now()) return entry.token;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, token: string): void {
    const now = this.now();
    const expiry = expiresAt(token);
    const reuseUntil = Math.min(now + TOKEN_REUSE_MS, expiry === undefined ? now : expiry - MIN_REMAINING_MS);
    if (reuseUntil <= now) return;
    this.entries.delete(key);
    if (this.entries.size >= MAX_SESSIONS) this.dropExpiredOrOldest(now);
    this.entries.set(key, { token, reuseUntil });
  }

  private dropExpiredOrOldest(now: number): void {
    for (const [key, entry] of this.entries) if (entry.reuseUntil <= now) this.entries.delete(key);
    if (this.entries.size >= MAX_SESSIONS) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
