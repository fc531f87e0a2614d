import { APIError, getIP, isAPIError } from 'better-auth/api';

/**
 * Failed sign-ins, counted per account AND client address (the attacker's own address locks only
 * the attacker out), plus a slower limit per account against guesses spread over many addresses.
 * better-auth's own per-address rate limit (auth.ts) comes first. In memory, per web process.
 */
const RULES = [
  { scope: 'address', max: 5, windowMs: 15 * 60_000 },
  { scope: 'account', max: 30, windowMs: 60 * 60_000 },
] as const;

const failures = new Map<string, { count: number; resetAt: number }>();

function keys(email: string, address: string) {
  return RULES.map((rule) => ({ rule, key: rule.scope === 'address' ? `${email}\n${address}` : email }));
}

function prune(now: number): void {
  if (failures.size < 10_000) return;
  for (const [key, entry] of failures) if (entry.resetAt <= now) failures.delete(key);
}

export type HookContext = {
  path?: string;
  body?: unknown;
  headers?: Headers;
  context: { options: Parameters<typeof getIP>[1]; returned?: unknown };
};

function attempt(ctx: HookContext): { email: string; address: string } | null {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  if (ctx.path !== '/sign-in/email' || typeof email !== 'string' || !ctx.headers) return null;
  return { email: email.trim().toLowerCase(), address: getIP(ctx.headers, ctx.context.options) ?? 'unknown' };
}

/** Part of the `before` hook: a 429 with a sentence while this account is locked for this address. */
export function refuseLockedSignIn(ctx: HookContext): void {
  const who = attempt(ctx);
  if (!who) return;
  const now = Date.now();
  for (const { rule, key } of keys(who.email, who.address)) {
    const entry = failures.get(key);
    if (entry && entry.resetAt > now && entry.count >= rule.max) {
      const minutes = Math.ceil((entry.resetAt - now) / 60_000);
      throw new APIError('TOO_MANY_REQUESTS', {
        message: `too many failed sign-ins for this account; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      });
    }
  }
}

/** Part of the `after` hook: counts a failed sign-in; a successful one clears its account+address count. */
export function countFailedSignIn(ctx: HookContext): void {
  const who = attempt(ctx);
  if (!who) return;
  const now = Date.now();
  const failed = isAPIError(ctx.context.returned);
  for (const { rule, key } of keys(who.email, who.address)) {
    if (!failed) {
      if (rule.scope === 'address') failures.delete(key);
      continue;
    }
    const entry = failures.get(key);
    if (entry && entry.resetAt > now) entry.count += 1;
    else failures.set(key, { count: 1, resetAt: now + rule.windowMs });
  }
  prune(now);
}
