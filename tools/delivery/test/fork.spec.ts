/**
 * A fork's first push: bootstrap's rewrite (point-at-fork) with another owner, then CI's tag bump, must
 * leave the repository's own checks green — they assert invariants, not the upstream placeholder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { REPO_ROOT } from '../src/binaries.js';
import { githubHttpsUrl, pointAtFork } from '../src/point-at-fork.js';

const FORK_URL = 'https://github.com/Alice-Fork/todo-chatbot.git';
const SHA = '0123456789012345678901234567890123456789'; // all digits: YAML and --set must keep it a string
// What the delivery suite reads: the GitOps files, the scripts and the suite's own fixtures.
const COPIED = [
  'argocd',
  'environments',
  'charts',
  'bootstrap',
  '.github',
  'docs',
  'README.md',
  'package.json',
  'tools/delivery',
  'renovate.json',
  'compose.yaml',
  'Dockerfile',
];

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});
function copyOfRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'fork-'));
  copies.push(root);
  for (const path of COPIED) {
    cpSync(join(REPO_ROOT, path), join(root, path), {
      recursive: true,
      filter: (source) => !source.includes('node_modules') && !source.includes('.cache'),
    });
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}
const yamlAt = (root: string, file: string) => parse(readFileSync(join(root, file), 'utf8')) as Record<string, any>;

describe('githubHttpsUrl: the origin remote as the URL Argo CD reads', () => {
  it.each([
    ['git@github.com:Alice-Fork/todo-chatbot.git', FORK_URL],
    ['git@github.com:Alice-Fork/todo-chatbot', FORK_URL],
    ['ssh://git@github.com/Alice-Fork/todo-chatbot.git', FORK_URL],
    ['https://github.com/Alice-Fork/todo-chatbot', FORK_URL],
    ['https://alice:token@github.com/Alice-Fork/todo-chatbot.git', FORK_URL],
    ['https://github.com/Alice-Fork/my.chatbot.git/', 'https://github.com/Alice-Fork/my.chatbot.git'],
  ])('%s -> %s', (remote, url) => {
    expect(githubHttpsUrl(remote)).toBe(url);
  });

  it.each(['git@gitlab.com:alice/todo-chatbot.git', '/srv/git/todo-chatbot.git', ''])(
    'refuses %j with a sentence naming GITOPS_REPO_URL',
    (remote) => {
      expect(() => githubHttpsUrl(remote)).toThrow(/is not a GitHub repository URL: set GITOPS_REPO_URL=.*\.$/);
    },
  );
});

describe("a fork's rewrite and first tag bump", () => {
  const root = copyOfRepository();
  const changed = pointAtFork(root, FORK_URL);
  const bump = spawnSync('npm', ['run', '--silent', 'bump-tags', '--', '--env', 'dev', '--tag', SHA], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(REPO_ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}` },
  });

  it('rewrites every repoURL and image repository, comments kept, and the bump pins the sha', () => {
    expect(bump.stderr).toBe('');
    expect(bump.status).toBe(0);
    expect(changed.sort()).toEqual(
      [
        'argocd/apps/values.yaml',
        'argocd/projects.yaml',
        'argocd/root.yaml',
        'environments/dev/values.yaml',
        'environments/prod/values.yaml',
      ].sort(),
    );
    expect(yamlAt(root, 'argocd/root.yaml').spec.source.repoURL).toBe(FORK_URL);
    const dev = yamlAt(root, 'environments/dev/values.yaml');
    expect(dev.api.image).toEqual({ repository: 'ghcr.io/alice-fork/todo-chatbot-api', tag: SHA });
    expect(dev.web.image).toEqual({ repository: 'ghcr.io/alice-fork/todo-chatbot-web', tag: SHA });
    expect(readFileSync(join(root, 'environments/dev/values.yaml'), 'utf8')).toContain('# Dev environment');
    expect(pointAtFork(root, FORK_URL)).toEqual([]);
  });

  it('leaves the delivery suite green on the rewritten tree', () => {
    // The same tests, reading the copy (DELIVERY_REPO_ROOT); left out: this file (it would recurse) and
    // the bootstrap runs, which read the repository with git (the copy is no repository).
    const suite = spawnSync(
      process.execPath,
      [
        '--experimental-vm-modules',
        join(REPO_ROOT, 'node_modules/jest/bin/jest.js'),
        '--testPathIgnorePatterns',
        'fork\\.spec',
        'bootstrap-(run|laptop|e2e)\\.spec',
      ],
      {
        cwd: join(REPO_ROOT, 'tools/delivery'),
        encoding: 'utf8',
        env: { ...process.env, DELIVERY_REPO_ROOT: root },
        timeout: 240_000,
      },
    );
    const summary = suite.stderr.split('\n').filter((line) => /^(Tests|Test Suites):/.test(line));
    expect({ status: suite.status, summary, failures: suite.status === 0 ? '' : suite.stderr.slice(-4000) }).toEqual({
      status: 0,
      summary: [
        expect.stringMatching(/^Test Suites: \d+ passed, \d+ total$/),
        expect.stringMatching(/^Tests: +\d+ passed, \d+ total$/),
      ],
      failures: '',
    });
  });
});

describe("a fork's rewrite and an upstream digest", () => {
  it("drops the digests: the upstream image's digest does not exist in the fork's registry", () => {
    const root = copyOfRepository();
    const digest = `sha256:${'a'.repeat(64)}`;
    const bump = spawnSync(
      process.execPath,
      [
        join(REPO_ROOT, 'tools/delivery/src/bump-image-tags.cli.ts'),
        '--root',
        root,
        '--env',
        'dev',
        '--tag',
        SHA,
        '--digest',
        `api=${digest}`,
        '--digest',
        `web=${digest}`,
      ],
      { encoding: 'utf8' },
    );
    expect(bump.status).toBe(0);
    expect(yamlAt(root, 'environments/dev/values.yaml').api.image.digest).toBe(digest);
    pointAtFork(root, FORK_URL);
    const dev = yamlAt(root, 'environments/dev/values.yaml');
    expect([dev.api.image.digest, dev.web.image.digest]).toEqual([undefined, undefined]);
    expect(dev.api.image.tag).toBe(SHA);
  });
});

describe('the documented commands work for any tag', () => {
  it('README pins image tags with --set-string (helm --set turns an all-digit sha into a number)', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/--set-string api\.image\.tag=/);
    expect(readme).not.toMatch(/--set \w+\.image\.tag=/);
  });
});
