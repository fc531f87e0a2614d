import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { compose, docker, images, inspect, publishedPort, waitHealthy } from './support/docker.js';

/** The whole app from compose.yaml, as a user runs it, with this machine's images. */
const PROJECT = `todo-it-${randomUUID().slice(0, 8)}`;
const { API_IMAGE, WEB_IMAGE, POSTGRES_IMAGE } = images();
let webUrl = '';
let env: Record<string, string> = {};

beforeAll(async () => {
  env = { API_IMAGE, WEB_IMAGE, POSTGRES_IMAGE, WEB_PORT: '0' };
  await compose(PROJECT, env, 'up', '-d', '--wait', '--no-build');
  const webPort = await publishedPort(`${PROJECT}-web-1`, 3000);
  webUrl = `http://localhost:${webPort}`;
}, 300_000);

afterAll(async () => {
  await compose(PROJECT, env, 'down', '-v', '--remove-orphans');
}, 120_000);

interface HostConfig {
  ReadonlyRootfs: boolean;
  CapDrop: string[];
  SecurityOpt: string[];
}

describe('docker compose up --wait', () => {
  test('every app container is hardened as in Kubernetes and healthy', async () => {
    for (const service of ['api-1', 'api-2', 'web-1']) {
      const container = `${PROJECT}-${service}`;
      const host = await inspect<HostConfig>(container, '{{json .HostConfig}}');
      expect(host.ReadonlyRootfs).toBe(true);
      expect(host.CapDrop).toEqual(['ALL']);
      expect(host.SecurityOpt).toContain('no-new-privileges:true');
      expect(await docker('inspect', '--format', '{{.Config.User}}', container)).toBe('1000:1000');
      expect(await docker('inspect', '--format', '{{.State.Health.Status}}', container)).toBe('healthy');
    }
    expect(await docker('inspect', '--format', '{{.State.ExitCode}}', `${PROJECT}-migrate-1`)).toBe('0');
  });

  test('a real user signs up and runs a chat turn through web → api → PostgreSQL', async () => {
    // better-auth's JWT must name the URL the api trusts: the compose default http://localhost:3000.
    const origin = 'http://localhost:3000';
    const signUp = await fetch(`${webUrl}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email: `c-${randomUUID()}@example.test`, password: 'container-pass-123', name: 'C' }),
    });
    expect(signUp.status).toBe(200);
    const cookie = signUp.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ');
    const chat = await fetch(`${webUrl}/api/chat`, {
      method: 'POST',
      // A browser sends its page's origin; the web app refuses state changes from any other.
      headers: { 'content-type': 'application/json', origin, cookie },
      body: JSON.stringify({ message: 'add a task to ship the containers', client_message_id: randomUUID() }),
    });
    expect(chat.status).toBe(200);
    const reply = (await chat.json()) as { response: string; tool_calls: { name: string }[] };
    expect(reply.response).toMatch(/^Added \*\*#1\*\* ship the containers\b/);
    expect(reply.tool_calls.map((call) => call.name)).toEqual(['add_task']);
    const tasks = (await (await fetch(`${webUrl}/api/tasks`, { headers: { cookie } })).json()) as { title: string }[];
    expect(tasks.map((task) => task.title)).toEqual(['ship the containers']);
  });
});

describe("the cluster e2e's smoke client (tools/delivery/src/smoke.cli.ts) against the real app", () => {
  test("passes, and a second run after both api containers restart finds the first run's task", async () => {
    const cli = fileURLToPath(new URL('../../delivery/src/smoke.cli.ts', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'smoke-compose-'));
    const smoke = () =>
      promisify(execFile)(process.execPath, [
        cli,
        '--url',
        webUrl,
        '--origin',
        'http://localhost:3000',
        '--state',
        join(dir, 'user.json'),
      ]);
    try {
      expect((await smoke()).stdout).toMatch(
        /^ok {3}signed up .*\nok {3}chat turn answered: Added \*\*#\d+\*\* .*\nok {3}task listed: /,
      );
      await docker('restart', `${PROJECT}-api-1`, `${PROJECT}-api-2`);
      // The web's readiness is the api answering (the images' own health check runs only every 30 s).
      const deadline = Date.now() + 60_000;
      while (
        !(await fetch(`${webUrl}/api/ready`).then(
          (r) => r.ok,
          () => false,
        )) &&
        Date.now() < deadline
      )
        await new Promise((r) => setTimeout(r, 500));
      expect((await smoke()).stdout).toMatch(/ok {3}the earlier run's task \(marker \w+\) is still listed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('an api container on its own (SC-004, SC-005)', () => {
  test('starts healthy within 10 s and answers /health within 1 s', async () => {
    const network = `${PROJECT}_default`;
    const name = `${PROJECT}-api-solo`;
    // The image checks every 30 s (FR-006); probing every second measures when it first could be healthy.
    await docker(
      'run',
      '-d',
      '--name',
      name,
      '--network',
      network,
      '-p',
      '127.0.0.1::8000',
      '--read-only',
      '--tmpfs',
      '/tmp',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
      '--health-interval',
      '1s',
      '-e',
      'DATABASE_URL=postgresql://postgres:todo-dev-password@postgres:5432/todo',
      '-e',
      'BETTER_AUTH_URL=http://localhost:3000',
      '-e',
      'AUTH_JWKS_URL=http://web:3000/api/auth/jwks',
      API_IMAGE,
    );
    try {
      const healthyAfterMs = await waitHealthy(name, 30_000);
      const port = await publishedPort(name, 8000);
      const timings: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        const started = performance.now();
        const response = await fetch(`http://127.0.0.1:${port}/health`);
        expect(response.status).toBe(200);
        timings.push(performance.now() - started);
      }
      const slowest = Math.max(...timings);
      console.log(`api start → healthy ${healthyAfterMs} ms; /health slowest of 20: ${slowest.toFixed(1)} ms`);
      expect(healthyAfterMs).toBeLessThanOrEqual(10_000);
      expect(slowest).toBeLessThan(1000);
    } finally {
      await docker('rm', '-f', name);
    }
  });
});
