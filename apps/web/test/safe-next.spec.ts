import { describe, expect, test } from '@jest/globals';
import { safeNext } from '../src/lib/client/safe-next.js';

const ORIGIN = 'http://localhost:3000';

describe('where sign-in may send the user next', () => {
  test.each([
    ['/tasks', '/tasks'],
    ['/chat?c=5ba4fca7-0a10-5df7-a426-e19791acd74a', '/chat?c=5ba4fca7-0a10-5df7-a426-e19791acd74a'],
    ['/tasks/../chat', '/chat'],
  ])('%s → %s', (next, path) => {
    expect(safeNext(next, ORIGIN)).toBe(path);
  });

  test.each([
    '/\\evil.example',
    '//evil.example',
    '/\t/evil.example',
    '/\\/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'tasks',
    '',
    null,
  ])('%j → /chat', (next) => {
    expect(safeNext(next, ORIGIN)).toBe('/chat');
  });
});
