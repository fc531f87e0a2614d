import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { addTask, hoursFromNow, signUp } from './support/actions.js';
import { browserSuite, uniqueEmail } from './support/browser-suite.js';

const suite = browserSuite();

/** Longer than a poll interval (5 s) with room to spare: a change made elsewhere shows up within it. */
const WITHIN_A_POLL = { timeout: 15_000 };

const row = (page: Page, title: string) => page.locator('[data-testid="task-row"]', { hasText: title });
const isTaskList = (url: string) => new URL(url).pathname === '/api/tasks';

async function openBoard(page: Page): Promise<void> {
  await page.goto(`${suite.webUrl}/tasks`);
  await page.getByRole('heading', { name: 'Tasks', exact: true }).waitFor();
  await page.locator('.muted', { hasText: 'Loading tasks' }).waitFor({ state: 'detached' });
}

describe('the task view stays current without a reload', () => {
  test('a task added in another tab shows up at once: the tabs tell each other', async () => {
    const { context, page: first } = await suite.newPage();
    // The pages' timers stop below: no poll can be what brings the task, only the other tab's message.
    await context.clock.install();
    await signUp(first, suite.webUrl, uniqueEmail('tabs'));
    await openBoard(first);
    const second = await context.newPage();
    await openBoard(second);
    await context.clock.pauseAt(Date.now() + 1_000);

    const form = second.getByRole('form', { name: 'Add a task' });
    await form.getByRole('textbox', { name: 'New task' }).fill('Book the dentist');
    await form.getByRole('button', { name: 'Add task' }).click();
    await row(second, 'Book the dentist').waitFor();
    await row(first, 'Book the dentist').waitFor();
    await context.close();
  });

  test('a task added outside the browser shows up within a poll; an unchanged list is answered 304', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('poll'));
    await openBoard(page);
    const unchanged = page.waitForResponse((r) => isTaskList(r.url()) && r.status() === 304, WITHIN_A_POLL);
    expect((await unchanged).headers().etag).toBeTruthy();

    // Through the BFF with the user's cookie, not from the page: as the chat's agent or an MCP client would.
    await addTask(page, suite.webUrl, { title: 'Renew the passport' });
    await row(page, 'Renew the passport').waitFor(WITHIN_A_POLL);
    await context.close();
  });

  test('a row being edited keeps what was typed, and the focus, when a poll brings another change', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('editing'));
    await addTask(page, suite.webUrl, { title: 'Water the plants' });
    await openBoard(page);
    await row(page, 'Water the plants').getByRole('button', { name: 'Edit "Water the plants"' }).click();
    const edit = page.getByRole('form', { name: 'Edit Water the plants' });
    await edit.getByLabel('Description').fill('The ferns twice');
    await edit.getByLabel('Title').fill('Water the plants on the balcony');

    // Due soon, so it sorts above the row being edited.
    await addTask(page, suite.webUrl, { title: 'Call the plumber', due_at: hoursFromNow(2) });
    await row(page, 'Call the plumber').waitFor(WITHIN_A_POLL);
    expect(await edit.getByLabel('Title').inputValue()).toBe('Water the plants on the balcony');
    expect(await edit.getByLabel('Description').inputValue()).toBe('The ferns twice');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('title');
    expect(await page.locator('[data-testid="task-row"] .task-title').allTextContents()).toEqual(['Call the plumber']);
    await context.close();
  });
});
