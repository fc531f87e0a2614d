import { describe, expect, test } from '@jest/globals';
import { apiPathFor } from '../src/lib/api-proxy.js';

describe('which browser paths the BFF forwards to the api', () => {
  test.each([
    [['tasks'], '/api/tasks'],
    [['tasks', '42'], '/api/tasks/42'],
    [['tasks', '42', 'complete'], '/api/tasks/42/complete'],
    [['chat'], '/api/chat'],
    [['chat', 'stream'], '/api/chat/stream'],
    [
      ['conversations', '5ba4fca7-0a10-5df7-a426-e19791acd74a', 'messages'],
      '/api/conversations/5ba4fca7-0a10-5df7-a426-e19791acd74a/messages',
    ],
    [['reminders', 'due'], '/api/reminders/due'],
  ])('%j → %s', (segments, path) => {
    expect(apiPathFor(segments)).toBe(path);
  });

  test.each([
    [[]],
    [['mcp']],
    [['metrics']],
    [['auth', 'session']],
    [['tasks', '..', '..', 'mcp']],
    [['tasks', '%2e%2e']],
    [['tasks', 'a b']],
  ])('%j is not forwarded', (segments) => {
    expect(apiPathFor(segments)).toBeNull();
  });
});
