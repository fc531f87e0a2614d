'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { isAppPage } from './app-pages';
import { NotificationButton } from './NotificationButton';
import { MissedReminders } from './reminders/MissedReminders';
import { signOut, useSignedInEmail } from './session';
import { AppIcon } from './AppIcon';

const NAV = [
  { href: '/chat', label: 'Chat' },
  { href: '/tasks', label: 'Tasks' },
  { href: '/account', label: 'Account' },
];

export function AppHeader() {
  const pathname = usePathname();
  const router = useRouter();
  const onAppPage = isAppPage(pathname);
  const email = useSignedInEmail(onAppPage);
  if (!onAppPage) return null;

  async function leave() {
    await signOut();
    router.replace('/sign-in');
    router.refresh();
  }

  return (
    <header className="app-header">
      <Link href="/chat" className="brand">
        <AppIcon size={24} />
        Todo Chatbot
      </Link>
      <nav aria-label="Main" className="main-nav">
        {NAV.map(({ href, label }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <Link key={href} href={href} aria-current={active ? 'page' : undefined}>
              {label}
            </Link>
          );
        })}
      </nav>
      <div className="account">
        <MissedReminders />
        <NotificationButton />
        {email && (
          <span className="user-email" title={email}>
            {email}
          </span>
        )}
        <button type="button" className="secondary small" onClick={leave}>
          Sign out
        </button>
      </div>
    </header>
  );
}
