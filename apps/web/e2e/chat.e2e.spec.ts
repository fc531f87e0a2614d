import { describe, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { send, signUp } from './support/actions.js';
import { uniqueEmail, browserSuite } from './support/browser-suite.js';
import { type ScriptedTurn, sseBody, startHeldStream } from './support/sse-server.js';

const suite = browserSuite();

/** What a model might answer: every kind of Markdown, and things a reply must never get to do. */
const MARKDOWN_REPLY = [
  'Here are your tasks:',
  '',
  '1. **Buy milk** — due `tomorrow`',
  '2. Call [John](https://example.com/john)',
  '',
  '| task | priority |',
  '|---|---|',
  '| Buy milk | high |',
  '',
  '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>',
  '[click me](javascript:window.__pwned=3) ![tracker](https://tracker.example/pixel.png)',
].join('\n');

function scripted(response: string): ScriptedTurn {
  return {
    events: [
      { event: 'delta', data: { text: response } },
      {
        event: 'done',
        data: { conversation_id: '00000000-0000-4000-8000-000000000001', response, tool_calls: [] },
      },
    ],
  };
}

/** The model's reply is played at the network boundary: the page streams it as it would the api's. */
async function replyWith(page: Page, response: string): Promise<void> {
  await page.route('**/api/chat/stream', (route) =>
    route.fulfill({ status: 200, contentType: 'text/event-stream', body: sseBody(scripted(response)) }),
  );
}

describe('chat replies', () => {
  test('are rendered as Markdown (lists, bold, code, links, tables) and nothing in them runs or loads', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('mona'));
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await replyWith(page, MARKDOWN_REPLY);
    await send(page, 'what is on my list?');

    const reply = page.locator('.message-assistant .markdown').last();
    expect(await reply.locator('ol > li').allTextContents()).toEqual(['Buy milk — due tomorrow', 'Call John']);
    expect(await reply.locator('ol > li strong').textContent()).toBe('Buy milk');
    expect(await reply.locator('ol > li code').textContent()).toBe('tomorrow');
    expect(await reply.locator('table th').allTextContents()).toEqual(['task', 'priority']);
    expect(await reply.locator('table td').allTextContents()).toEqual(['Buy milk', 'high']);
    const link = reply.getByRole('link', { name: 'John' });
    expect({
      href: await link.getAttribute('href'),
      target: await link.getAttribute('target'),
      rel: await link.getAttribute('rel'),
    }).toEqual({ href: 'https://example.com/john', target: '_blank', rel: 'noopener noreferrer' });

    // Raw HTML is shown as text, a javascript: link is no link, an image is offered as a link, not loaded.
    expect(await reply.textContent()).toContain('<script>window.__pwned=2</script>');
    expect(await reply.locator('img, script').count()).toBe(0);
    expect(await reply.getByRole('link', { name: 'click me' }).count()).toBe(0);
    expect(await reply.getByRole('link', { name: 'tracker' }).getAttribute('href')).toBe(
      'https://tracker.example/pixel.png',
    );
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(requested.filter((url) => url.includes('tracker.example'))).toEqual([]);
    await context.close();
  });

  test('stream through the web uncompressed, event by event, while its pages are gzip-compressed', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('gzip'));
    const gzip = { 'accept-encoding': 'gzip' };
    const chatPage = await page.request.get(`${suite.webUrl}/chat`, { headers: gzip });
    expect(chatPage.headers()['content-encoding']).toBe('gzip');

    const turn = await page.request.post(`${suite.webUrl}/api/chat/stream`, {
      headers: { ...gzip, origin: suite.webUrl, accept: 'text/event-stream' },
      data: { message: 'list my tasks', client_message_id: 'uncompressed-1' },
    });
    expect(turn.status()).toBe(200);
    expect(turn.headers()['content-type']).toMatch(/^text\/event-stream/);
    expect(turn.headers()['content-encoding']).toBeUndefined();
    expect(await turn.text()).toMatch(/^event: start\n[\s\S]*\nevent: done\n/);
    await context.close();
  });

  test('Copy puts the reply on the clipboard, as its Markdown, and says so', async () => {
    const { context, page } = await suite.newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.webUrl });
    await signUp(page, suite.webUrl, uniqueEmail('nick'));
    const source = 'Your **next** task:\n\n- Renew the passport';
    await replyWith(page, source);
    await send(page, 'what is next?');
    const reply = page.locator('.message-assistant').last();

    await reply.getByRole('button', { name: 'Copy' }).click();
    await reply.getByRole('button', { name: 'Copied' }).waitFor();
    await reply.getByRole('status').filter({ hasText: 'Reply copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(source);
    await context.close();
  });

  test('Stop aborts the streaming request and keeps the partial reply, marked stopped', async () => {
    const held = await startHeldStream({
      events: [
        { event: 'tool_call', data: { name: 'list_tasks', arguments: {}, result: { count: 2 }, is_error: false } },
        { event: 'delta', data: { text: 'You have **two** tasks:\n\n- Buy milk' } },
      ],
    });
    try {
      const { context, page } = await suite.newPage();
      await signUp(page, suite.webUrl, uniqueEmail('olga'));
      // The browser's request goes to the held stream instead of the api, unseen by the page.
      await page.route('**/api/chat/stream', (route) => route.continue({ url: held.url }));
      const aborted = page.waitForEvent('requestfailed', (request) => request.url().endsWith('/api/chat/stream'));

      await page.getByRole('textbox', { name: /message/i }).fill('list my tasks');
      await page.getByRole('button', { name: 'Send' }).click();
      const reply = page.locator('.message-assistant').last();
      await reply.locator('.markdown li').filter({ hasText: 'Buy milk' }).waitFor();
      await page.getByRole('button', { name: 'Stop' }).click();

      expect((await aborted).failure()?.errorText).toBe('net::ERR_ABORTED');
      await held.closed;
      await reply.getByText('Stopped', { exact: true }).waitFor();
      expect(await reply.locator('.markdown strong').textContent()).toBe('two');
      expect(await reply.locator('.chip').textContent()).toBe('list_tasks · 2 tasks');
      expect(await reply.getByRole('alert').count()).toBe(0);
      // The composer is ready for the next message, with the focus in it.
      await page.getByRole('button', { name: 'Send' }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Message');
      await context.close();
    } finally {
      await held.stop();
    }
  });

  test('a finished reply is announced once in a live region, and the message list is a labelled, focusable region', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('pete'));
    await send(page, 'add a task to book the dentist');
    const live = page.locator('[aria-live="polite"]').filter({ hasText: /^Assistant: / });
    expect(await live.textContent()).toMatch(/^Assistant: .*book the dentist/i);

    const list = page.getByRole('region', { name: 'Messages' });
    expect(await list.getAttribute('tabindex')).toBe('0');
    await list.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Messages');
    expect(await list.getByRole('list', { name: 'Chat history' }).getByRole('listitem').count()).toBeGreaterThan(1);
    await context.close();
  });

  test('Edit and resend replaces the last message: the old turn is hidden (after a reload too), its task change kept and said so', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('edna'));
    await send(page, 'add pay the rent');
    await send(page, 'add buy milk');
    // Only the last message offers Edit.
    expect(await page.getByRole('button', { name: 'Edit message' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Edit message' }).click();
    const box = page.getByRole('textbox', { name: 'Edited message' });
    expect(await box.inputValue()).toBe('add buy milk');
    await box.fill('add buy oat milk');
    await box.press('Enter');
    const note = page.getByText('The task changes of the message you edited were kept. Say “undo” to revert them.');
    await note.waitFor();
    await page
      .locator('.message-assistant')
      .last()
      .getByText(/buy oat milk/)
      .waitFor();
    await page.getByRole('button', { name: 'Send' }).waitFor();

    const turns = async () => page.locator('.message-user .bubble').allTextContents();
    expect(await turns()).toEqual(['add pay the rent', 'add buy oat milk']);
    await page.reload();
    await page.locator('.message-assistant').nth(1).waitFor();
    expect(await turns()).toEqual(['add pay the rent', 'add buy oat milk']);
    expect(await page.locator('.message-assistant').count()).toBe(2);

    // The replaced turn's task is still there, as the note said; "undo" reverts the last change.
    await page.goto(`${suite.webUrl}/tasks`);
    const titles = page.locator('.task-title');
    await titles.filter({ hasText: 'buy oat milk' }).waitFor();
    expect((await titles.allTextContents()).sort()).toEqual(['buy milk', 'buy oat milk', 'pay the rent']);
    await context.close();
  });
});
