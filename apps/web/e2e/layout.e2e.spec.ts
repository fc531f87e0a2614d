import { describe, expect, test } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { addTask, send, signUp } from './support/actions.js';
import { ARTIFACTS, uniqueEmail, browserSuite } from './support/browser-suite.js';

const suite = browserSuite();

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Entirely within the visible part of the page. */
async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = (await locator.boundingBox())!;
  const { width, height } = page.viewportSize()!;
  return box.y >= 0 && box.x >= 0 && box.y + box.height <= height && box.x + box.width <= width;
}

describe('landing page, icons and skip link', () => {
  test('a signed-out visitor gets the landing page with the way in; a signed-in one goes to the chat, until signing out', async () => {
    const { context, page } = await suite.newPage();
    const response = await page.goto(`${suite.webUrl}/`);
    expect({ status: response!.status(), url: page.url() }).toEqual({ status: 200, url: `${suite.webUrl}/` });
    await page.getByRole('heading', { level: 1, name: 'Your to-do list, run by a conversation' }).waitFor();
    const about = await page.locator('main').textContent();
    for (const claim of ['AI assistant', 'Works offline, without keys', 'Kubernetes']) expect(about).toContain(claim);
    await page.getByRole('figure').getByText('Add a task to buy milk tomorrow with high priority').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}landing.png`, fullPage: true });

    await page.getByRole('link', { name: 'Create a free account' }).click();
    await page.waitForURL(/\/sign-up$/);
    await page.goBack();
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in$/);

    const email = uniqueEmail('wendy');
    await signUp(page, suite.webUrl, email);
    await page.goto(`${suite.webUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/chat');
    await page.getByRole('banner').getByText(email).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    await page.goto(`${suite.webUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.goto(`${suite.webUrl}/chat`);
    await page.waitForURL(/\/sign-in\?next=%2Fchat$/);
    await context.close();
  });

  test('the app has a favicon, an apple-touch-icon and a web manifest with icons', async () => {
    const { context, page } = await suite.newPage();
    await page.goto(`${suite.webUrl}/sign-in`);
    const links = await page.evaluate(() =>
      Object.fromEntries(
        [
          ...document.querySelectorAll<HTMLLinkElement>(
            'link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]',
          ),
        ].map((link) => [`${link.rel} ${link.type}`.trim(), new URL(link.href).pathname]),
      ),
    );
    expect(links).toEqual({
      icon: '/favicon.ico',
      'icon image/svg+xml': '/icon.svg',
      'apple-touch-icon': '/apple-touch-icon.png',
      manifest: '/manifest.webmanifest',
    });
    for (const [path, type] of [
      ['/favicon.ico', 'image/x-icon'],
      ['/icon.svg', 'image/svg+xml'],
      ['/apple-touch-icon.png', 'image/png'],
    ]) {
      const icon = await page.request.get(`${suite.webUrl}${path}`);
      expect({ path, status: icon.status(), type: icon.headers()['content-type'] }).toEqual({
        path,
        status: 200,
        type,
      });
    }
    const manifest = (await (await page.request.get(`${suite.webUrl}/manifest.webmanifest`)).json()) as {
      name: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest.name).toBe('Todo Chatbot');
    for (const icon of manifest.icons)
      expect({ src: icon.src, status: (await page.request.get(`${suite.webUrl}${icon.src}`)).status() }).toEqual({
        src: icon.src,
        status: 200,
      });
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    await context.close();
  });

  test('on every page the first Tab stop is the skip link, which moves the focus to the main content', async () => {
    const { context, page } = await suite.newPage();
    const visit = async (path: string) => {
      await page.goto(`${suite.webUrl}${path}`);
      await page.waitForLoadState('networkidle');
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.textContent);
      await page.keyboard.press('Enter');
      const focusedAfter = await page.evaluate(() => document.activeElement?.id);
      return { path, first, focusedAfter };
    };
    for (const path of ['/', '/sign-in', '/sign-up'])
      expect(await visit(path)).toEqual({ path, first: 'Skip to main content', focusedAfter: 'main' });
    await signUp(page, suite.webUrl, uniqueEmail('xena'));
    for (const path of ['/chat', '/tasks'])
      expect(await visit(path)).toEqual({ path, first: 'Skip to main content', focusedAfter: 'main' });
    await context.close();
  });
});

describe('on a 375 px phone', () => {
  test('the composer stays on screen, also with the keyboard up; the page never scrolls sideways', async () => {
    const { context, page } = await suite.newPage({ width: 375, height: 740 });
    await signUp(page, suite.webUrl, uniqueEmail('yann'));
    for (let n = 1; n <= 6; n += 1) await send(page, `add a task to try phone layout number ${n}`);
    const composer = [page.getByRole('textbox', { name: 'Message' }), page.getByRole('button', { name: 'Send' })];
    for (const control of composer) expect(await onScreen(page, control)).toBe(true);
    // The newest reply is in view, and it is the list that scrolled, not the page.
    expect(await onScreen(page, page.locator('.message-assistant').last())).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}phone-chat.png` });

    // The on-screen keyboard takes the lower half (the layout viewport shrinks: interactive-widget).
    await page.setViewportSize({ width: 375, height: 360 });
    for (const control of composer) expect(await onScreen(page, control)).toBe(true);

    await page.setViewportSize({ width: 375, height: 740 });
    for (const path of ['/chat', '/tasks']) {
      await page.goto(`${suite.webUrl}${path}`);
      await page.waitForLoadState('networkidle');
      expect({ path, overflow: await horizontalOverflow(page) }).toEqual({ path, overflow: 0 });
    }
    await context.clearCookies();
    for (const path of ['/', '/sign-in', '/sign-up']) {
      await page.goto(`${suite.webUrl}${path}`);
      expect({ path, overflow: await horizontalOverflow(page) }).toEqual({ path, overflow: 0 });
    }
    await context.close();
  });

  test('the first task is on the first screen of /tasks, and each page starts at the top', async () => {
    const { context, page } = await suite.newPage({ width: 375, height: 667 });
    await signUp(page, suite.webUrl, uniqueEmail('zoe'));
    for (let n = 1; n <= 12; n += 1) await addTask(page, suite.webUrl, { title: `Phone task ${n}`, tags: ['phone'] });
    await send(page, 'list my tasks');
    await page.goto(`${suite.webUrl}/tasks`);
    const first = page.locator('[data-testid="task-row"]').first();
    await first.waitFor();
    expect(await onScreen(page, first)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}phone-tasks.png` });

    // Scrolled to the bottom of the tasks, going to the chat and back starts each page at the top.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Chat', exact: true }).click();
    await page.waitForURL(/\/chat/);
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.getByRole('link', { name: 'Tasks' }).click();
    await page.waitForURL(/\/tasks/);
    await first.waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await context.close();
  });
});
