/**
 * bootstrap/minikube.sh end to end on a user's machine without a cluster (support/bootstrap-fixture.ts):
 * the rewrite, the commit and the push to the fork, the image builds and the Argo CD steps happen in the
 * right order, under the machine's own node (20 here) and the project's Node 22; a re-run converges
 * without a second commit, build or start; each missing prerequisite is one sentence and nothing runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { REPO_ROOT } from '../src/binaries.js';
import { FORK_URL, STUBBED, machinesRemovedAfterAll } from './support/bootstrap-fixture.js';
import { expectInOrder } from './support/call-order.js';

const newMachine = machinesRemovedAfterAll();
const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';
const nodeVersion = (path: string) =>
  spawnSync('node', ['--version'], { encoding: 'utf8', env: { PATH: path } }).stdout.trim();

const ARGO_ORDER: readonly RegExp[] = [
  /^docker info$/,
  /^minikube -p minikube start --cpus=4 --memory=8g --cni=calico$/,
  /^minikube -p minikube addons enable metrics-server$/,
  /^minikube -p minikube addons enable ingress$/,
  /^kubectl --context minikube apply -n argocd --server-side --force-conflicts -f https:\/\/raw\.githubusercontent\.com\/argoproj\/argo-cd\/v[\d.]+\/manifests\/install\.yaml$/,
  /^kubectl --context minikube apply --server-side --force-conflicts -f https:\/\/github\.com\/bitnami-labs\/sealed-secrets\/releases\/download\/v[\d.]+\/controller\.yaml$/,
  /^kubectl --context minikube -n argocd rollout status deployment\/argocd-server/,
  /^kubectl --context minikube -n kube-system rollout status deployment\/sealed-secrets-controller/,
  /^kubectl --context minikube -n kube-system get secret -l sealedsecrets\.bitnami\.com\/sealed-secrets-key -o yaml$/,
  /^git-push refs\/heads\/main$/,
  /^minikube -p minikube image ls$/,
  /^minikube -p minikube image build -t ghcr\.io\/alice-fork\/todo-chatbot-api:[0-9a-f]{40} --build-opt=target=api --build-opt=build-arg=GIT_SHA=[0-9a-f]{40} /,
  /^minikube -p minikube image build -t ghcr\.io\/alice-fork\/todo-chatbot-web:[0-9a-f]{40} --build-opt=target=web /,
  /^kubectl --context minikube apply -f argocd\/projects\.yaml$/,
  /^kubectl --context minikube apply -f argocd\/root\.yaml$/,
  /^kubectl --context minikube -n argocd annotate application todo-chatbot-root argocd\.argoproj\.io\/refresh=normal --overwrite$/,
  /^kubectl --context minikube -n argocd get application chatbot-dev -o jsonpath=/,
];

describe.each(['machine', 'project'] as const)(
  "bootstrap/minikube.sh on a fork, with the %s's node first on PATH",
  (node) => {
    const machine = newMachine();
    const forkedAt = machine.git('rev-parse', 'HEAD');
    const first = machine.run([], {}, node);

    it(`runs to the end (node ${nodeVersion(machine.path(node))} on PATH; the helpers run on the project's Node 22)`, () => {
      const output = first.status === 0 ? '' : `${first.stdout.slice(-1500)}\n${first.stderr}`;
      expect({ status: first.status, output, stderr: first.stderr }).toEqual({
        status: 0,
        output: '',
        stderr: expect.not.stringMatching(/error|not installed|Usage/i),
      });
      expect(first.stdout).toContain('todo-chatbot (dev) is Synced and Healthy, and its smoke test passed.');
      expect(first.stdout).toContain('http://192.168.49.2:30080');
      expect(first.stdout).toContain('https://github.com/Alice-Fork/todo-chatbot/actions');
    });

    it('starts and prepares Minikube, installs Argo CD, backs up the sealing key, pushes, builds, then hands over to Argo CD', () => {
      expectInOrder(machine.calls(), ARGO_ORDER);
    });

    it('pushes one [skip ci] commit to the fork that touches only argocd/ and environments/', () => {
      const pushed = machine.originGit('log', '--format=%s', `${forkedAt}..main`).split('\n');
      expect(pushed).toEqual([`Point Argo CD at ${FORK_URL} [skip ci]`]);
      const files = machine.originGit('show', '--name-only', '--format=', 'main').split('\n');
      expect(files.every((file) => /^(argocd|environments)\//.test(file))).toBe(true);
      const root = parse(machine.originGit('show', 'main:argocd/root.yaml')) as {
        spec: { source: { repoURL: string } };
      };
      expect(root.spec.source.repoURL).toBe(FORK_URL);
      const dev = parse(machine.originGit('show', 'main:environments/dev/values.yaml')) as Record<
        'api' | 'web',
        { image: { repository: string; tag: string } }
      >;
      // The tag names the commit the images were built from (the fork point), never a placeholder.
      expect(dev.api.image).toEqual({ repository: 'ghcr.io/alice-fork/todo-chatbot-api', tag: forkedAt });
      expect(dev.web.image).toEqual({ repository: 'ghcr.io/alice-fork/todo-chatbot-web', tag: forkedAt });
    });

    it('builds each image from that commit, not from the working tree', () => {
      const builds = machine.calls().filter((call) => call.includes(' image build '));
      expect(builds).toHaveLength(2);
      for (const build of builds) expect(build).toContain(`--build-opt=build-arg=GIT_SHA=${forkedAt}`);
    });

    it('keeps the sealing-key backup private, outside the clone', () => {
      const backup = join(machine.home, '.config/todo-chatbot/sealing-key-minikube.yaml');
      expect(readFileSync(backup, 'utf8')).toContain('sealedsecrets.bitnami.com/sealed-secrets-key');
      expect(statSync(backup).mode & 0o077).toBe(0);
    });

    it('converges on a re-run: no new commit, push, Minikube start or image build', () => {
      const head = machine.originGit('rev-parse', 'main');
      machine.clearCalls();
      const again = machine.run([], {}, node);
      expect({ status: again.status, stderr: again.stderr }).toEqual({ status: 0, stderr: '' });
      expect(machine.originGit('rev-parse', 'main')).toBe(head);
      const calls = machine.calls();
      expect(calls.filter((call) => / start | image build |^git-push/.test(call))).toEqual([]);
      expect(again.stdout).toContain('Minikube profile minikube is already running.');
      expect(calls).toContain('kubectl --context minikube apply -f argocd/root.yaml');
    });
  },
);

describe('bootstrap/minikube.sh believes only a successful sync of what it pushed', () => {
  it('starts the sync once more when the last one failed (e.g. the PostSync smoke test), and then succeeds', () => {
    const machine = newMachine();
    machine.setState('sync-fails-once');
    const result = machine.run();
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({
      status: 0,
      stderr: expect.stringContaining('PostSync chatbot-test-chat'),
    });
    expect(result.stdout).toContain('the sync of');
    expect(machine.calls().filter((call) => call.includes(' patch application chatbot-dev '))).toHaveLength(1);
  });

  it('gives up in one sentence when the sync fails again', () => {
    const machine = newMachine();
    machine.setState('sync-fails-always');
    const result = machine.run();
    expect(result.status).toBe(1);
    expect(lastLine(result.stderr)).toMatch(
      /^chatbot-dev failed to sync [0-9a-f]{12} twice: see the message above and kubectl -n todo-dev get pods,jobs,events\.$/,
    );
  });

  it('stops when an image build failed, though minikube image build exited 0', () => {
    const machine = newMachine();
    machine.setState('build-fails');
    const result = machine.run();
    expect(result.status).toBe(1);
    expect(lastLine(result.stderr)).toMatch(
      /^Building ghcr\.io\/alice-fork\/todo-chatbot-api:[0-9a-f]{40} failed \(see the build output above\): /,
    );
    expect(machine.calls().some((call) => call.includes('apply -f argocd/root.yaml'))).toBe(false);
  });
});

describe('bootstrap/minikube.sh refuses in one sentence, before doing anything', () => {
  const machine = newMachine();

  function refuses(
    setup: () => void,
    undo: () => void,
    expected: RegExp,
    env: Record<string, string> = {},
    path?: string,
  ): void {
    setup();
    try {
      machine.clearCalls();
      const result = path
        ? spawnSync('/bin/bash', [join(machine.clone, 'bootstrap/minikube.sh')], {
            cwd: machine.clone,
            encoding: 'utf8',
            env: { PATH: path, HOME: machine.home, GITOPS_REPO_URL: FORK_URL },
          })
        : machine.run([], env);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr.trim()).toMatch(expected);
      expect(result.stderr.trim()).toMatch(/[.)]$/);
      // Only the read-only checks may have run (docker info); nothing was started, applied or pushed.
      expect(machine.calls().filter((call) => call !== 'docker info')).toEqual([]);
    } finally {
      undo();
    }
  }
  const noop = () => undefined;

  /** A PATH of the stubs and the few real tools the script needs before its checks, less one tool. */
  function pathWithout(missing: string): string {
    const dir = join(machine.work, `path-without-${missing}`);
    mkdirSync(dir);
    const real = ['dirname', 'sed', 'tail', 'grep', 'tr', 'git', 'node'].map((tool) => [tool, `/usr/bin/${tool}`]);
    const stubs = STUBBED.map((tool) => [tool, join(machine.work, 'bin', tool)]);
    for (const [tool, target] of [...real, ...stubs]) if (tool !== missing) symlinkSync(target!, join(dir, tool!));
    return dir;
  }

  it.each(['docker', 'minikube', 'kubectl', 'git', 'node'])('names a missing %s', (tool) => {
    refuses(noop, noop, new RegExp(`^${tool} is not installed: `), {}, pathWithout(tool));
  });

  it('says so when npm ci has not been run (no project Node 22)', () => {
    const link = join(machine.clone, 'node_modules');
    refuses(
      () => unlinkSync(link),
      () => symlinkSync(join(REPO_ROOT, 'node_modules'), link),
      /^node_modules is missing: run npm ci in /,
    );
  });

  it('says so when the docker daemon does not answer', () => {
    const docker = join(machine.work, 'bin', 'docker');
    const saved = readFileSync(docker);
    refuses(
      () => writeFileSync(docker, '#!/bin/sh\nexit 1\n'),
      () => writeFileSync(docker, saved),
      /^docker is installed but its daemon does not answer/,
    );
  });

  it('says so without .env, without BETTER_AUTH_SECRET, and without kubeseal for a real key', () => {
    const env = join(machine.clone, '.env');
    const saved = readFileSync(env, 'utf8');
    refuses(
      () => rmSync(env),
      () => writeFileSync(env, saved),
      /^There is no \.env: run cp \.env\.example \.env/,
    );
    refuses(
      () => writeFileSync(env, 'BETTER_AUTH_SECRET=\n'),
      () => writeFileSync(env, saved),
      /^BETTER_AUTH_SECRET is empty in \.env/,
    );
    const kubeseal = join(machine.work, 'bin', 'kubeseal');
    const stub = readFileSync(kubeseal);
    refuses(
      () => {
        writeFileSync(env, `${saved}OPENAI_API_KEY=sk-test\n`);
        unlinkSync(kubeseal);
      },
      () => {
        writeFileSync(env, saved);
        writeFileSync(kubeseal, stub, { mode: 0o755 });
      },
      /^kubeseal is not installed: /,
    );
  });

  it('says so when the clone has no origin, or origin is not on GitHub and GITOPS_REPO_URL is unset', () => {
    const origin = machine.git('remote', 'get-url', 'origin');
    refuses(
      () => machine.git('remote', 'remove', 'origin'),
      () => machine.git('remote', 'add', 'origin', origin),
      /^This clone has no git remote named origin/,
    );
    // The origin here is a local path: without GITOPS_REPO_URL the rewrite refuses before any change.
    machine.clearCalls();
    const result = spawnSync('bash', [join(machine.clone, 'bootstrap/minikube.sh')], {
      cwd: machine.clone,
      encoding: 'utf8',
      env: { PATH: machine.path('machine'), HOME: machine.home, POLL_SECONDS: '0' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/is not a GitHub repository URL: set GITOPS_REPO_URL=/);
    expect(machine.git('status', '--porcelain', '--', 'argocd', 'environments')).toBe('');
    expect(machine.calls().filter((call) => call.startsWith('git-push') || call.includes(' image build '))).toEqual([]);
  });
});
