import { expect } from '@jest/globals';
import type { Command } from '../../src/agent/offline/commands.js';
import { parseMessage } from '../../src/agent/offline/message-parser.js';

/** Tuesday 24 November 2026, 10:00 UTC (the phrasing table uses another day, so nothing here copies it). */
export const NOW = new Date('2026-11-24T10:00:00Z');

export const parse = (message: string, timeZone = 'UTC'): Command[] => parseMessage(message, { now: NOW, timeZone });

/** The one command a message holds (the test fails when it holds more or none). */
export const one = (message: string, timeZone = 'UTC'): Command => {
  const commands = parse(message, timeZone);
  expect(commands).toHaveLength(1);
  return commands[0]!;
};
