'use client';

import { type FormEvent, useState } from 'react';
import { authClient } from '@/lib/auth-client';

/** better-auth's change-password: the current password, then the new one; other devices are signed out. */
export function ChangePasswordForm() {
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setStatus(null);
    const { error } = await authClient.changePassword({
      currentPassword: String(form.get('currentPassword')),
      newPassword: String(form.get('newPassword')),
      revokeOtherSessions: true,
    });
    setPending(false);
    if (error) {
      setStatus({ error: true, text: error.message ?? 'The password could not be changed. Try again.' });
      return;
    }
    formElement.reset();
    setStatus({ error: false, text: 'Your password was changed. Other devices were signed out.' });
  }

  return (
    <form className="card account-form" onSubmit={submit} aria-labelledby="change-password-title">
      <h2 id="change-password-title">Change password</h2>
      <label>
        Current password
        <input name="currentPassword" type="password" autoComplete="current-password" required />
      </label>
      <label>
        New password
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={10}
          aria-describedby="new-password-hint"
          required
        />
      </label>
      <p id="new-password-hint" className="muted">
        At least 10 characters, and not a common password.
      </p>
      {status && (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'error' : undefined}>
          {status.text}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? 'Please wait…' : 'Change password'}
      </button>
    </form>
  );
}
