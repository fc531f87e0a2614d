/**
 * The smoke client (src/smoke.ts) against a stand-in web app that behaves like ours: it passes on a
 * working app, finds the earlier run's task on a second run, and fails in one sentence when the app
 * loses data, refuses the session or answers no reply. The real app: tools/containers (compose).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '../src/binaries.js';
import { runSmoke } from '../src/smoke.js';
import { ORIGIN, standInWebApp } from './support/stand-in-web.js';

const servers: Server[] = [];
async function serve(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterAll(() => {
  for (const server of servers) server.close();
});

describe('runSmoke', () => {
  let url: string;
  beforeAll(async () => {
    url = await serve(standInWebApp());
  });

  it('signs up, adds a task through a chat turn and finds it listed', async () => {
    const { user, steps } = await runSmoke(url, ORIGIN);
    expect(steps).toEqual([
      `signed up ${user.email}`,
      expect.stringMatching(/^chat turn answered: Added task 1/),
      expect.stringMatching(new RegExp(`^task listed: .*${user.marker}`)),
    ]);
  });

  it("signs in again on a second run and finds the first run's task before adding another", async () => {
    const first = await runSmoke(url, ORIGIN);
    const second = await runSmoke(url, ORIGIN, first.user);
    expect(second.steps[0]).toBe(`signed in again as ${first.user.email}`);
    expect(second.steps[1]).toContain(`marker ${first.user.marker}`);
  });

  it('fails in one sentence when the data is gone, the reply is empty, or the origin is refused', async () => {
    const first = await runSmoke(url, ORIGIN);
    const forgetful = await serve(standInWebApp({ forgetTasks: true }));
    await expect(runSmoke(forgetful, ORIGIN)).rejects.toThrow(/^expected 1 task\(s\) with marker \w+, found 0\.$/);
    await expect(runSmoke(url, ORIGIN, { ...first.user, marker: 'nothere0' })).rejects.toThrow(
      /task of the earlier run \(marker nothere0\) is gone/,
    );
    const silent = await serve(standInWebApp({ emptyReply: true }));
    await expect(runSmoke(silent, ORIGIN)).rejects.toThrow('the chat turn answered no reply.');
    await expect(runSmoke(url, 'http://evil.example')).rejects.toThrow(/^sign-up answered 403: /);
    await expect(runSmoke('http://127.0.0.1:9', ORIGIN)).rejects.toThrow(
      /^sign-up: http:\/\/127\.0\.0\.1:9\/api\/auth\/sign-up\/email did not answer/,
    );
  });
});

describe('smoke.cli.ts', () => {
  const cli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [join(REPO_ROOT, 'tools/delivery/src/smoke.cli.ts'), ...args], {
        env: { PATH: process.env.PATH ?? '' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('keeps the user in a private state file and proves the data on the next run', async () => {
    const url = await serve(standInWebApp());
    const dir = mkdtempSync(join(tmpdir(), 'smoke-'));
    try {
      const state = join(dir, 'user.json');
      const first = await cli(['--url', url, '--origin', ORIGIN, '--state', state]);
      expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
      expect(statSync(state).mode & 0o077).toBe(0);
      const { marker } = JSON.parse(readFileSync(state, 'utf8')) as { marker: string };
      const second = await cli(['--url', url, '--origin', ORIGIN, '--state', state]);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain(`ok   the earlier run's task (marker ${marker}) is still listed`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with a usage sentence without --url, and 1 naming the failure', async () => {
    expect(await cli([])).toMatchObject({
      code: 2,
      stderr: 'FAIL Usage: smoke --url <web url> [--origin <public url>] [--state <file>].\n',
    });
    const refused = await cli(['--url', 'http://127.0.0.1:9']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^FAIL sign-up: .* did not answer/);
  });
});
