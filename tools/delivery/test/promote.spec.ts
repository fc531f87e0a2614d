/**
 * bootstrap/promote.sh, run for real against a temporary copy of the repository layout with stub kubectl and
 * gh on PATH (they record their argv and print canned answers): it starts promote.yml only when chatbot-dev
 * is Synced and Healthy and runs the images dev's values pin.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { REPO_ROOT } from '../src/binaries.js';
import { deployedImageOf } from '../src/environment-values.js';

const SCRIPT = join(REPO_ROOT, 'bootstrap/promote.sh');
const BUMP = join(REPO_ROOT, 'tools/delivery/src/bump-image-tags.cli.ts');
const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const OLD_SHA = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';
const SEPARATOR = '\x1f';

let root: string;
let stubs: string;
let log: string;

function which(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** The files promote.sh reads, at the same relative paths, and the project's node_modules (its Node 22). */
function copyRepository(): void {
  mkdirSync(join(root, 'bootstrap'));
  copyFileSync(SCRIPT, join(root, 'bootstrap/promote.sh'));
  chmodSync(join(root, 'bootstrap/promote.sh'), 0o755);
  cpSync(join(REPO_ROOT, 'bootstrap/lib'), join(root, 'bootstrap/lib'), { recursive: true });
  cpSync(join(REPO_ROOT, 'tools/delivery/src'), join(root, 'tools/delivery/src'), { recursive: true });
  copyFileSync(join(REPO_ROOT, 'tools/delivery/package.json'), join(root, 'tools/delivery/package.json'));
  copyFileSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
  mkdirSync(join(root, 'charts/chatbot'), { recursive: true });
  for (const file of readdirSync(join(REPO_ROOT, 'charts/chatbot')).filter((name) =>
    /^(values.*|Chart)\.yaml$/.test(name),
  )) {
    copyFileSync(join(REPO_ROOT, 'charts/chatbot', file), join(root, 'charts/chatbot', file));
  }
  cpSync(join(REPO_ROOT, 'environments'), join(root, 'environments'), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
}

/** Pins dev's tags in the copy, with the same CLI CI uses. */
function pinDev(tag: string, component?: 'api' | 'web'): void {
  const args = [BUMP, '--root', root, '--env', 'dev', `--tag=${tag}`, ...(component ? ['--component', component] : [])];
  expect(spawnSync(process.execPath, args, { encoding: 'utf8' }).status).toBe(0);
}

/** A stub that appends its argv (one line per call) to <log>/<name> and prints what its case says. */
function stub(name: string, body: string): void {
  writeFileSync(
    join(stubs, name),
    `#!/bin/sh\nfor arg in "$@"; do printf '%s${SEPARATOR}' "$arg"; done >>"$STUB_LOG/${name}"\nprintf '\\n' >>"$STUB_LOG/${name}"\n${body}\n`,
  );
  chmodSync(join(stubs, name), 0o755);
}
function stubKubectl(): void {
  stub(
    'kubectl',
    `[ -z "\${STUB_KUBECTL_FAILS:-}" ] || { echo 'The connection to the server was refused' >&2; exit 1; }
case "$*" in
  *sync.status*) printf '%s' "$STUB_STATE" ;;
  *summary.images*) printf '%s\\n' "$STUB_IMAGES" ;;
  *) exit 1 ;;
esac`,
  );
}
function calls(name: string): string[][] {
  const file = join(log, name);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split(SEPARATOR).slice(0, -1));
}

/** Runs the copy from another directory (it must find its own root), with only the stubs and dirname on PATH: no system node. */
function promote(args: readonly string[], env: Record<string, string> = {}) {
  const bash = which('bash') ?? '/bin/bash';
  const run = spawnSync(bash, [join(root, 'bootstrap/promote.sh'), ...args], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { PATH: stubs, HOME: root, STUB_LOG: log, ...env },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.trim() };
}
const devImages = () => [deployedImageOf(root, 'dev', 'api'), deployedImageOf(root, 'dev', 'web')];
const healthy = () => ({
  STUB_STATE: 'Synced/Healthy/Succeeded',
  STUB_IMAGES: ['postgres:17-alpine', ...devImages()].join('\n'),
});

function oneSentence(stderr: string): void {
  expect(stderr.split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/[.]$/);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'promote-repo-'));
  stubs = mkdtempSync(join(tmpdir(), 'promote-path-'));
  log = mkdtempSync(join(tmpdir(), 'promote-log-'));
  copyRepository();
  pinDev(SHA);
  const dirname = which('dirname');
  if (dirname) symlinkSync(dirname, join(stubs, 'dirname'));
  stubKubectl();
  stub('gh', 'exit 0');
});
afterEach(() => {
  for (const dir of [root, stubs, log]) rmSync(dir, { recursive: true, force: true });
});

