import { afterAll, afterEach, beforeAll, expect } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../../test/support/browser.js';
import { type Stack, startStack } from '../../test/support/stack.js';

/** Screenshots of every run land here (a CI artifact); docs/ keeps one of each for the README. */
export const ARTIFACTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
export const PASSWORD = 'correct-horse-battery';

export const uniqueEmail = (who: string) => `${who}-${Date.now()}@example.test`;

export interface PageOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
}

export interface BrowserSuite {
  readonly webUrl: string;
  readonly browser: Browser;
  newPage(options?: PageOptions): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * The real api and web servers and Debian's Chromium for one test file. Each test fails if the browser
 * reported anything against the CSP, or a page error, while it ran. `apiEnv` is read when the suite
 * starts (e.g. a model's LLM_BASE_URL for the agent engine).
 */
export function browserSuite(apiEnv: () => Record<string, string> = () => ({})): BrowserSuite {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let visitors = 0;
  let violations: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // The browser stands behind a local proxy: each visitor's X-Forwarded-For is believed.
    [stack, browser] = await Promise.all([startStack({ TRUSTED_PROXIES: '127.0.0.1,::1' }, apiEnv()), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  afterEach(() => {
    const seen = violations;
    violations = [];
    expect(seen).toEqual([]);
  });

  return {
    get webUrl() {
      return stack!.webUrl;
    },
    get browser() {
      return browser!;
    },
    /**
     * A browser of its own for each visitor, coming from an address of its own: better-auth limits sign-ups
     * and sign-ins per client address, and these visitors are different people.
     */
    async newPage({ width = 1280, height = 800, colorScheme = 'light' } = {}) {
      visitors += 1;
      const context = await browser!.newContext({
        viewport: { width, height },
        colorScheme,
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
    },
  };
}
