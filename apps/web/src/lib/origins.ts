import { webEnv } from './env';

/** `*` stands for one label of a host or a port (better-auth's wildcards, e.g. `http://192.168.*.*:30080`). */
function patternFor(origin: string): RegExp {
  const escaped = origin
    .replace(/\/+$/, '')
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^./:?#]+');
  return new RegExp(`^${escaped}$`, 'i');
}

/** The origins whose pages may change state here: the app's public URL and BETTER_AUTH_TRUSTED_ORIGINS. */
export function trustedOrigins(): string[] {
  const env = webEnv();
  return [new URL(env.authUrl).origin, ...env.trustedOrigins];
}

export function isTrustedOrigin(origin: string): boolean {
  return trustedOrigins().some((allowed) => patternFor(allowed).test(origin));
}
