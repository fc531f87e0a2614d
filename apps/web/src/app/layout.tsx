import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/AppHeader';
import { Reminders } from '@/components/Reminders';
import './globals.css';

export const metadata: Metadata = {
  title: 'Todo Chatbot',
  description: 'Manage your tasks by chatting or in the task view.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/** Rendered per request: each page's scripts carry that request's CSP nonce (src/proxy.ts). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <AppHeader />
        {children}
        <Reminders />
      </body>
    </html>
  );
}
