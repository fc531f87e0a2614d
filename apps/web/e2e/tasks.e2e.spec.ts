import { describe, expect, test } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { addTask, hoursFromNow, signUp } from './support/actions.js';
import { uniqueEmail, browserSuite } from './support/browser-suite.js';

const suite = browserSuite();

interface StoredTask {
  id: number;
  title: string;
  description: string | null;
  priority: string;
  tags: string[];
  due_at: string | null;
  remind_at: string | null;
  recurrence: { frequency: string; interval: number } | null;
}

async function stored(page: Page, id: number): Promise<StoredTask> {
  return (await (await page.request.get(`${suite.webUrl}/api/tasks/${id}`)).json()) as StoredTask;
}

const row = (page: Page, title: string) => page.locator('[data-testid="task-row"]', { hasText: title });
const titles = (page: Page) => page.locator('[data-testid="task-row"] .task-title').allTextContents();
const focusedTaskId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[data-task-id]')?.getAttribute('data-task-id') ?? null);

async function centreY(locator: Locator): Promise<number> {
  const box = (await locator.boundingBox())!;
  return Math.round(box.y + box.height / 2);
}

/** The quick add form's title, More options and Add task sit on one line. */
async function quickAddIsOneLine(page: Page): Promise<boolean> {
  const form = page.getByRole('form', { name: 'Add a task' });
  const lines = new Set([
    await centreY(form.getByRole('textbox', { name: 'New task' })),
    await centreY(form.getByRole('button', { name: /^More/ })),
    await centreY(form.getByRole('button', { name: /^Add/ })),
  ]);
  return lines.size === 1;
}

