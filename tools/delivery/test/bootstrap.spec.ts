/**
 * bootstrap/*.sh as source: shellcheck-clean, strict mode, portable to macOS's bash 3.2, helpers run on the
 * project's Node 22, pinned installs; small refusals of the helper scripts. The scripts' runs against a stub
 * machine are bootstrap-run.spec.ts (minikube.sh) and bootstrap-laptop.spec.ts (the others).
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '../src/binaries.js';

const BOOTSTRAP_DIR = join(REPO_ROOT, 'bootstrap');
const scripts = readdirSync(BOOTSTRAP_DIR)
  .filter((file) => file.endsWith('.sh'))
  .sort();
const LIBRARY = 'lib/common.sh';
const source = (script: string) => readFileSync(join(BOOTSTRAP_DIR, script), 'utf8');
/** Script lines without comments. */
const code = (script: string) =>
  source(script)
    .split('\n')
    .filter((line) => !/^\s*#/.test(line));

function which(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

const stubDirs: string[] = [];
afterAll(() => {
  for (const dir of stubDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A PATH holding only the real coreutils the scripts use before their checks, plus a stub (exit code
 * `stubStatus`) for each named tool: the tool left out is "not installed".
 */
function pathWith(stubs: readonly string[], stubStatus = 0): string {
  const dir = mkdtempSync(join(tmpdir(), 'bootstrap-path-'));
  stubDirs.push(dir);
  for (const tool of ['dirname', 'sed', 'head', 'tail', 'grep', 'uname', 'cat']) {
    const real = which(tool);
    if (real) symlinkSync(real, join(dir, tool));
  }
  for (const stub of stubs) {
    writeFileSync(join(dir, stub), `#!/bin/sh\nexit ${stubStatus}\n`);
    chmodSync(join(dir, stub), 0o755);
  }
  return dir;
}
function runScript(script: string, args: readonly string[], path: string, env: Record<string, string> = {}) {
  const bash = which('bash') ?? '/bin/bash';
  const run = spawnSync(bash, [join(BOOTSTRAP_DIR, script), ...args], {
    encoding: 'utf8',
    env: { PATH: path, HOME: tmpdir(), ...env },
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.trim() };
}
function oneSentence(stderr: string): void {
  expect(stderr.split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/[.]$/);
}

describe('bootstrap/ scripts', () => {
  it('are the bootstrap, its laptop helpers and the shared library', () => {
    expect(scripts).toEqual([
      'db.sh',
      'down.sh',
      'e2e.sh',
      'load.sh',
      'minikube.sh',
      'promote.sh',
      'seal-secret.sh',
      'sealing-key.sh',
      'sync.sh',
      'tls.sh',
    ]);
    for (const script of scripts)
      expect({ script, sourcesLibrary: source(script).includes(`/${LIBRARY}"`) }).toEqual({
        script,
        sourcesLibrary: true,
      });
  });

  it('are clean under shellcheck, the sourced library included', () => {
    const shellcheck = which('shellcheck');
    if (!shellcheck) {
      throw new Error(
        'shellcheck is not installed: run apt-get install -y shellcheck (Debian/Ubuntu) or brew install shellcheck, then re-run the tests.',
      );
    }
    const result = spawnSync(shellcheck, ['--external-sources', ...scripts, LIBRARY], {
      cwd: BOOTSTRAP_DIR,
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(scripts)('%s is executable, runs under bash, and starts in strict mode', (script) => {
    expect(statSync(join(BOOTSTRAP_DIR, script)).mode & 0o111).toBe(0o111);
    const lines = source(script).split('\n');
    expect(lines[0]).toBe('#!/usr/bin/env bash');
    expect(lines.filter((line) => !line.startsWith('#')).find((line) => line.trim() !== '')).toBe('set -euo pipefail');
  });

  // macOS ships bash 3.2: these bash 4+ features fail there (shellcheck does not know the version).
  const BASH4: [string, RegExp][] = [
    ['case conversion ${x,,} / ${x^^}', /\$\{[#!]?\w+(\[[^\]]*\])?(,,?|\^\^?)[^}]*\}/],
    ['mapfile / readarray', /\b(mapfile|readarray)\b/],
    ['associative arrays', /\b(declare|local|typeset) -[a-zA-Z]*A/],
    ['name references', /\b(declare|local) -[a-zA-Z]*n\b/],
    ['[[ -v ]]', /\[\[ -v /],
    ['${x@Q} transformations', /\$\{\w+@[QEPAaUuLK]\}/],
    ['|& and &>>', /\|&|&>>/],
    ['coproc, wait -n, globstar', /\bcoproc\b|\bwait -n\b|globstar/],
    ['negative array indexes', /\[-\d+\]\}/],
  ];
  it.each([...scripts, LIBRARY])('%s uses nothing newer than bash 3.2', (script) => {
    const found = BASH4.filter(([, pattern]) => code(script).some((line) => pattern.test(line))).map(([name]) => name);
    expect(found).toEqual([]);
  });

  it('the portability check is live', () => {
    const sample = [
      'OWNER="${OWNER,,}"',
      'mapfile -t lines < file',
      'declare -A seen',
      'echo "${x@Q}"',
      'cmd |& tee log',
    ];
    expect(BASH4.filter(([, pattern]) => sample.some((line) => pattern.test(line))).map(([name]) => name)).toHaveLength(
      5,
    );
  });

  it.each([...scripts, LIBRARY])(
    "%s runs the TypeScript helpers on the project's Node 22, never the system node",
    (script) => {
      // The system node may be older than 22.18 and cannot run .ts files.
      expect(code(script).filter((line) => /(^|[\s;|&(`$])node\s+\S*\.ts\b/.test(line))).toEqual([]);
    },
  );

  it('the project Node is node_modules/.bin/node, from the npm package node@22 the root package.json pins', () => {
    expect(source(LIBRARY)).toContain('readonly PROJECT_NODE="$REPO_ROOT/node_modules/.bin/node"');
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(manifest.devDependencies.node).toMatch(/^\^22\./);
  });

  it('calls only helper scripts that exist in the repository', () => {
    for (const script of [...scripts, LIBRARY]) {
      for (const match of source(script).matchAll(/(tools\/delivery\/src\/[\w.-]+\.ts|bootstrap\/[\w-]+\.sh)/g)) {
        expect(() => statSync(join(REPO_ROOT, match[1]!))).not.toThrow();
      }
    }
  });
});

describe('minikube.sh', () => {
  const text = source('minikube.sh');

  it('pins Argo CD and sealed-secrets releases (in the library minikube.sh and e2e.sh share) and applies their official manifests', () => {
    const text = source(LIBRARY);
    expect(source('minikube.sh')).toContain('install_gitops_controllers');
    expect(text).toMatch(/^readonly ARGOCD_VERSION=v\d+\.\d+\.\d+$/m);
    expect(text).toMatch(/^readonly SEALED_SECRETS_VERSION=v\d+\.\d+\.\d+$/m);
    expect(text).toContain(
      'https://raw.githubusercontent.com/argoproj/argo-cd/${ARGOCD_VERSION}/manifests/install.yaml',
    );
    expect(text).toContain(
      'https://github.com/bitnami-labs/sealed-secrets/releases/download/${SEALED_SECRETS_VERSION}/controller.yaml',
    );
  });

  it('builds with `minikube image build` (every container runtime), never docker-env', () => {
    expect(text).toContain('image build');
    expect(text).not.toContain('docker-env');
  });
});

describe('seal-secret.sh, load.sh, down.sh', () => {
  it('seal-secret.sh refuses a missing or unknown environment in one sentence', () => {
    const path = pathWith(['kubeseal', 'kubectl', 'node']);
    for (const args of [[], ['staging']]) {
      const result = runScript('seal-secret.sh', args, path);
      expect(result.status).toBe(1);
      expect(result.stderr.split('\n')).toHaveLength(1);
    }
  });

  it('seal-secret.sh names a missing kubeseal in one sentence', () => {
    const result = runScript('seal-secret.sh', ['dev'], pathWith(['kubectl', 'node']));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^kubeseal is not installed/);
    oneSentence(result.stderr);
  });

  it('load.sh is bounded: it refuses unbounded concurrency or duration', () => {
    const path = pathWith(['curl', 'kubectl', 'node']);
    const unbounded: Record<string, string>[] = [
      { CONCURRENCY: '0' },
      { CONCURRENCY: '100000' },
      { DURATION_SECONDS: 'forever' },
      { DURATION_SECONDS: '86400' },
    ];
    for (const env of unbounded) {
      const result = runScript('load.sh', [], path, env);
      expect(result.status).toBe(1);
      oneSentence(result.stderr);
    }
    expect(source('load.sh')).toContain('get hpa');
  });

  it('down.sh refuses an unknown argument', () => {
    const result = runScript('down.sh', ['--everything'], pathWith(['minikube', 'kubectl']));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Usage: bootstrap/down.sh [--delete]');
  });
});
