import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { postFrom } from './support/peer.js';
import { startStack, type Stack } from './support/stack.js';

/** No TRUSTED_PROXIES: every client connects directly, from its own loopback address. */
let stack: Stack;
const PASSWORD = 'correct-horse-battery';
let emails = 0;
const uniqueEmail = (who: string) => `${who}-${Date.now()}-${(emails += 1)}@example.test`;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

const signUpFrom = (address: string, email: string, headers: Record<string, string> = {}) =>
  postFrom(address, `${stack.webUrl}/api/auth/sign-up/email`, { email, password: PASSWORD, name: 'rate' }, headers);
const signInFrom = (address: string, email: string, password: string, headers: Record<string, string> = {}) =>
  postFrom(address, `${stack.webUrl}/api/auth/sign-in/email`, { email, password }, headers);

describe('rate limits keyed on the real client', () => {
  test('rotating X-Forwarded-For does not escape the per-address sign-in limit', async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 12; attempt += 1) {
      const rotated = { 'x-forwarded-for': `198.51.100.${attempt}` };
      statuses.push((await signInFrom('127.0.0.2', uniqueEmail('nobody'), 'wrong-password-1', rotated)).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  test('rotating X-Forwarded-For does not escape the per-address sign-up limit', async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      statuses.push(
        (await signUpFrom('127.0.0.3', uniqueEmail('many'), { 'x-forwarded-for': `198.51.100.${attempt}` })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  test("wrong passwords lock out the guesser, not the account owner, even when the guesser claims the owner's address", async () => {
    const email = uniqueEmail('victim');
    expect((await signUpFrom('127.0.0.4', email)).status).toBe(200);
    const guesses: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      guesses.push(
        (await signInFrom('127.0.0.5', email, `guess-number-${attempt}`, { 'x-forwarded-for': '127.0.0.4' })).status,
      );
    }
    expect(guesses.slice(0, 5).every((status) => status === 401)).toBe(true);
    const locked = await signInFrom('127.0.0.5', email, PASSWORD);
    expect({ status: locked.status, message: JSON.parse(locked.body).message }).toEqual({
      status: 429,
      message: 'too many failed sign-ins for this account; try again in 15 minutes',
    });
    expect((await signInFrom('127.0.0.4', email, PASSWORD)).status).toBe(200);
  });
});
