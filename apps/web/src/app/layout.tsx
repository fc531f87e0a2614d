import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/AppHeader';
import { Reminders } from '@/components/Reminders';
import './globals.css';

export const metadata: Metadata = {
  title: 'Todo Chatbot',
  description: 'Manage your tasks by chatting or in the task view.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
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
