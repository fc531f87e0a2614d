import type { Page } from 'playwright-core';
import { PASSWORD } from './browser-suite.js';

export async function signUp(page: Page, webUrl: string, email: string): Promise<void> {
  await page.goto(`${webUrl}/sign-up`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL(/\/chat/);
}

/** Sends a chat message and waits until its reply has finished: a new assistant message, and Send is back. */
export async function send(page: Page, message: string): Promise<void> {
  const replies = await page.locator('.message-assistant').count();
  await page.getByRole('textbox', { name: /message/i }).fill(message);
  await page.getByRole('button', { name: 'Send' }).click();
  await page.waitForFunction(
    (before) =>
      document.querySelectorAll('.message-assistant').length > before &&
      !document.querySelector('.message-assistant .typing') &&
      document.querySelector('.composer button[type="submit"]') !== null,
    replies,
  );
}

export interface NewTask {
  title: string;
  description?: string;
  priority?: 'low' | 'medium' | 'high';
  tags?: string[];
  due_at?: string | null;
  remind_at?: string | null;
  recurrence?: { frequency: 'daily' | 'weekly' | 'monthly' | 'yearly'; interval: number } | null;
}

/** Adds a task through the BFF as the page's signed-in user; returns its id. */
export async function addTask(page: Page, webUrl: string, task: NewTask): Promise<number> {
  const response = await page.request.post(`${webUrl}/api/tasks`, { headers: { origin: webUrl }, data: task });
  if (response.status() !== 201) throw new Error(`adding ${task.title}: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { id: number }).id;
}

export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
