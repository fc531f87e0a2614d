import { afterAll, describe, expect, test } from '@jest/globals';
import { numberedWords, startMockLlm, storyScript } from '@todo-chatbot/testing/mock-llm';
import { send, signUp } from './support/actions.js';
import { browserSuite, uniqueEmail } from './support/browser-suite.js';

/** A reply long enough to stop in the middle of, streamed word by word. */
const STORY = numberedWords(80);

// The agent engine, with a model that writes a word every 60 ms: slow enough to stop.
const model = await startMockLlm({ script: storyScript(STORY), streamGapMs: 60 });
afterAll(() => model.close());
const suite = browserSuite(() => ({ LLM_BASE_URL: model.baseUrl, LLM_MODEL: 'mock-model' }));

describe('stopping a reply, end to end (browser → web → api → model)', () => {
  test('the first turn puts its conversation in the URL at once; a stopped reply is kept on the server, marked stopped', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('stan'));

    await page.getByRole('textbox', { name: 'Message' }).fill('add a story book');
    await page.getByRole('button', { name: 'Send' }).click();
    const reply = page.locator('.message-assistant').last();
    await reply.locator('.markdown').filter({ hasText: 'word5' }).waitFor();
    // Known before the reply ends: the conversation the turn opened.
    await page.waitForURL(/\/chat\?c=[0-9a-f-]{36}$/);
    const conversationUrl = page.url();
    await page.getByRole('button', { name: 'Stop' }).click();
    await reply.getByText('Stopped', { exact: true }).waitFor();
    const shown = (await reply.locator('.markdown').textContent())!;

    // After a reload the reply is what the api stored: the words written before the stop, not the whole story.
    await page.reload();
    const stored = page.locator('.message-assistant').last();
    await stored.getByText('Stopped', { exact: true }).waitFor();
    const storedText = (await stored.locator('.markdown').textContent())!;
    expect(storedText.startsWith(shown)).toBe(true);
    expect(STORY.startsWith(storedText)).toBe(true);
    expect(storedText.length).toBeLessThan(STORY.length);
    expect(await stored.locator('.chip').textContent()).toMatch(/^add_task/);

    // The next message continues the same conversation.
    await send(page, 'go on');
    expect(page.url()).toBe(conversationUrl);
    expect(await page.locator('#conversation-links > li').count()).toBe(1);
    await page.locator('.message-assistant').last().getByText('You said: go on').waitFor();
    await context.close();
  });
});
