import { describe, expect, test } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { addTask, hoursFromNow, send, signUp } from './support/actions.js';
import { seriousViolations } from './support/axe.js';
import { ARTIFACTS, uniqueEmail, browserSuite } from './support/browser-suite.js';
import { lighthouse } from './support/lighthouse.js';

const suite = browserSuite();

/** The budget for the JavaScript /chat loads (gzip), its Markdown renderer included. */
const CHAT_JS_BUDGET = 170_000;

const VIEWPORTS = [
  { name: 'phone', width: 375, height: 740 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

/** A user with tasks (one overdue, one done) and a conversation with replies. */
async function userWithContent(page: Page): Promise<string> {
  await signUp(page, suite.webUrl, uniqueEmail('axel'));
  await addTask(page, suite.webUrl, {
    title: 'Pay the rent',
    due_at: hoursFromNow(-5),
    priority: 'high',
    tags: ['home'],
  });
  await addTask(page, suite.webUrl, { title: 'Plan the trip', due_at: hoursFromNow(30), remind_at: hoursFromNow(29) });
  await send(page, 'add a task to buy milk tomorrow with high priority');
  await send(page, 'show my tasks');
  return page.url();
}

/** Every page loaded at each width in each color scheme: zero serious or critical axe violations. */
async function axeEverywhere(page: Page, paths: string[], extra?: (path: string) => Promise<void>) {
  const found: Record<string, string[]> = {};
  for (const colorScheme of SCHEMES)
    for (const { name, width, height } of VIEWPORTS) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height });
      for (const path of paths) {
        await page.goto(`${suite.webUrl}${path}`);
        await page.waitForLoadState('networkidle');
        await extra?.(path);
        found[`${path} ${colorScheme} ${name}`] = await seriousViolations(page);
      }
    }
  return found;
}

const clean = (found: Record<string, string[]>) =>
  Object.fromEntries(Object.keys(found).map((key) => [key, [] as string[]]));

describe('quality', () => {
  test('axe-core: no serious or critical violation on any page, light and dark, at 375 px and desktop', async () => {
    const visitor = await suite.newPage();
    const signedOut = await axeEverywhere(visitor.page, ['/', '/sign-in', '/sign-up']);
    await visitor.context.close();
    expect(signedOut).toEqual(clean(signedOut));

    const { context, page } = await suite.newPage();
    const conversation = new URL(await userWithContent(page));
    const chat = `/chat${conversation.search}`;
    const signedIn = await axeEverywhere(page, [chat, '/tasks', '/account'], async (path) => {
      if (path === chat) await page.locator('.message-assistant .markdown').last().waitFor();
      // The task view with its add form's options open, the filters unfolded (phones), and a row in edit mode.
      if (path === '/tasks') {
        await page.getByRole('button', { name: /^More/ }).click();
        const filters = page.getByRole('button', { name: 'Filter and sort' });
        if (await filters.isVisible()) await filters.click();
        await page.getByRole('button', { name: 'Edit "Plan the trip"' }).click();
      }
    });
    expect(signedIn).toEqual(clean(signedIn));
    await context.close();
  });

  test(`the JavaScript /chat loads is at most ${CHAT_JS_BUDGET / 1000} KB gzip`, async () => {
    const { context, page } = await suite.newPage();
    const conversation = await userWithContent(page);
    await page.screenshot({ path: `${ARTIFACTS}desktop-chat.png` });
    const scripts: Response[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response);
    });
    await page.goto(conversation);
    await page.locator('.message-assistant .markdown').last().waitFor();
    await page.waitForLoadState('networkidle');
    let gzipBytes = 0;
    for (const script of scripts) gzipBytes += gzipSync(await script.body()).length;
    console.log(`/chat first-load JavaScript: ${scripts.length} files, ${gzipBytes} bytes gzip`);
    expect(gzipBytes).toBeLessThanOrEqual(CHAT_JS_BUDGET);
    await context.close();
  });

  test('Lighthouse (desktop): accessibility and best practices 100 on /, /sign-in, /chat and /tasks', async () => {
    const { context, page } = await suite.newPage();
    const conversation = new URL(await userWithContent(page));
    const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
    await context.close();

    const results: Record<string, { accessibility: number; 'best-practices': number; failing: string[] }> = {};
    for (const [path, signedIn] of [
      ['/', false],
      ['/sign-in', false],
      [`/chat${conversation.search}`, true],
      ['/tasks', true],
    ] as const) {
      const { performance, ...asserted } = await lighthouse(`${suite.webUrl}${path}`, signedIn ? cookie : undefined);
      console.log(`Lighthouse ${path}: ${JSON.stringify({ performance, ...asserted })}`);
      results[path] = asserted;
    }
    expect(results).toEqual(
      Object.fromEntries(
        Object.keys(results).map((path) => [path, { accessibility: 100, 'best-practices': 100, failing: [] }]),
      ),
    );
  }, 300_000);
});