describe('bootstrap/promote.sh when dev is healthy', () => {
  it("starts promote.yml with dev's sha once chatbot-dev is Synced, Healthy and running dev's images", () => {
    const result = promote([], healthy());
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(calls('gh')).toEqual([
      ['workflow', 'run', 'promote.yml', '--ref', 'main', '-f', 'component=both', '-f', `dev_sha=${SHA}`],
    ]);
    for (const call of calls('kubectl')) {
      expect(call.slice(0, 7)).toEqual(['--context', 'minikube', '-n', 'argocd', 'get', 'application', 'chatbot-dev']);
    }
    expect(calls('kubectl').map((call) => call.join(' '))).toEqual([
      expect.stringContaining('{.status.sync.status}/{.status.health.status}'),
      expect.stringContaining('.status.summary.images'),
    ]);
  });

  it('passes only inputs promote.yml declares', () => {
    promote(['web'], healthy());
    const workflow = parse(readFileSync(join(REPO_ROOT, '.github/workflows/promote.yml'), 'utf8')) as {
      on: { workflow_dispatch: { inputs: Record<string, { options?: string[] }> } };
    };
    const inputs = workflow.on.workflow_dispatch.inputs;
    const fields = calls('gh')[0]!.filter((_, index, call) => call[index - 1] === '-f');
    expect(fields).toEqual(['component=web', `dev_sha=${SHA}`]);
    for (const field of fields) expect(Object.keys(inputs)).toContain(field.split('=')[0]);
    expect(inputs.component?.options).toEqual(expect.arrayContaining(['both', 'api', 'web']));
  });

  it('uses the kubectl context MINIKUBE_PROFILE names', () => {
    expect(promote([], { ...healthy(), MINIKUBE_PROFILE: 'dev-cluster' }).status).toBe(0);
    expect(calls('kubectl').every((call) => call[0] === '--context' && call[1] === 'dev-cluster')).toBe(true);
  });

  it('promotes one component whose tag differs from the other', () => {
    pinDev(OLD_SHA, 'web');
    const env = healthy();
    expect(promote(['api'], env).status).toBe(0);
    expect(calls('gh')[0]).toEqual(expect.arrayContaining(['component=api', `dev_sha=${SHA}`]));

    const both = promote([], env);
    expect(both.status).toBe(1);
    oneSentence(both.stderr);
    expect(calls('gh')).toHaveLength(1);
  });

  it('without gh, prints the exact command instead of running it', () => {
    rmSync(join(stubs, 'gh'));
    const result = promote([], healthy());
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`gh workflow run promote.yml --ref main -f component=both -f dev_sha=${SHA}\n`);
  });
});

describe('bootstrap/promote.sh once CI pins digests', () => {
  it('compares what dev runs with repository:tag@digest', () => {
    const digest = `sha256:${'b'.repeat(64)}`;
    expect(
      spawnSync(
        process.execPath,
        [
          BUMP,
          '--root',
          root,
          '--env',
          'dev',
          `--tag=${SHA}`,
          '--digest',
          `api=${digest}`,
          '--digest',
          `web=${digest}`,
        ],
        { encoding: 'utf8' },
      ).status,
    ).toBe(0);
    expect(devImages()[0]).toMatch(new RegExp(`:${SHA}@${digest}$`));
    expect(promote([], healthy()).status).toBe(0);
    const tagsOnly = devImages().map((image) => image.replace(`@${digest}`, ''));
    const refused = promote([], { ...healthy(), STUB_IMAGES: tagsOnly.join('\n') });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`@${digest}`);
  });
});

describe('bootstrap/promote.sh refuses, in one sentence and without starting anything', () => {
  it.each([
    'OutOfSync/Healthy/Succeeded',
    'Synced/Degraded/Succeeded',
    'Synced/Progressing/Running',
    'Unknown/Missing/',
    'Synced/Healthy/Failed',
  ])('when chatbot-dev is %s', (state) => {
    const result = promote([], { ...healthy(), STUB_STATE: state });
    expect(result.status).toBe(1);
    oneSentence(result.stderr);
    expect(result.stderr).toContain(state);
    expect(calls('gh')).toEqual([]);
  });

  it("when chatbot-dev runs other images than dev's values pin", () => {
    const running = devImages().map((image) => image.replace(SHA, OLD_SHA));
    const result = promote([], { STUB_STATE: 'Synced/Healthy/Succeeded', STUB_IMAGES: running.join('\n') });
    expect(result.status).toBe(1);
    oneSentence(result.stderr);
    expect(result.stderr).toContain(devImages()[0]);
    expect(calls('gh')).toEqual([]);

    // One image matching is not enough; nor is a prefix of the pinned name.
    for (const images of [[devImages()[0]!, running[1]!], devImages().map((image) => `${image}-rc`)]) {
      expect(promote([], { STUB_STATE: 'Synced/Healthy/Succeeded', STUB_IMAGES: images.join('\n') }).status).toBe(1);
    }
    expect(calls('gh')).toEqual([]);
  });

  it('when dev pins a tag release.yml never built (not a git sha), before asking the cluster', () => {
    for (const tag of ['0.1.0', SHA.slice(0, 7)]) {
      pinDev(tag);
      const result = promote([], healthy());
      expect(result.status).toBe(1);
      oneSentence(result.stderr);
      expect(result.stderr).toContain(tag);
    }
    expect(calls('kubectl')).toEqual([]);
    expect(calls('gh')).toEqual([]);
  });

  it('when the cluster does not answer', () => {
    const result = promote([], { ...healthy(), STUB_KUBECTL_FAILS: '1' });
    expect(result.status).toBe(1);
    oneSentence(result.stderr);
    expect(calls('gh')).toEqual([]);
  });

  it('when kubectl is not installed', () => {
    rmSync(join(stubs, 'kubectl'));
    const result = promote([], healthy());
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^kubectl is not installed/);
    oneSentence(result.stderr);
  });

  it('when given an unknown component or extra arguments', () => {
    for (const args of [['prod'], ['api', 'web']]) {
      const result = promote(args, healthy());
      expect(result.status).toBe(1);
      expect(result.stderr.split('\n')).toHaveLength(1);
    }
    expect(calls('kubectl')).toEqual([]);
  });
});
