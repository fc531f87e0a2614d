import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/ChangePasswordForm';
import { DeleteAccountForm } from '@/components/account/DeleteAccountForm';

export const metadata: Metadata = { title: 'Account' };

export default function AccountPage() {
  return (
    <main id="main" tabIndex={-1} className="account-page">
      <h1>Your account</h1>
      <ChangePasswordForm />
      <DeleteAccountForm />
    </main>
  );
}
