import { describe, expect, test } from '@jest/globals';
import { send, signUp } from './support/actions.js';
import { ARTIFACTS, PASSWORD, uniqueEmail, browserSuite } from './support/browser-suite.js';

const suite = browserSuite();

describe('in a real browser against the real servers', () => {
  test('sign up, add a task by chat, see it in the task view, complete it, and resume the chat after a reload', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('alice'));

    await page.getByText('Offline mode').waitFor();
    await send(page, 'add a task to buy milk tomorrow with high priority');
    const reply = page.getByText(/Added #\d+ buy milk — high — due/);
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
    await history.getByText(/Added #\d+ buy milk — high — due/).waitFor();
    await context.close();
  });

  test("a second user sees none of the first user's tasks", async () => {
    const first = await suite.newPage();
    await signUp(first.page, suite.webUrl, uniqueEmail('carol'));
    await send(first.page, 'add a task to file the secret report');
    await first.page.getByText(/Added #\d+ file the secret report/).waitFor();
    await first.context.close();

    const second = await suite.newPage();
    await signUp(second.page, suite.webUrl, uniqueEmail('bob'));
    await second.page.goto(`${suite.webUrl}/tasks`);
    await second.page.getByText(/no tasks/i).waitFor();
    expect(await second.page.locator('[data-testid="task-row"]').count()).toBe(0);
    expect(await second.page.content()).not.toContain('secret report');
    await second.context.close();
  });

  test('a wrong password shows an error and keeps the user on the sign-in page', async () => {
    const { context, page } = await suite.newPage();
    const email = uniqueEmail('dave');
    await signUp(page, suite.webUrl, email);
    await context.clearCookies();
    await page.goto(`${suite.webUrl}/sign-in`);
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
    const { context, page } = await suite.newPage({ width: 375, height: 740 });
    await page.goto(`${suite.webUrl}/tasks`);
    await page.waitForURL(/\/sign-in/);
    await signUp(page, suite.webUrl, uniqueEmail('erin'));
    for (const path of ['/chat', '/tasks']) {
      await page.goto(`${suite.webUrl}${path}`);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
    }
    await context.close();
  });

  test('every page is served with a CSP whose nonce is fresh per request and on every script, and the security headers', async () => {
    const { context, page } = await suite.newPage();
    const nonces: string[] = [];
    for (let visit = 0; visit < 2; visit += 1) {
      const response = (await page.goto(`${suite.webUrl}/sign-in`))!;
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
    const api = await page.request.get(`${suite.webUrl}/api/health`);
    expect(api.headers()['x-content-type-options']).toBe('nosniff');
    await context.close();
  });

  test('sign-in never sends the user to another site (next=/%5Cevil.example)', async () => {
    const { context, page } = await suite.newPage();
    // Were the app to go there, the browser would show this page instead of failing on DNS.
    await context.route(
      (url) => url.hostname === 'evil.example',
      (route) => route.fulfill({ contentType: 'text/html', body: '<h1>evil</h1>' }),
    );
    const email = uniqueEmail('frank');
    await signUp(page, suite.webUrl, email);
    await context.clearCookies();
    await page.goto(`${suite.webUrl}/sign-in?next=/%5Cevil.example`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    expect(new URL(page.url()).origin).toBe(suite.webUrl);
    await page.getByRole('textbox', { name: /message/i }).waitFor();
    await context.close();
  });

  test('before its script runs, the sign-up form cannot be sent, and it would never put the password in the URL', async () => {
    // No JavaScript at all: what a click lands on while the page is still loading its script.
    const context = await suite.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${suite.webUrl}/sign-up`);
    const form = page.locator('form.auth-form');
    expect(await form.getAttribute('method')).toBe('post');
    expect(await page.getByRole('button', { name: 'Sign up' }).isDisabled()).toBe(true);
    await context.close();
  });

  test('a due reminder is shown once as a toast and then acknowledged; the api no longer returns it', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('gina'));
    // Made while no app page is open: the chat page polling meanwhile would show and acknowledge it there.
    await page.goto('about:blank');
    const created = await page.request.post(`${suite.webUrl}/api/tasks`, {
      headers: { origin: suite.webUrl },
      data: { title: 'Water the plants', remind_at: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const acknowledged = page.waitForResponse((response) => response.url().endsWith('/api/reminders/ack'));
    await page.goto(`${suite.webUrl}/tasks`);
    await page.getByRole('status').filter({ hasText: 'Reminder: Water the plants' }).waitFor();
    const ack = await acknowledged;
    expect({ sent: ack.request().postDataJSON(), ok: ack.ok(), answer: await ack.json() }).toEqual({
      sent: { task_ids: [id] },
      ok: true,
      answer: { acknowledged: 1 },
    });
    const due = await page.request.get(`${suite.webUrl}/api/reminders/due`);
    expect(await due.json()).toEqual([]);
    await context.close();
  });

  test("a refused task shows the api's sentence with the request id to quote", async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('hank'));
    await page.goto(`${suite.webUrl}/tasks`);
    await page.getByPlaceholder('What needs doing?').fill('Tag it too long');
    await page.getByRole('button', { name: 'More options' }).click();
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
