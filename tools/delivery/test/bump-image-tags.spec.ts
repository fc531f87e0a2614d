/** The tag-bump CLI: only the tag (and digest) lines change, comments survive, bad input is refused, reruns are no-ops. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { REPO_ROOT } from '../src/binaries.js';
import { readImageDigests, readImageTags, unifiedDiff } from '../src/bump-image-tags.js';

const CLI = join(REPO_ROOT, 'tools/delivery/src/bump-image-tags.cli.ts');
const FIXTURE = join(REPO_ROOT, 'tools/delivery/test/fixtures/environment-values.yaml');
const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const OTHER_SHA = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';
const API_DIGEST = `sha256:${'a1'.repeat(32)}`;
const WEB_DIGEST = `sha256:${'b2'.repeat(32)}`;
const OTHER_DIGEST = `sha256:${'c3'.repeat(32)}`;

let root: string;

/** A throwaway repository root holding environments/<env>/values.yaml copies. */
function environmentFile(environment: string): string {
  return join(root, 'environments', environment, 'values.yaml');
}
function install(environment: string, source: string): void {
  mkdirSync(join(root, 'environments', environment), { recursive: true });
  copyFileSync(source, environmentFile(environment));
}
function bump(...args: string[]) {
  // process.execPath is the Node running jest (22): the CLI runs under its native type stripping.
  const run = spawnSync(process.execPath, [CLI, '--root', root, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
/** Line numbers (0-based) whose text differs; both versions must have the same number of lines. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b).toHaveLength(a.length);
  return a.flatMap((line, index) => (line === b[index] ? [] : [index]));
}
function tagLineIndexes(source: string): number[] {
  return source.split('\n').flatMap((line, index) => (/^ {4}tag: /.test(line) ? [index] : []));
}
const isDigestLine = (line: string) => /^\s+digest:/.test(line);
/** The file without its `digest:` lines: what a bump may change apart from them. */
const withoutDigestLines = (source: string) =>
  source
    .split('\n')
    .filter((line) => !isDigestLine(line))
    .join('\n');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bump-image-tags-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('bump-image-tags --env <env> --tag <tag>', () => {
  it('changes exactly the api and web tag lines, keeping their quoting and trailing comments', () => {
    install('dev', FIXTURE);
    const before = readFileSync(environmentFile('dev'), 'utf8');
    const result = bump('--env', 'dev', '--tag', SHA);
    const after = readFileSync(environmentFile('dev'), 'utf8');

    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(changedLines(before, after)).toEqual(tagLineIndexes(before));
    const lines = after.split('\n');
    const [apiLine, webLine] = tagLineIndexes(before).map((index) => lines[index]);
    expect(apiLine).toBe(`    tag: "${SHA}" # bumped by CI`);
    expect(webLine).toBe(`    tag: ${SHA}`);
    expect(readImageTags(after)).toEqual({ api: SHA, web: SHA });
  });

  it('keeps every comment line and the rest of the document byte for byte', () => {
    install('dev', FIXTURE);
    const before = readFileSync(environmentFile('dev'), 'utf8');
    bump('--env', 'dev', '--tag', SHA);
    const after = readFileSync(environmentFile('dev'), 'utf8');
    for (const comment of before.split('\n').filter((line) => line.includes('#'))) {
      if (!/^ {4}tag: /.test(comment)) expect(after).toContain(comment);
    }
    const { api, web, ...rest } = parse(before) as Record<string, unknown>;
    const { api: apiAfter, web: webAfter, ...restAfter } = parse(after) as Record<string, unknown>;
    expect(restAfter).toEqual(rest);
    expect({ ...(apiAfter as object), image: { ...(api as { image: object }).image, tag: SHA } }).toEqual(apiAfter);
    expect({ ...(webAfter as object), image: { ...(web as { image: object }).image, tag: SHA } }).toEqual(webAfter);
  });

  it('prints the unified diff of what it changed, as diff -u does', () => {
    install('dev', FIXTURE);
    const before = readFileSync(environmentFile('dev'), 'utf8');
    const { stdout } = bump('--env', 'dev', '--tag', SHA);
    const after = readFileSync(environmentFile('dev'), 'utf8');
    expect(stdout).toBe(unifiedDiff(before, after, 'environments/dev/values.yaml'));
    expect(stdout.split('\n').filter((line) => /^[-+] /.test(line))).toHaveLength(4);

    const reference = spawnSync('diff', ['-u', FIXTURE, environmentFile('dev')], { encoding: 'utf8' });
    // diff(1) headers name the real paths and carry timestamps; the hunks must be identical.
    expect(stdout.split('\n').slice(2).join('\n')).toBe(reference.stdout.split('\n').slice(2).join('\n'));
  });

  it('is idempotent: a second run reports no change and leaves the file byte-identical', () => {
    install('dev', FIXTURE);
    bump('--env', 'dev', '--tag', SHA);
    const once = readFileSync(environmentFile('dev'), 'utf8');
    const second = bump('--env', 'dev', '--tag', SHA);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^no change/);
    expect(readFileSync(environmentFile('dev'), 'utf8')).toBe(once);
  });

  it('--component limits the change to that image', () => {
    install('dev', FIXTURE);
    const before = readFileSync(environmentFile('dev'), 'utf8');
    expect(bump('--env', 'dev', '--tag', SHA, '--component', 'web').status).toBe(0);
    const after = readFileSync(environmentFile('dev'), 'utf8');
    expect(changedLines(before, after)).toEqual([tagLineIndexes(before)[1]]);
    expect(readImageTags(after)).toEqual({ api: '0000000000000000000000000000000000000000', web: SHA });
  });

  it('quotes a plain tag that YAML would read as a number, so Helm still gets a string', () => {
    install('dev', FIXTURE);
    bump('--env', 'dev', '--tag', '1234567', '--component', 'web');
    const after = readFileSync(environmentFile('dev'), 'utf8');
    expect(after).toContain('    tag: "1234567"\n');
    expect((parse(after) as { web: { image: { tag: unknown } } }).web.image.tag).toBe('1234567');
  });

  it.each([
    ['latest'],
    [''],
    ['has space'],
    ['-leading-dash'],
    ['.leading-dot'],
    ['slash/inside'],
    ['colon:inside'],
    ['ünïcode'],
    ['x'.repeat(129)],
  ])('refuses the tag %j with exit code 2, one sentence, and no change to the file', (tag) => {
    install('dev', FIXTURE);
    // --tag=<tag>: a tag starting with a dash must reach the tag check, not the option parser.
    const result = bump('--env', 'dev', `--tag=${tag}`);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(/\.$/);
    expect(readFileSync(environmentFile('dev'), 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
  });

  it('accepts the longest valid tag (128 characters)', () => {
    install('dev', FIXTURE);
    expect(bump('--env', 'dev', '--tag', `v${'1'.repeat(127)}`).status).toBe(0);
  });

  it('refuses an unknown component, a bad environment name and unknown options with exit code 2', () => {
    install('dev', FIXTURE);
    expect(bump('--env', 'dev', '--tag', SHA, '--component', 'db').status).toBe(2);
    expect(bump('--env', '../dev', '--tag', SHA).status).toBe(2);
    expect(bump('--env', 'dev', '--tag', SHA, '--push').status).toBe(2);
    expect(bump('--env', 'dev').status).toBe(2);
    const dashed = bump('--env', 'dev', '--tag', '-x');
    expect(dashed.status).toBe(2);
    expect(dashed.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(environmentFile('dev'), 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
  });

  it('fails with exit code 1 when the environment has no values file or no tag key', () => {
    expect(bump('--env', 'staging', '--tag', SHA).status).toBe(1);
    mkdirSync(join(root, 'environments', 'dev'), { recursive: true });
    writeFileSync(environmentFile('dev'), '# no images here\napi:\n  replicas: 2\n');
    const result = bump('--env', 'dev', '--tag', SHA);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('api.image.tag');
    expect(readFileSync(environmentFile('dev'), 'utf8')).toBe('# no images here\napi:\n  replicas: 2\n');
  });
});

describe('bump-image-tags --from dev --to prod (promotion)', () => {
  it("copies dev's tags into prod, changing only prod's tag lines", () => {
    install('dev', FIXTURE);
    install('prod', FIXTURE);
    bump('--env', 'dev', '--tag', SHA, '--component', 'api');
    bump('--env', 'dev', '--tag', OTHER_SHA, '--component', 'web');
    const devBefore = readFileSync(environmentFile('dev'), 'utf8');
    const prodBefore = readFileSync(environmentFile('prod'), 'utf8');

    const result = bump('--from', 'dev', '--to', 'prod');
    const prodAfter = readFileSync(environmentFile('prod'), 'utf8');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('+++ b/environments/prod/values.yaml');
    expect(readImageTags(prodAfter)).toEqual({ api: SHA, web: OTHER_SHA });
    expect(changedLines(prodBefore, prodAfter)).toEqual(tagLineIndexes(prodBefore));
    expect(readFileSync(environmentFile('dev'), 'utf8')).toBe(devBefore);

    expect(bump('--from', 'dev', '--to', 'prod').stdout).toMatch(/^no change/);
  });

  it('--component promotes one image only', () => {
    install('dev', FIXTURE);
    install('prod', FIXTURE);
    bump('--env', 'dev', '--tag', SHA);
    expect(bump('--from', 'dev', '--to', 'prod', '--component', 'api').status).toBe(0);
    expect(readImageTags(readFileSync(environmentFile('prod'), 'utf8'))).toEqual({ api: SHA, web: 'initial' });
  });

  it('mixing --env/--tag with --from/--to is refused with exit code 2', () => {
    install('dev', FIXTURE);
    install('prod', FIXTURE);
    expect(bump('--from', 'dev', '--to', 'prod', '--tag', SHA).status).toBe(2);
    expect(bump('--env', 'prod', '--tag', SHA, '--require-git-sha').status).toBe(2);
    expect(bump('--env', 'prod', '--tag', SHA, '--expect-tag', SHA).status).toBe(2);
  });
});

describe('bump-image-tags --from dev --to prod --require-git-sha [--expect-tag <sha>] (guarded promotion)', () => {
  function refusedInOneSentence(result: ReturnType<typeof bump>, prodBefore: string): void {
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(/\.$/);
    expect(readFileSync(environmentFile('prod'), 'utf8')).toBe(prodBefore);
  }

  it('refuses a dev tag that is not a full git sha (CI never built it), naming the tag', () => {
    install('dev', FIXTURE);
    install('prod', FIXTURE);
    bump('--env', 'dev', '--tag', SHA, '--component', 'api');
    bump('--env', 'dev', '--tag', 'v1.2.3', '--component', 'web');
    const prodBefore = readFileSync(environmentFile('prod'), 'utf8');
    const result = bump('--from', 'dev', '--to', 'prod', '--require-git-sha');
    refusedInOneSentence(result, prodBefore);
    expect(result.stderr).toContain('web.image.tag "v1.2.3"');
    expect(result.stderr).toContain('not a git sha');
    for (const notASha of [SHA.slice(0, 7), SHA.toUpperCase(), `${SHA}0`]) {
      bump('--env', 'dev', '--tag', notASha, '--component', 'web');
      refusedInOneSentence(bump('--from', 'dev', '--to', 'prod', '--require-git-sha'), prodBefore);
    }
    // Only the promoted component is judged.
    expect(bump('--from', 'dev', '--to', 'prod', '--require-git-sha', '--component', 'api').status).toBe(0);
    expect(readImageTags(readFileSync(environmentFile('prod'), 'utf8')).api).toBe(SHA);
  });

  it('promotes when dev still pins the checked sha, and refuses once dev has moved on', () => {
    install('dev', FIXTURE);
    install('prod', FIXTURE);
    bump('--env', 'dev', '--tag', SHA);
    const prodBefore = readFileSync(environmentFile('prod'), 'utf8');
    const movedOn = bump('--from', 'dev', '--to', 'prod', '--require-git-sha', '--expect-tag', OTHER_SHA);
    refusedInOneSentence(movedOn, prodBefore);
    expect(movedOn.stderr).toContain('moved on');

    expect(bump('--from', 'dev', '--to', 'prod', '--require-git-sha', '--expect-tag', SHA).status).toBe(0);
    expect(readImageTags(readFileSync(environmentFile('prod'), 'utf8'))).toEqual({ api: SHA, web: SHA });
  });

  it('refuses an --expect-tag that is not a full git sha with exit code 2', () => {
    install('dev', FIXTURE);
    install('prod', FIXTURE);
    bump('--env', 'dev', '--tag', SHA);
    for (const expected of ['', SHA.slice(0, 7), 'latest']) {
      const result = bump('--from', 'dev', '--to', 'prod', `--expect-tag=${expected}`);
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('bump-image-tags --digest <component>=sha256:<hex> (what release.yml pushed)', () => {
  const withDigests = ['--digest', `api=${API_DIGEST}`, '--digest', `web=${WEB_DIGEST}`];

  it('adds a digest line under each tag line, indented and quoted like it, and keeps every other line', () => {
    install('dev', FIXTURE);
    const before = readFileSync(environmentFile('dev'), 'utf8');
    const result = bump('--env', 'dev', '--tag', SHA, ...withDigests);
    const after = readFileSync(environmentFile('dev'), 'utf8');
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(changedLines(before, withoutDigestLines(after))).toEqual(tagLineIndexes(before));
    const lines = after.split('\n');
    const added = lines.flatMap((line, index) => (isDigestLine(line) ? [index] : []));
    expect(added.map((index) => lines[index - 1])).toEqual([`    tag: "${SHA}" # bumped by CI`, `    tag: ${SHA}`]);
    expect(added.map((index) => lines[index])).toEqual([`    digest: "${API_DIGEST}"`, `    digest: ${WEB_DIGEST}`]);
    expect(readImageTags(after)).toEqual({ api: SHA, web: SHA });
    expect(readImageDigests(after)).toEqual({ api: API_DIGEST, web: WEB_DIGEST });
    expect(result.stdout).toBe(unifiedDiff(before, after, 'environments/dev/values.yaml'));
    expect(bump('--env', 'dev', '--tag', SHA, ...withDigests).stdout).toMatch(/^no change/);
    expect(readFileSync(environmentFile('dev'), 'utf8')).toBe(after);
  });

  it('replaces an existing digest in place, and a tag-only bump removes it: the file is as before digests', () => {
    install('dev', FIXTURE);
    const original = readFileSync(environmentFile('dev'), 'utf8');
    bump('--env', 'dev', '--tag', SHA, ...withDigests);
    const pinned = readFileSync(environmentFile('dev'), 'utf8');
    expect(
      bump('--env', 'dev', '--tag', OTHER_SHA, '--digest', `api=${OTHER_DIGEST}`, '--digest', `web=${WEB_DIGEST}`)
        .status,
    ).toBe(0);
    const repinned = readFileSync(environmentFile('dev'), 'utf8');
    const apiDigestLine = pinned.split('\n').findIndex((line) => line.includes(API_DIGEST));
    expect(changedLines(pinned, repinned)).toEqual([...tagLineIndexes(pinned), apiDigestLine].sort((a, b) => a - b));
    expect(readImageDigests(repinned)).toEqual({ api: OTHER_DIGEST, web: WEB_DIGEST });

    // A local build (bootstrap/minikube.sh) has no registry digest: the old one must not stay behind.
    expect(bump('--env', 'dev', '--tag', '0000000000000000000000000000000000000000', '--component', 'api').status).toBe(
      0,
    );
    bump('--env', 'dev', '--tag', 'initial', '--component', 'web');
    const local = readFileSync(environmentFile('dev'), 'utf8');
    expect(readImageDigests(local)).toEqual({ api: '', web: '' });
    expect(local).toBe(original);
  });

  it('fills an empty `digest:` key where the file already has one', () => {
    mkdirSync(join(root, 'environments', 'dev'), { recursive: true });
    writeFileSync(
      environmentFile('dev'),
      'api:\n  image:\n    tag: a\n    digest:\n    pullPolicy: IfNotPresent\nweb:\n  image:\n    tag: b\n    digest: ""\n',
    );
    expect(bump('--env', 'dev', '--tag', SHA, ...withDigests).status).toBe(0);
    expect(readFileSync(environmentFile('dev'), 'utf8')).toBe(
      `api:\n  image:\n    tag: ${SHA}\n    digest: ${API_DIGEST}\n    pullPolicy: IfNotPresent\nweb:\n  image:\n    tag: ${SHA}\n    digest: "${WEB_DIGEST}"\n`,
    );
  });

  it.each([
    ['a digest that is not sha256 and 64 lowercase hex characters', ['--digest', `api=${API_DIGEST.toUpperCase()}`]],
    ['a short digest', ['--digest', 'api=sha256:abc']],
    ['another algorithm', ['--digest', `api=sha512:${'a'.repeat(128)}`]],
    ['a digest without its component', ['--digest', API_DIGEST]],
    ['an unknown component', ['--digest', `db=${API_DIGEST}`]],
    ['the same component twice', ['--digest', `api=${API_DIGEST}`, '--digest', `api=${OTHER_DIGEST}`]],
    ['a digest for a component the bump leaves alone', ['--component', 'web', '--digest', `api=${API_DIGEST}`]],
  ])('refuses %s with exit code 2, one sentence, and no change to the file', (_what, args) => {
    install('dev', FIXTURE);
    const result = bump('--env', 'dev', '--tag', SHA, ...args);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(environmentFile('dev'), 'utf8')).toBe(readFileSync(FIXTURE, 'utf8'));
  });

  it('refuses --digest with a promotion (digests come from the source environment)', () => {
    install('dev', FIXTURE);
    install('prod', FIXTURE);
    expect(bump('--from', 'dev', '--to', 'prod', '--digest', `api=${API_DIGEST}`).status).toBe(2);
  });

  it('fails with exit code 1, file unchanged, when the tag is in a flow map it cannot add a line to', () => {
    mkdirSync(join(root, 'environments', 'dev'), { recursive: true });
    const source = 'api:\n  image: { repository: x, tag: a }\nweb:\n  image:\n    tag: b\n';
    writeFileSync(environmentFile('dev'), source);
    const result = bump('--env', 'dev', '--tag', SHA, ...withDigests);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('api.image');
    expect(readFileSync(environmentFile('dev'), 'utf8')).toBe(source);
  });

  it('a promotion copies the digest with the tag, and removes a digest dev no longer has', () => {
    install('dev', FIXTURE);
    install('prod', FIXTURE);
    bump('--env', 'dev', '--tag', SHA, ...withDigests);
    const prodBefore = readFileSync(environmentFile('prod'), 'utf8');
    expect(bump('--from', 'dev', '--to', 'prod', '--require-git-sha', '--expect-tag', SHA).status).toBe(0);
    const prodAfter = readFileSync(environmentFile('prod'), 'utf8');
    expect(readImageTags(prodAfter)).toEqual({ api: SHA, web: SHA });
    expect(readImageDigests(prodAfter)).toEqual({ api: API_DIGEST, web: WEB_DIGEST });
    expect(changedLines(prodBefore, withoutDigestLines(prodAfter))).toEqual(tagLineIndexes(prodBefore));

    bump('--env', 'dev', '--tag', OTHER_SHA, '--component', 'web');
    expect(bump('--from', 'dev', '--to', 'prod', '--component', 'web').status).toBe(0);
    expect(readImageDigests(readFileSync(environmentFile('prod'), 'utf8'))).toEqual({ api: API_DIGEST, web: '' });
  });
});

describe('the real environments/dev/values.yaml (a temporary copy)', () => {
  const real = join(REPO_ROOT, 'environments/dev/values.yaml');

  // Whether CI has pinned digests there yet or not: only tag and digest lines may change.
  it.each([
    [
      'with the digests CI pushed',
      ['--digest', `api=${API_DIGEST}`, '--digest', `web=${WEB_DIGEST}`],
      { api: API_DIGEST, web: WEB_DIGEST },
    ],
    ['as a local build, without digests', [], { api: '', web: '' }],
  ])('exists, pins both image tags, and bumps %s changing exactly its tag and digest lines', (_what, args, digests) => {
    expect(existsSync(real)).toBe(true);
    install('dev', real);
    const before = readFileSync(environmentFile('dev'), 'utf8');
    expect(Object.keys(readImageTags(before)).sort()).toEqual(['api', 'web']);
    expect(bump('--env', 'dev', '--tag', SHA, ...args).status).toBe(0);
    const after = readFileSync(environmentFile('dev'), 'utf8');
    const changed = changedLines(withoutDigestLines(before), withoutDigestLines(after));
    expect(changed.length).toBeLessThanOrEqual(2);
    for (const index of changed) expect(withoutDigestLines(after).split('\n')[index]).toMatch(/^\s+tag: /);
    expect(readImageTags(after)).toEqual({ api: SHA, web: SHA });
    expect(readImageDigests(after)).toEqual(digests);
    expect(after.split('\n').filter(isDigestLine)).toHaveLength(args.length / 2);
    expect(bump('--env', 'dev', '--tag', SHA, ...args).stdout).toMatch(/^no change/);
  });
});