describe('the task view', () => {
  test('quick add is one line (desktop and phone); its options and the edit form both have every field', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('quinn'));
    await page.goto(`${suite.webUrl}/tasks`);
    expect(await quickAddIsOneLine(page)).toBe(true);
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await quickAddIsOneLine(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });

    const form = page.getByRole('form', { name: 'Add a task' });
    await form.getByRole('textbox', { name: 'New task' }).fill('Buy milk');
    await form.getByRole('button', { name: 'More options' }).click();
    await form.getByLabel('Description').fill('Two litres, semi-skimmed');
    await form.getByLabel('Priority').selectOption('high');
    await form.getByLabel('Tags').fill('home, errands');
    await form.getByLabel('Due').fill('2031-05-01T09:30');
    await form.getByLabel('Reminder').fill('2031-05-01T08:00');
    await form.getByRole('combobox', { name: 'Repeat' }).selectOption('weekly');
    const added = page.waitForResponse((r) => r.url().endsWith('/api/tasks') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Add task' }).click();
    const { id } = (await (await added).json()) as { id: number };
    expect(await stored(page, id)).toMatchObject({
      title: 'Buy milk',
      description: 'Two litres, semi-skimmed',
      priority: 'high',
      tags: ['home', 'errands'],
      due_at: '2031-05-01T09:30:00.000Z',
      remind_at: '2031-05-01T08:00:00.000Z',
      recurrence: { frequency: 'weekly', interval: 1 },
    });
    const shown = row(page, 'Buy milk');
    await shown.getByText('Repeats weekly').waitFor();
    expect(await shown.textContent()).toContain('Reminder 1 May 2031, 08:00');

    await shown.getByRole('button', { name: 'Edit "Buy milk"' }).click();
    const edit = page.getByRole('form', { name: 'Edit Buy milk' });
    expect({
      title: await edit.getByLabel('Title').inputValue(),
      description: await edit.getByLabel('Description').inputValue(),
      priority: await edit.getByLabel('Priority').inputValue(),
      tags: await edit.getByLabel('Tags').inputValue(),
      due: await edit.getByLabel('Due').inputValue(),
      reminder: await edit.getByLabel('Reminder').inputValue(),
      repeat: await edit.getByRole('combobox', { name: 'Repeat' }).inputValue(),
    }).toEqual({
      title: 'Buy milk',
      description: 'Two litres, semi-skimmed',
      priority: 'high',
      tags: 'home, errands',
      due: '2031-05-01T09:30',
      reminder: '2031-05-01T08:00',
      repeat: 'weekly',
    });
    await edit.getByLabel('Reminder').fill('2031-05-01T07:15');
    await edit.getByRole('combobox', { name: 'Repeat' }).selectOption('monthly');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/tasks/${id}`) && r.request().method() === 'PATCH');
    await edit.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    expect(await stored(page, id)).toMatchObject({
      remind_at: '2031-05-01T07:15:00.000Z',
      recurrence: { frequency: 'monthly', interval: 1 },
    });
    // Back from the editor, the focus is on the row's Edit button, not lost to the page.
    await shown.getByText('Repeats monthly').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit "Buy milk"');
    await context.close();
  });

  test('sorts overdue and soonest due first, then no due date, then done; says when the list is empty', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('ruth'));
    await page.goto(`${suite.webUrl}/tasks`);
    await page.getByRole('heading', { name: 'No tasks yet' }).waitFor();
    await page.getByRole('link', { name: 'ask the chat' }).waitFor();

    await addTask(page, suite.webUrl, { title: 'No date' });
    await addTask(page, suite.webUrl, { title: 'Next week', due_at: hoursFromNow(24 * 7) });
    await addTask(page, suite.webUrl, { title: 'Overdue', due_at: hoursFromNow(-24) });
    const done = await addTask(page, suite.webUrl, { title: 'Done long ago', due_at: hoursFromNow(-48) });
    await addTask(page, suite.webUrl, { title: 'Tomorrow', due_at: hoursFromNow(24) });
    const completed = await page.request.post(`${suite.webUrl}/api/tasks/${done}/complete`, {
      headers: { origin: suite.webUrl },
      data: { completed: true },
    });
    expect(completed.status()).toBe(200);

    await page.reload();
    await row(page, 'Tomorrow').waitFor();
    expect(await titles(page)).toEqual(['Overdue', 'Tomorrow', 'Next week', 'No date', 'Done long ago']);
    expect(await page.getByLabel('Sort by').inputValue()).toBe('due_at');

    await page.getByLabel('Search').fill('nothing like this');
    await page.getByRole('heading', { name: 'No tasks match these filters' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await row(page, 'Overdue').waitFor();
    expect(await page.getByLabel('Search').inputValue()).toBe('');
    await context.close();
  });

  test('after complete or delete the focus stays on the row, or moves to the next one', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('sven'));
    const ids: number[] = [];
    for (const hours of [1, 2, 3, 4])
      ids.push(await addTask(page, suite.webUrl, { title: `Step ${hours}`, due_at: hoursFromNow(hours) }));
    await page.goto(`${suite.webUrl}/tasks`);
    await row(page, 'Step 4').waitFor();
    const answered = (path: RegExp) => page.waitForResponse((r) => path.test(new URL(r.url()).pathname));

    // Completed in the list of all tasks: the row stays (it moves down among the done) and keeps the focus.
    await row(page, 'Step 1').getByRole('checkbox').focus();
    let response = answered(/\/complete$/);
    await page.keyboard.press('Space');
    await response;
    await page.waitForFunction(
      () => document.querySelector('[data-task-id]:last-child .task-title')?.textContent === 'Step 1',
    );
    expect(await focusedTaskId(page)).toBe(String(ids[0]));

    // Among pending tasks only, a completed row leaves the list: the next row takes the focus.
    await page.getByLabel('Status').selectOption('pending');
    await page.waitForFunction(() => document.querySelectorAll('[data-task-id]').length === 3);
    await row(page, 'Step 2').getByRole('checkbox').focus();
    response = answered(/\/complete$/);
    await page.keyboard.press('Space');
    await response;
    await page.waitForFunction(() => document.querySelectorAll('[data-task-id]').length === 2);
    expect(await focusedTaskId(page)).toBe(String(ids[2]));

    page.on('dialog', (dialog) => void dialog.accept());
    await row(page, 'Step 3').getByRole('button', { name: 'Delete "Step 3"' }).focus();
    response = answered(new RegExp(`/api/tasks/${ids[2]}$`));
    await page.keyboard.press('Enter');
    await response;
    await page.waitForFunction(() => document.querySelectorAll('[data-task-id]').length === 1);
    expect(await focusedTaskId(page)).toBe(String(ids[3]));

    // The last row gone, the focus goes to the page's main region rather than being lost.
    await row(page, 'Step 4').getByRole('button', { name: 'Delete "Step 4"' }).focus();
    response = answered(new RegExp(`/api/tasks/${ids[3]}$`));
    await page.keyboard.press('Enter');
    await response;
    await page.getByRole('heading', { name: 'No tasks match these filters' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });
});
