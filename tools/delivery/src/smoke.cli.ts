/**
 * node tools/delivery/src/smoke.cli.ts --url <web url> [--origin <public url>] [--state <file>]
 *
 * Without a state file (or with one that does not exist yet): a new user, a chat turn, the task listed;
 * the user is saved to the state file (mode 600). With an existing state file: that user signs in again
 * and finds the earlier task first. Exit codes: 0 passed, 1 failed (one sentence), 2 bad usage.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from './bump-image-tags.ts';
import { runSmoke, type SmokeUser } from './smoke.ts';

try {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, origin: { type: 'string' }, state: { type: 'string' } },
  });
  if (!values.url) throw new UsageError('Usage: smoke --url <web url> [--origin <public url>] [--state <file>].');
  const earlier =
    values.state && existsSync(values.state)
      ? (JSON.parse(readFileSync(values.state, 'utf8')) as SmokeUser)
      : undefined;
  const { user, steps } = await runSmoke(values.url, values.origin ?? values.url, earlier);
  for (const step of steps) process.stdout.write(`ok   ${step}\n`);
  if (values.state && !earlier) writeFileSync(values.state, JSON.stringify(user), { mode: 0o600 });
} catch (error) {
  process.stderr.write(`FAIL ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
