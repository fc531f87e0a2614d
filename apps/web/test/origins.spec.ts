import { describe, expect, test } from '@jest/globals';

Object.assign(process.env, {
  BETTER_AUTH_URL: 'https://todo.example.com/',
  BETTER_AUTH_SECRET: 'unit-test-secret-0123456789abcdef',
  API_URL: 'http://api:8000',
  BETTER_AUTH_TRUSTED_ORIGINS: 'http://192.168.*.*:30080, https://staging.example.com',
});
const { isTrustedOrigin } = await import('../src/lib/origins.js');

describe('which origins may change state', () => {
  test.each(['https://todo.example.com', 'http://192.168.49.2:30080', 'https://staging.example.com'])(
    '%s is trusted',
    (origin) => {
      expect(isTrustedOrigin(origin)).toBe(true);
    },
  );

  test.each([
    'https://evil.example',
    'http://todo.example.com',
    'https://todo.example.com.evil.example',
    'http://192.168.49.2:30081',
    'http://192.168.49.2.evil.example:30080',
    'null',
  ])('%s is not', (origin) => {
    expect(isTrustedOrigin(origin)).toBe(false);
  });
});
