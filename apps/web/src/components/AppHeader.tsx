'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { authClient } from '@/lib/auth-client';
import { isAppPage } from './app-pages';
import { NotificationButton } from './NotificationButton';

const NAV = [
  { href: '/chat', label: 'Chat' },
  { href: '/tasks', label: 'Tasks' },
];

export function AppHeader() {
  const pathname = usePathname();
  const router = useRouter();
  const { data: session } = authClient.useSession();
  if (!isAppPage(pathname)) return null;

  async function signOut() {
    await authClient.signOut();
    router.replace('/sign-in');
    router.refresh();
  }

  return (
    <header className="app-header">
      <Link href="/chat" className="brand">
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
        <NotificationButton />
        {session && (
          <span className="user-email" title={session.user.email}>
            {session.user.email}
          </span>
        )}
        <button type="button" className="secondary small" onClick={signOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
