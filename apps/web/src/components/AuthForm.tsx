'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { authClient } from '@/lib/auth-client';
import { safeNext } from '@/lib/client/safe-next';
import { AppIcon } from './AppIcon';

type Mode = 'sign-in' | 'sign-up';

const COPY: Record<
  Mode,
  { title: string; submit: string; switchText: string; switchHref: string; switchLabel: string }
> = {
  'sign-in': {
    title: 'Sign in',
    submit: 'Sign in',
    switchText: 'No account yet?',
    switchHref: '/sign-up',
    switchLabel: 'Create one',
  },
  'sign-up': {
    title: 'Create your account',
    submit: 'Sign up',
    switchText: 'Already have an account?',
    switchHref: '/sign-in',
    switchLabel: 'Sign in',
  },
};

export function AuthForm({ mode }: { mode: Mode }) {
  const router = useRouter();
  const next = useSearchParams().get('next');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Until the page is hydrated a click would submit the form natively: the button waits for the script.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const copy = COPY[mode];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email'));
    const password = String(form.get('password'));
    setPending(true);
    setError(null);
    const { error: failure } =
      mode === 'sign-up'
        ? await authClient.signUp.email({ email, password, name: String(form.get('name') || email.split('@')[0]) })
        : await authClient.signIn.email({ email, password });
    setPending(false);
    if (failure) {
      setError(failure.message ?? 'Something went wrong. Try again.');
      return;
    }
    router.replace(safeNext(next, window.location.origin));
    router.refresh();
  }

  return (
    <main id="main" tabIndex={-1} className="auth">
      <Link href="/" className="brand auth-brand">
        <AppIcon size={28} />
        Todo Chatbot
      </Link>
      {/* method="post": should the form ever be submitted natively, the password stays out of the URL. */}
      <form className="card auth-form" method="post" onSubmit={submit} aria-labelledby="auth-title">
        <h1 id="auth-title">{copy.title}</h1>
        {mode === 'sign-up' && (
          <label>
            Name
            <input name="name" autoComplete="name" maxLength={100} />
          </label>
        )}
        <label>
          Email
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
            minLength={mode === 'sign-up' ? 10 : undefined}
            aria-describedby={mode === 'sign-up' ? 'password-hint' : undefined}
            required
          />
        </label>
        {mode === 'sign-up' && (
          <p id="password-hint" className="muted">
            At least 10 characters, and not a common password.
          </p>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={!hydrated || pending}>
          {pending ? 'Please wait…' : copy.submit}
        </button>
        <p className="muted">
          {copy.switchText} <Link href={copy.switchHref}>{copy.switchLabel}</Link>
        </p>
      </form>
    </main>
  );
}
