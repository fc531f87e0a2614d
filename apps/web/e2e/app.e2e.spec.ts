import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../test/support/browser.js';
import { startStack, type Stack } from '../test/support/stack.js';

/** Screenshots of every run land here (a CI artifact); docs/ keeps one of each for the README. */
const ARTIFACTS = fileURLToPath(new URL('../test-results/', import.meta.url));
const PASSWORD = 'correct-horse-battery';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

let visitors = 0;

/**
 * A browser of its own for each visitor, coming from an address of its own: better-auth limits sign-ups
 * and sign-ins per client address, and these visitors are different people.
 */
async function newPage(width = 1280, height = 800): Promise<{ context: BrowserContext; page: Page }> {
  visitors += 1;
  const context = await browser.newContext({
    viewport: { width, height },
    timezoneId: 'UTC',
    locale: 'en-GB',
    extraHTTPHeaders: { 'x-forwarded-for': `203.0.113.${visitors}` },
  });
  const page = await context.newPage();
  return { context, page };
}

async function signUp(page: Page, email: string): Promise<void> {
  await page.goto(`${stack.webUrl}/sign-up`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL(/\/chat/);
}

async function send(page: Page, message: string): Promise<void> {
  await page.getByRole('textbox', { name: /message/i }).fill(message);
  await page.getByRole('button', { name: 'Send' }).click();
}

const uniqueEmail = (who: string) => `${who}-${Date.now()}@example.test`;

describe('in a real browser against the real servers', () => {
  test('sign up, add a task by chat, see it in the task view, complete it, and resume the chat after a reload', async () => {
    const { context, page } = await newPage();
    await signUp(page, uniqueEmail('alice'));

    await page.getByText('Offline mode').waitFor();
    await send(page, 'add a task to buy milk tomorrow with high priority');
    const reply = page.getByText(/Added task \d+: "Buy milk"/);
    await reply.waitFor();
    await page.getByText(/add_task/).first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}chat.png`, fullPage: true });
    const conversationUrl = page.url();
    expect(conversationUrl).toMatch(/[?&]c=[0-9a-f-]{36}/);

    await page.getByRole('link', { name: 'Tasks' }).click();
    await page.waitForURL(/\/tasks/);
    const row = page.locator('[data-testid="task-row"]', { hasText: 'Buy milk' });
    await row.waitFor();
    expect(await row.locator('.badge.priority-high').textContent()).toBe('high');
    const tomorrowAt9 = new Date(Date.now() + 86_400_000);
    tomorrowAt9.setUTCHours(9, 0, 0, 0);
    const shown = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(tomorrowAt9);
    expect(await row.textContent()).toContain(`Due ${shown}`);
    await page.screenshot({ path: `${ARTIFACTS}tasks.png`, fullPage: true });

    // The checkbox flips at once; reloading before the server answered would cancel the request.
    const completion = page.waitForResponse((response) => /\/api\/tasks\/\d+\/complete$/.test(response.url()));
    await row.getByRole('checkbox').check();
    await expect(row.getByRole('checkbox').isChecked()).resolves.toBe(true);
    expect((await completion).status()).toBe(200);
    await page.reload();
    const reloadedRow = page.locator('[data-testid="task-row"]', { hasText: 'Buy milk' });
    await reloadedRow.waitFor();
    expect(await reloadedRow.getByRole('checkbox').isChecked()).toBe(true);

    await page.goto(conversationUrl);
    const history = page.getByRole('list', { name: 'Chat history' });
    await history.getByText('add a task to buy milk tomorrow with high priority').waitFor();
    await history.getByText(/Added task \d+: "Buy milk"/).waitFor();
    await context.close();
  });

  test('a second user sees none of the first user\'s tasks', async () => {
    const first = await newPage();
    await signUp(first.page, uniqueEmail('carol'));
    await send(first.page, 'add a task to file the secret report');
    await first.page.getByText(/Added task \d+/).waitFor();
    await first.context.close();

    const second = await newPage();
    await signUp(second.page, uniqueEmail('bob'));
    await second.page.goto(`${stack.webUrl}/tasks`);
    await second.page.getByText(/no tasks/i).waitFor();
    expect(await second.page.locator('[data-testid="task-row"]').count()).toBe(0);
    expect(await second.page.content()).not.toContain('secret report');
    await second.context.close();
  });

  test('a wrong password shows an error and keeps the user on the sign-in page', async () => {
    const { context, page } = await newPage();
    const email = uniqueEmail('dave');
    await signUp(page, email);
    await context.clearCookies();
    await page.goto(`${stack.webUrl}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Next.js keeps an empty role="alert" route announcer on every page: look for ours by its text.
    await page.getByRole('alert').filter({ hasText: /invalid email or password/i }).waitFor();
    expect(page.url()).toContain('/sign-in');
    await context.close();
  });

  test('signed-out visitors are sent to sign in, and the layout fits a 375 px screen', async () => {
    const { context, page } = await newPage(375, 740);
    await page.goto(`${stack.webUrl}/tasks`);
    await page.waitForURL(/\/sign-in/);
    await signUp(page, uniqueEmail('erin'));
    for (const path of ['/chat', '/tasks']) {
      await page.goto(`${stack.webUrl}${path}`);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
    }
    await context.close();
  });
});
