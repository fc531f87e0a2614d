import { describe, expect, test } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { signUp } from './support/actions.js';
import { seriousViolations } from './support/axe.js';
import { uniqueEmail, browserSuite } from './support/browser-suite.js';

const suite = browserSuite();

const row = (page: Page, title: string) => page.locator('[data-testid="task-row"]', { hasText: title });
const repeatSelect = (form: Locator) => form.getByRole('combobox', { name: 'Repeat', exact: true });
const repeatEvery = (form: Locator) => form.getByRole('spinbutton');
const validationMessage = (input: Locator) => input.evaluate((element: HTMLInputElement) => element.validationMessage);
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function storedRecurrence(page: Page, id: number): Promise<unknown> {
  return ((await (await page.request.get(`${suite.webUrl}/api/tasks/${id}`)).json()) as { recurrence: unknown })
    .recurrence;
}

describe('repeat every N', () => {
  test('a task repeating every 2 weeks is added on a phone, shown, and edited to every 3 weeks', async () => {
    const { context, page } = await suite.newPage({ width: 375, height: 740 });
    await signUp(page, suite.webUrl, uniqueEmail('rhea'));
    await page.goto(`${suite.webUrl}/tasks`);

    const add = page.getByRole('form', { name: 'Add a task' });
    await add.getByRole('textbox', { name: 'New task' }).fill('Water the ferns');
    await add.getByRole('button', { name: /^More/ }).click();
    // Nothing to count while the task never repeats.
    expect(await repeatEvery(add).isVisible()).toBe(false);
    await repeatSelect(add).selectOption('weekly');
    // Its name says the whole rule, and follows the count.
    await add.getByRole('spinbutton', { name: 'Repeat every 1 week', exact: true }).waitFor();
    const every = repeatEvery(add);
    expect(await scrollsSideways(page)).toBe(false);

    await every.fill('0');
    expect(await validationMessage(every)).toBe('Repeat every: enter a whole number from 1 to 365');
    await every.fill('366');
    expect(await validationMessage(every)).toBe('Repeat every: enter a whole number from 1 to 365');
    await every.fill('2');
    expect(await validationMessage(every)).toBe('');
    await add.getByRole('spinbutton', { name: 'Repeat every 2 weeks', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const added = page.waitForResponse((r) => r.url().endsWith('/api/tasks') && r.request().method() === 'POST');
    await add.getByRole('button', { name: /^Add/ }).click();
    const { id } = (await (await added).json()) as { id: number };
    expect(await storedRecurrence(page, id)).toEqual({ frequency: 'weekly', interval: 2 });
    await row(page, 'Water the ferns').getByText('Repeats every 2 weeks').waitFor();
    // The add form starts over: never repeating, so no count.
    await repeatEvery(add).waitFor({ state: 'hidden' });
    expect(await repeatSelect(add).inputValue()).toBe('none');

    await row(page, 'Water the ferns').getByRole('button', { name: 'Edit "Water the ferns"' }).click();
    const edit = page.getByRole('form', { name: 'Edit Water the ferns' });
    await edit.getByRole('spinbutton', { name: 'Repeat every 2 weeks', exact: true }).waitFor();
    const editEvery = repeatEvery(edit);
    expect(await editEvery.inputValue()).toBe('2');
    expect(await scrollsSideways(page)).toBe(false);
    await editEvery.fill('3');
    await edit.getByRole('button', { name: 'Save' }).click();
    await row(page, 'Water the ferns').getByText('Repeats every 3 weeks').waitFor();
    expect(await storedRecurrence(page, id)).toEqual({ frequency: 'weekly', interval: 3 });
    await context.close();
  });

  test('an invalid count folded away under "Fewer" unfolds on Add and says why; nothing is added', async () => {
    const { context, page } = await suite.newPage({ width: 1280, height: 800 });
    await signUp(page, suite.webUrl, uniqueEmail('ines'));
    await page.goto(`${suite.webUrl}/tasks`);
    const add = page.getByRole('form', { name: 'Add a task' });
    await add.getByRole('textbox', { name: 'New task' }).fill('Oil the hinges');
    await add.getByRole('button', { name: /^More/ }).click();
    await repeatSelect(add).selectOption('monthly');
    await repeatEvery(add).fill('400');
    await add.getByRole('button', { name: /^Fewer/ }).click();
    await repeatEvery(add).waitFor({ state: 'hidden' });

    let posted = false;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/tasks') && request.method() === 'POST') posted = true;
    });
    await add.getByRole('button', { name: /^Add/ }).click();
    // Unfolded, with the browser's focus (and so its message) on the field at fault.
    await repeatEvery(add).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'number');
    expect(await validationMessage(repeatEvery(add))).toBe('Repeat every: enter a whole number from 1 to 365');
    await add.getByRole('button', { name: /^Fewer/ }).waitFor();
    expect(posted).toBe(false);
    await context.close();
  });
});
