import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
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
  // The browser stands behind a local proxy: each visitor's X-Forwarded-For is believed.
  [stack, browser] = await Promise.all([startStack({ TRUSTED_PROXIES: '127.0.0.1,::1' }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

let visitors = 0;
/** What the browser reported against the CSP (or any page error) during the current test. */
let violations: string[] = [];

afterEach(() => {
  const seen = violations;
  violations = [];
  expect(seen).toEqual([]);
});

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
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
      violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
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
    await page
      .getByText(/add_task/)
      .first()
      .waitFor();
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
    const shown = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(
      tomorrowAt9,
    );
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

  test("a second user sees none of the first user's tasks", async () => {
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
    await page
      .getByRole('alert')
      .filter({ hasText: /invalid email or password/i })
      .waitFor();
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

  test('every page is served with a CSP whose nonce is fresh per request and on every script, and the security headers', async () => {
    const { context, page } = await newPage();
    const nonces: string[] = [];
    for (let visit = 0; visit < 2; visit += 1) {
      const response = (await page.goto(`${stack.webUrl}/sign-in`))!;
      const headers = response.headers();
      const csp = headers['content-security-policy'] ?? '';
      const nonce = /script-src 'self' 'nonce-([^']+)' 'strict-dynamic'/.exec(csp)?.[1];
      expect(nonce).toBeDefined();
      nonces.push(nonce!);
      for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"])
        expect(csp).toContain(directive);
      expect({
        nosniff: headers['x-content-type-options'],
        referrer: headers['referrer-policy'],
        permissions: headers['permissions-policy'],
        poweredBy: headers['x-powered-by'],
        hsts: headers['strict-transport-security'],
      }).toEqual({
        nosniff: 'nosniff',
        referrer: 'strict-origin-when-cross-origin',
        permissions: 'camera=(), microphone=(), geolocation=()',
        poweredBy: undefined,
        hsts: undefined,
      });
      const scripts = await page.evaluate(() => [...document.scripts].map((script) => script.nonce));
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.every((value) => value === nonce)).toBe(true);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
    // The page works under its CSP: the form is interactive (hydrated), and no violation was reported (afterEach).
    await page.getByRole('link', { name: 'Create one' }).click();
    await page.waitForURL(/\/sign-up/);
    const api = await page.request.get(`${stack.webUrl}/api/health`);
    expect(api.headers()['x-content-type-options']).toBe('nosniff');
    await context.close();
  });

  test('sign-in never sends the user to another site (next=/%5Cevil.example)', async () => {
    const { context, page } = await newPage();
    // Were the app to go there, the browser would show this page instead of failing on DNS.
    await context.route(
      (url) => url.hostname === 'evil.example',
      (route) => route.fulfill({ contentType: 'text/html', body: '<h1>evil</h1>' }),
    );
    const email = uniqueEmail('frank');
    await signUp(page, email);
    await context.clearCookies();
    await page.goto(`${stack.webUrl}/sign-in?next=/%5Cevil.example`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    expect(new URL(page.url()).origin).toBe(stack.webUrl);
    await page.getByRole('textbox', { name: /message/i }).waitFor();
    await context.close();
  });

  test('a due reminder is shown once as a toast and then acknowledged; the api no longer returns it', async () => {
    const { context, page } = await newPage();
    await signUp(page, uniqueEmail('gina'));
    const created = await page.request.post(`${stack.webUrl}/api/tasks`, {
      headers: { origin: stack.webUrl },
      data: { title: 'Water the plants', remind_at: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const acknowledged = page.waitForResponse((response) => response.url().endsWith('/api/reminders/ack'));
    await page.goto(`${stack.webUrl}/tasks`);
    await page.getByRole('status').filter({ hasText: 'Reminder: Water the plants' }).waitFor();
    const ack = await acknowledged;
    expect({ sent: ack.request().postDataJSON(), ok: ack.ok(), answer: await ack.json() }).toEqual({
      sent: { task_ids: [id] },
      ok: true,
      answer: { acknowledged: 1 },
    });
    const due = await page.request.get(`${stack.webUrl}/api/reminders/due`);
    expect(await due.json()).toEqual([]);
    await context.close();
  });

  test("a refused task shows the api's sentence with the request id to quote", async () => {
    const { context, page } = await newPage();
    await signUp(page, uniqueEmail('hank'));
    await page.goto(`${stack.webUrl}/tasks`);
    await page.getByPlaceholder('What needs doing?').fill('Tag it too long');
    await page.getByLabel('Tags').fill('t'.repeat(60));
    const refused = page.waitForResponse(
      (response) => response.url().endsWith('/api/tasks') && response.request().method() === 'POST',
    );
    await page.getByRole('button', { name: /^Add/ }).click();
    const response = await refused;
    const requestId = response.headers()['x-request-id'];
    expect({ status: response.status(), requestId }).toEqual({
      status: 400,
      requestId: expect.stringMatching(/^[\w.:-]{8,64}$/),
    });
    const { message } = (await response.json()) as { message: string };
    const alert = page.getByRole('alert').filter({ hasText: 'request id' });
    expect(await alert.textContent()).toBe(`${message} (request id ${requestId})`);
    expect(message).toMatch(/^tags/);
    await context.close();
  });
});
