import { describe, expect, test } from '@jest/globals';
import { withoutInternals } from '../src/lib/auth-errors.js';

describe("better-auth's failures reach the user as a sentence", () => {
  test('a 500 with driver text becomes a 503 sentence with the request id', async () => {
    const raw = new Response('error: relation "user" does not exist at character 15', { status: 500 });
    const shown = await withoutInternals(raw, '0123456789abcdef');
    expect({ status: shown.status, body: await shown.json(), id: shown.headers.get('x-request-id') }).toEqual({
      status: 503,
      body: { statusCode: 503, message: 'accounts cannot be reached right now; try again shortly' },
      id: '0123456789abcdef',
    });
  });

  test('an answer below 500 (a wrong password, say) is left as it is', async () => {
    const refused = Response.json(
      { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' },
      { status: 401 },
    );
    expect(await withoutInternals(refused, 'x')).toBe(refused);
  });
});
