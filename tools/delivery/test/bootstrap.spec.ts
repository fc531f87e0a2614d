/**
 * bootstrap/*.sh: shellcheck-clean, strict mode, pinned installs, and each missing prerequisite named in
 * one sentence with exit code 1 (run for real against a PATH of stubs: the checks come before any action).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '../src/binaries.js';

const BOOTSTRAP_DIR = join(REPO_ROOT, 'bootstrap');
const scripts = readdirSync(BOOTSTRAP_DIR).filter((file) => file.endsWith('.sh')).sort();
const source = (script: string) => readFileSync(join(BOOTSTRAP_DIR, script), 'utf8');

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
  const run = spawnSync(bash, [join(BOOTSTRAP_DIR, script), ...args], { encoding: 'utf8', env: { PATH: path, HOME: tmpdir(), ...env }, timeout: 30_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.trim() };
}
function oneSentence(stderr: string): void {
  expect(stderr.split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/[.]$/);
}

describe('bootstrap/ scripts', () => {
  it('are minikube.sh, seal-secret.sh, load.sh and down.sh', () => {
    expect(scripts).toEqual(['down.sh', 'load.sh', 'minikube.sh', 'seal-secret.sh']);
  });

  it('are clean under shellcheck', () => {
    const shellcheck = which('shellcheck');
    if (!shellcheck) {
      throw new Error('shellcheck is not installed: run apt-get install -y shellcheck (Debian/Ubuntu) or brew install shellcheck, then re-run the tests.');
    }
    const result = spawnSync(shellcheck, ['--external-sources', ...scripts], { cwd: BOOTSTRAP_DIR, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(scripts)('%s is executable, runs under bash, and starts in strict mode', (script) => {
    expect(statSync(join(BOOTSTRAP_DIR, script)).mode & 0o111).toBe(0o111);
    const lines = source(script).split('\n');
    expect(lines[0]).toBe('#!/usr/bin/env bash');
    expect(lines.filter((line) => !line.startsWith('#')).find((line) => line.trim() !== '')).toBe('set -euo pipefail');
  });
});

describe('minikube.sh', () => {
  const text = source('minikube.sh');
  const ALL = ['docker', 'minikube', 'kubectl', 'helm', 'git', 'node'];

  it.each(ALL)('names a missing %s in one sentence and exits 1 before doing anything', (missing) => {
    const result = runScript('minikube.sh', [], pathWith(ALL.filter((tool) => tool !== missing)));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(`${missing} is not installed`)).toBe(true);
    oneSentence(result.stderr);
  });

  it('says so when docker is installed but its daemon does not answer', () => {
    const dir = pathWith(ALL.filter((tool) => tool !== 'docker'));
    writeFileSync(join(dir, 'docker'), '#!/bin/sh\nexit 1\n');
    chmodSync(join(dir, 'docker'), 0o755);
    const result = runScript('minikube.sh', [], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^docker is installed but its daemon does not answer/);
    oneSentence(result.stderr);
  });

  it('pins Argo CD and sealed-secrets releases and applies their official manifests', () => {
    expect(text).toMatch(/^readonly ARGOCD_VERSION=v\d+\.\d+\.\d+$/m);
    expect(text).toMatch(/^readonly SEALED_SECRETS_VERSION=v\d+\.\d+\.\d+$/m);
    expect(text).toContain('https://raw.githubusercontent.com/argoproj/argo-cd/${ARGOCD_VERSION}/manifests/install.yaml');
    expect(text).toContain('https://github.com/bitnami-labs/sealed-secrets/releases/download/${SEALED_SECRETS_VERSION}/controller.yaml');
  });

  it('starts Minikube with 4 CPUs and 8 GB, enables metrics-server and ingress, and converges the Secret', () => {
    expect(text).toMatch(/CPUS="\$\{MINIKUBE_CPUS:-4\}"/);
    expect(text).toMatch(/MEMORY="\$\{MINIKUBE_MEMORY:-8g\}"/);
    expect(text).toContain('start --cpus="$CPUS" --memory="$MEMORY"');
    expect(text).toContain('addons enable metrics-server');
    expect(text).toContain('addons enable ingress');
    expect(text).toMatch(/create secret generic "\$SECRET_NAME"[\s\S]*?--dry-run=client -o yaml \| kc apply -f -/);
  });

  it('applies the files argocd/ really holds and waits on the Application that exists', () => {
    for (const file of text.matchAll(/kc apply -f (argocd\/[\w./-]+)/g)) {
      expect(readdirSync(join(REPO_ROOT, 'argocd'))).toContain(file[1]!.slice('argocd/'.length));
    }
    expect(text).toContain('get application chatbot-dev');
    expect(text).toContain('Synced/Healthy');
    expect(text).toContain('argocd-initial-admin-secret');
  });

  it('calls only helper scripts that exist in the repository', () => {
    for (const match of text.matchAll(/(tools\/delivery\/src\/[\w.-]+\.ts|bootstrap\/[\w-]+\.sh)/g)) {
      expect(() => statSync(join(REPO_ROOT, match[1]!))).not.toThrow();
    }
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
    const unbounded: Record<string, string>[] = [{ CONCURRENCY: '0' }, { CONCURRENCY: '100000' }, { DURATION_SECONDS: 'forever' }, { DURATION_SECONDS: '86400' }];
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
