'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { authClient } from '@/lib/auth-client';
import { useSignedInEmail } from '../session';

/**
 * Deletes the account and everything it owns. Typing the email is the confirmation, the password the
 * proof; better-auth checks it, and deletes the user only after the api deleted the data (lib/auth.ts).
 */
export function DeleteAccountForm() {
  const router = useRouter();
  const email = useSignedInEmail(true);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (String(form.get('email')).trim().toLowerCase() !== email?.toLowerCase()) {
      setError('Type your email exactly as shown to confirm.');
      return;
    }
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.deleteUser({ password: String(form.get('password')) });
    setPending(false);
    if (failure) {
      setError(failure.message ?? 'The account could not be deleted. Try again.');
      return;
    }
    router.replace('/sign-in');
    router.refresh();
  }

  return (
    <form className="card account-form" onSubmit={submit} aria-labelledby="delete-account-title">
      <h2 id="delete-account-title">Delete account</h2>
      <p>
        This deletes your account, your tasks and your conversations for good. To confirm, type your email
        {email ? ` (${email})` : ''} and your password.
      </p>
      <label>
        Email
        <input name="email" type="email" autoComplete="off" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="danger" disabled={pending || !email}>
        {pending ? 'Deleting…' : 'Delete my account and data'}
      </button>
    </form>
  );
}
