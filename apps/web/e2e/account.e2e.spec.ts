import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { send, signUp } from './support/actions.js';
import { browserSuite, PASSWORD, uniqueEmail } from './support/browser-suite.js';

const suite = browserSuite();
const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
beforeAll(() => db.connect());
afterAll(() => db.end());

const NEW_PASSWORD = 'staple-orbit-lantern-42';

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${suite.webUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The rows of the user in each api table that has a user_id column. */
async function apiRowsOf(userId: string): Promise<Record<string, number>> {
  const { rows: tables } = await db.query<{ table_name: string }>(
    `select table_name from information_schema.columns
      where table_schema = current_schema() and column_name = 'user_id' order by table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from "${table_name}" where user_id = $1`,
      [userId],
    );
    counts[table_name] = rows[0]!.n;
  }
  return counts;
}

describe('your data, your control', () => {
  test('a conversation is renamed in place and deleted after a confirmation', async () => {
    const { context, page } = await suite.newPage();
    await signUp(page, suite.webUrl, uniqueEmail('rita'));
    await send(page, 'add a task to buy milk');
    const list = page.locator('#conversation-links');
    await page.getByRole('button', { name: /^Rename / }).click();
    await page.getByLabel('Conversation title').fill('Groceries');
    await page.getByRole('button', { name: 'Save' }).click();
    await list.getByRole('link', { name: 'Groceries' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Groceries' }).waitFor();

    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.locator('.message-assistant').first().waitFor({ state: 'detached' });
    await send(page, 'list my tasks');
    await page.reload();
    await list.getByRole('link').nth(1).waitFor();
    await page.getByRole('button', { name: 'Delete Groceries' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await list.getByRole('link', { name: 'Groceries' }).waitFor({ state: 'detached' });
    await page.reload();
    await list.getByRole('link').first().waitFor();
    expect(await list.getByRole('link').allTextContents()).toEqual([expect.stringMatching(/list my tasks/i)]);
    await context.close();
  });

  test('the password is changed on /account: the new one signs in, the old one no longer does', async () => {
    const { context, page } = await suite.newPage();
    const email = uniqueEmail('paul');
    await signUp(page, suite.webUrl, email);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password was changed.').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);

    await signIn(page, email, PASSWORD);
    await page.getByRole('alert').waitFor();
    await signIn(page, email, NEW_PASSWORD);
    await page.waitForURL(/\/chat/);
    await context.close();
  });

  test('deleting the account, after typing the email, removes the user and every row the api kept', async () => {
    const { context, page } = await suite.newPage();
    const email = uniqueEmail('dora');
    await signUp(page, suite.webUrl, email);
    await send(page, 'add a task to call the bank');
    const { rows } = await db.query<{ id: string }>('select id from "user" where email = $1', [email]);
    const userId = rows[0]!.id;
    expect((await apiRowsOf(userId)).tasks).toBe(1);

    await page.goto(`${suite.webUrl}/account`);
    const form = page.getByRole('form', { name: 'Delete account' });
    await form.getByLabel('Email').fill('someone-else@example.test');
    await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await form.getByRole('button', { name: 'Delete my account and data' }).click();
    await form.getByText('Type your email exactly as shown to confirm.').waitFor();
    expect((await apiRowsOf(userId)).tasks).toBe(1);

    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Delete my account and data' }).click();
    await page.waitForURL(/\/sign-in/);
    const counts = await apiRowsOf(userId);
    expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((table) => [table, 0])));
    expect((await db.query('select 1 from "user" where email = $1', [email])).rowCount).toBe(0);

    await signIn(page, email, PASSWORD);
    await page.getByRole('alert').waitFor();
    expect(page.url()).toMatch(/\/sign-in/);
    await context.close();
  });
});
