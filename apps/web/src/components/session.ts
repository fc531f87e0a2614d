'use client';

import { useEffect, useState } from 'react';

/*
 * The app pages only need the signed-in email and a sign-out: two calls to better-auth's own endpoints,
 * which keeps its client library (about 13 KB gzip) out of /chat and /tasks. The forms still use it.
 */

/** The signed-in user's email, once known; asked for only while `enabled` (on the app's pages). */
export function useSignedInEmail(enabled: boolean): string | null {
  const [email, setEmail] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    fetch('/api/auth/get-session', { headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((session: { user?: { email?: string } } | null) => setEmail(session?.user?.email ?? null))
      .catch(() => undefined);
  }, [enabled]);
  return email;
}

export async function signOut(): Promise<void> {
  await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
}
