import { describe, expect, test } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { addTask, hoursFromNow, signUp } from './support/actions.js';
import { seriousViolations } from './support/axe.js';
import { PASSWORD, uniqueEmail, browserSuite } from './support/browser-suite.js';

const suite = browserSuite();

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const box = async (locator: Locator) => (await locator.boundingBox())!;

/**
 * Reminders due now, made while no app page is open: one polling meanwhile would show and acknowledge them.
 * Returns their tasks' ids.
 */
async function dueReminders(page: Page, titles: string[]): Promise<number[]> {
  await page.goto('about:blank');
  const ids: number[] = [];
  for (const title of titles) ids.push(await addTask(page, suite.webUrl, { title, remind_at: hoursFromNow(-0.1) }));
  return ids;
}

describe('reminder toasts', () => {
  test('never cover the composer or Send, at any width', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('tara'));
    for (const [width, height] of [
      [375, 667],
      [768, 1024],
      [1280, 800],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width, height });
      const titles = [1, 2, 3].map((n) => `Reminder ${n} at ${width} px`);
      await dueReminders(page, titles);
      await page.goto(`${suite.webUrl}/chat`);
      const toasts = page.getByRole('status').filter({ hasText: `at ${width} px` });
      await toasts.nth(2).waitFor();
      const covered = [
        await box(page.getByRole('textbox', { name: 'Message' })),
        await box(page.getByRole('button', { name: 'Send' })),
      ];
      for (let index = 0; index < 3; index += 1) {
        const toast = await box(toasts.nth(index));
        expect({ width, index, overlaps: covered.some((control) => overlaps(toast, control)) }).toEqual({
          width,
          index,
          overlaps: false,
        });
      }
    }
    await context.close();
  });

  test('can be dismissed, go away by themselves, and the ones that did are listed as missed', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('ugo'));
    await dueReminders(page, ['Water the plants', 'Call the bank']);
    await page.goto(`${suite.webUrl}/tasks`);
    const plants = page.getByRole('status').filter({ hasText: 'Reminder: Water the plants' });
    const bank = page.getByRole('status').filter({ hasText: 'Reminder: Call the bank' });
    await plants.waitFor();
    await bank.waitFor();

    await page.getByRole('button', { name: 'Dismiss reminder for Water the plants' }).click();
    await plants.waitFor({ state: 'detached' });
    // The pointer leaves the toasts (one resting on a toast holds it, as for someone reading it).
    await page.mouse.move(1, 400);
    // Left alone, the other one goes away by itself, and is then listed as missed.
    await bank.waitFor({ state: 'detached', timeout: 30_000 });
    const missed = page.getByRole('button', { name: 'Missed reminders (1)' });
    await missed.click();
    const list = page.getByRole('region', { name: 'Missed reminders' });
    expect(await list.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Call the bank')]);
    await list.getByRole('button', { name: 'Clear missed reminder for Call the bank' }).click();
    await missed.waitFor({ state: 'detached' });
    await context.close();
  });

  test('missed reminders are kept by the api: they survive a reload, show in another browser, and go when cleared', async () => {
    const { context, page } = await suite.newPage();
    const email = uniqueEmail('wren');
    await signUp(page, suite.webUrl, email);
    await dueReminders(page, ['Renew passport', 'Book dentist']);
    await page.goto(`${suite.webUrl}/tasks`);
    const toasts = page.getByRole('status').filter({ hasText: /^Reminder: / });
    await toasts.nth(1).waitFor();
    await page.mouse.move(1, 400);
    await toasts.first().waitFor({ state: 'detached', timeout: 30_000 });
    const missedTwo = page.getByRole('button', { name: 'Missed reminders (2)' });
    await missedTwo.waitFor();

    const missedList = (on: Page) => on.getByRole('region', { name: 'Missed reminders' });
    const listed = async (on: Page) => (await missedList(on).getByRole('listitem').allTextContents()).sort();
    const both = [expect.stringContaining('Book dentist'), expect.stringContaining('Renew passport')];

    await page.reload();
    await missedTwo.click();
    expect(await listed(page)).toEqual(both);

    // The same user in another browser sees the same list.
    const other = await suite.newPage();
    await other.page.goto(`${suite.webUrl}/sign-in`);
    await other.page.getByLabel('Email').fill(email);
    await other.page.getByLabel('Password').fill(PASSWORD);
    await other.page.getByRole('button', { name: 'Sign in' }).click();
    await other.page.getByRole('button', { name: 'Missed reminders (2)' }).click();
    expect(await listed(other.page)).toEqual(both);
    await other.context.close();

    // Clearing fails while the api cannot be told: the reminder comes back, with a message.
    await page.route('**/api/reminders/dismiss', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{"message":"Try again later."}' }),
    );
    const clearPassport = missedList(page).getByRole('button', { name: 'Clear missed reminder for Renew passport' });
    await clearPassport.click();
    await page.getByRole('alert').filter({ hasText: 'Could not clear the reminder: Try again later.' }).waitFor();
    expect(await listed(page)).toEqual(both);
    expect(await seriousViolations(page)).toEqual([]);
    await page.unroute('**/api/reminders/dismiss');

    const dismissed = page.waitForResponse((response) => response.url().endsWith('/api/reminders/dismiss'));
    await clearPassport.click();
    const missedOne = page.getByRole('button', { name: 'Missed reminders (1)' });
    await missedOne.waitFor();
    expect((await dismissed).status()).toBe(200);

    await page.reload();
    await missedOne.click();
    expect(await listed(page)).toEqual([expect.stringContaining('Book dentist')]);
    await context.close();
  });

  test('a missed reminder leaves the list as soon as its task is completed or deleted', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('otto'));
    await dueReminders(page, ['Pay rent', 'Feed the cat']);
    await page.goto(`${suite.webUrl}/tasks`);
    await page.mouse.move(1, 400);
    const missedTwo = page.getByRole('button', { name: 'Missed reminders (2)' });
    await missedTwo.waitFor({ timeout: 30_000 });

    const row = (title: string) => page.locator('[data-testid="task-row"]', { hasText: title });
    await row('Pay rent').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Missed reminders (1)' }).waitFor();
    page.on('dialog', (dialog) => void dialog.accept());
    await row('Feed the cat').getByRole('button', { name: 'Delete "Feed the cat"' }).click();
    await page.getByRole('button', { name: /^Missed reminders/ }).waitFor({ state: 'detached' });
    await context.close();
  });

  test('a missed reminder whose task is completed outside the browser leaves the list with the next poll', async () => {
    const { context, page } = await suite.newPage();
    // The reminder poll (every 30 s) is brought forward below rather than waited for.
    await context.clock.install();
    await signUp(page, suite.webUrl, uniqueEmail('mona'));
    const [id] = await dueReminders(page, ['Return the books']);
    await page.goto(`${suite.webUrl}/tasks`);
    await page.mouse.move(1, 400);
    const missedOne = page.getByRole('button', { name: 'Missed reminders (1)' });
    await missedOne.waitFor({ timeout: 30_000 });

    // Through the BFF with the user's cookie, not from the page: as an MCP client or another device would.
    const completed = await page.request.post(`${suite.webUrl}/api/tasks/${id}/complete`, {
      headers: { origin: suite.webUrl },
      data: { completed: true },
    });
    expect(completed.status()).toBe(200);
    await page.clock.fastForward(30_000);
    await missedOne.waitFor({ state: 'detached' });
    await context.close();
  });

  test('a toast being read (hovered or focused) stays', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('vera'));
    await dueReminders(page, ['Feed the cat']);
    await page.goto(`${suite.webUrl}/tasks`);
    const toast = page.getByRole('status').filter({ hasText: 'Reminder: Feed the cat' });
    await toast.waitFor();
    await page.getByRole('button', { name: 'Dismiss reminder for Feed the cat' }).focus();
    // Well past the time a toast stays unattended (8 s): held by the focus, it is still there.
    await page.waitForTimeout(10_000);
    expect(await toast.isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'New task' }).focus();
    await toast.waitFor({ state: 'detached', timeout: 30_000 });
    await context.close();
  });
});
