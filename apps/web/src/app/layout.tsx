import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/AppHeader';
import { ReminderCenter } from '@/components/reminders/ReminderCenter';
import { ReminderToasts } from '@/components/reminders/ReminderToasts';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Todo Chatbot', template: '%s · Todo Chatbot' },
  description: 'An AI assistant for your to-do list: manage tasks by chatting or in the task view.',
  applicationName: 'Todo Chatbot',
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '32x32' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: '/apple-touch-icon.png',
  },
  manifest: '/manifest.webmanifest',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  // The on-screen keyboard shrinks the layout, so the chat composer stays above it.
  interactiveWidget: 'resizes-content',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f5f6f8' },
    { media: '(prefers-color-scheme: dark)', color: '#111418' },
  ],
};

/** Rendered per request: each page's scripts carry that request's CSP nonce (src/proxy.ts). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <ReminderCenter>
          <AppHeader />
          {children}
          <ReminderToasts />
        </ReminderCenter>
      </body>
    </html>
  );
}
