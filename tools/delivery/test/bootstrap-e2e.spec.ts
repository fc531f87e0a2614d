/**
 * bootstrap/e2e.sh (the kind e2e) run here up to the cluster: stub kind, docker, kubectl and argocd record
 * their calls and answer like a cluster whose chatbot-dev follows the served repository (Degraded while it
 * pins the never-pushed web image, Healthy after a git revert or a rollback); the smoke client talks to a
 * stand-in web app on the port-forward's port. Real: git, the served bare repository, the rewrite, the
 * smoke client, the waits and the order of every step.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { REPO_ROOT } from '../src/binaries.js';
import { standInWebApp } from './support/stand-in-web.js';
import { expectInOrder } from './support/call-order.js';

const STUBS: Record<string, string> = {
  kind: String.raw`
case "$*" in
  "get clusters") [ ! -f "$STATE/cluster" ] || echo todo-e2e ;;
  "create cluster"*) cp "$(echo "$*" | sed 's/.*--config \([^ ]*\).*/\1/')" "$STATE/kind.yaml"; touch "$STATE/cluster" ;;
  "load docker-image"*) [ ! -f "$STATE/load-fails" ] || { echo 'ERROR: image not present locally' >&2; exit 1; } ;;
  "delete cluster"*) rm -f "$STATE/cluster" ;;
esac`,
  docker: String.raw`
case "$*" in
  "run -d"*) echo 0123456789ab ;;
  inspect*) echo 172.18.0.9 ;;
  build*) context=""; for arg in "$@"; do context="$arg"; done; [ -f "$context/Dockerfile" ] ;;
esac`,
  kubectl: String.raw`
state() { # what a cluster following the served repository reports for chatbot-dev
  head=$(git --git-dir="$GITOPS_REMOTE" rev-parse main)
  if [ -f "$STATE/rolled-back" ]; then echo "OutOfSync/Healthy/Succeeded/$(cat "$STATE/rolled-back")"
  elif [ ! -f "$STATE/never-degraded" ] && git --git-dir="$GITOPS_REMOTE" show main:environments/dev/values.yaml | grep -q never-pushed; then echo "Synced/Degraded/Running/$head"
  else echo "Synced/Healthy/Succeeded/$head"; fi
}
case "$*" in
  *" apply -f -"*) cat > /dev/null ;;
  *"create namespace"*) echo 'kind: Namespace' ;;
  *"apply -f "*/argocd/root.yaml) cp "$(echo "$*" | sed 's/.*-f //')" "$STATE/root.yaml" ;;
  *"get application chatbot-dev -o jsonpath={.status.sync.status}"*) [ -f "$STATE/root.yaml" ] || exit 1; printf '%s' "$(state)" ;;
  *"-o jsonpath={.status.operationState.phase}"*) state | cut -d/ -f3 ;;
  *"-o jsonpath={.spec.syncPolicy.automated}"*) [ -f "$STATE/paused" ] || printf '{"prune":true,"selfHeal":true}' ;;
  # One history entry per synced commit: the rewrite, broken, its revert, broken again.
  *"-o jsonpath={range .status.history"*) git --git-dir="$GITOPS_REMOTE" rev-list --reverse --max-count=4 main | awk '{ print NR " " $1 }' ;;
  *" port-forward "*) exec sleep 120 ;;
  *" get "* | *" logs "*) echo "$*" ;;
esac`,
  argocd: String.raw`
case "$*" in
  *"app set chatbot-dev --sync-policy none"*) touch "$STATE/paused" ;;
  *"app set chatbot-dev --sync-policy automated"*) rm -f "$STATE/paused" "$STATE/rolled-back" ;;
  *"app rollback chatbot-dev "*) id="$(echo "$*" | awk '{ print $NF }')"
    git --git-dir="$GITOPS_REMOTE" rev-list --reverse --max-count=4 main | sed -n "$id"p > "$STATE/rolled-back" ;;
esac`,
};

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: string[];
  artifacts: string;
  state: string;
}

const dirs: string[] = [];
const servers: Server[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  for (const server of servers) server.close();
});

/** Runs bootstrap/e2e.sh with the stubs; `port` is where the stand-in web app listens; `setup` changes the stubs' world. */
async function runE2e(
  port: number,
  setup: (state: string, bin: string) => void = () => undefined,
  env: Record<string, string> = {},
): Promise<Run> {
  const work = mkdtempSync(join(tmpdir(), 'e2e-run-'));
  dirs.push(work);
  const [bin, state, artifacts] = ['bin', 'state', 'artifacts'].map((dir) => join(work, dir)) as [
    string,
    string,
    string,
  ];
  for (const dir of [bin, state]) mkdirSync(dir);
  const log = join(work, 'calls.log');
  writeFileSync(log, '');
  for (const [tool, body] of Object.entries(STUBS)) {
    writeFileSync(join(bin, tool), `#!/bin/sh\nSTATE='${state}'\necho "${tool} $*" >> '${log}'\n${body}\n`);
    chmodSync(join(bin, tool), 0o755);
  }
  setup(state, bin);
  return new Promise((resolve) => {
    const child = spawn('/bin/bash', [join(REPO_ROOT, 'bootstrap/e2e.sh')], {
      env: {
        PATH: `${bin}:/usr/bin:/bin`,
        HOME: work,
        ARTIFACTS_DIR: artifacts,
        E2E_WEB_PORT: String(port),
        POLL_SECONDS: '0',
        GIT_CONFIG_NOSYSTEM: '1',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => {
      const calls = readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line !== '');
      resolve({ status, stdout, stderr, calls, artifacts, state });
    });
  });
}

async function standInWeb(): Promise<{ port: number; requests: string[] }> {
  const requests: string[] = [];
  const app = standInWebApp();
  app.prependListener('request', (req) => requests.push(`${req.method} ${req.url}`));
  servers.push(app);
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  return { port: (app.address() as AddressInfo).port, requests };
}

describe('bootstrap/e2e.sh up to the cluster', () => {
  let run: Run;
  let web: { port: number; requests: string[] };
  beforeAll(async () => {
    web = await standInWeb();
    run = await runE2e(web.port);
  }, 120_000);

  it('passes: deploy, smoke, Degraded and healed by git revert, Degraded and healed by argocd app rollback', () => {
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr.slice(-2000) }).toEqual({
      status: 0,
      stderr: '',
    });
    expect(run.stdout).toMatch(/e2e passed in \d+ s: .*data kept\.\n$/);
  });

  it('builds kind with Calico (no default CNI), installs the pinned controllers, loads both images of this commit', () => {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    expect(parse(readFileSync(join(run.state, 'kind.yaml'), 'utf8'))).toMatchObject({
      networking: { disableDefaultCNI: true },
    });
    expectInOrder(run.calls, [
      /^kind create cluster --name todo-e2e --config /,
      /^kubectl --context kind-todo-e2e apply -f https:\/\/raw\.githubusercontent\.com\/projectcalico\/calico\/v[\d.]+\/manifests\/calico\.yaml$/,
      /^kubectl --context kind-todo-e2e -n kube-system rollout status daemonset\/calico-node/,
      /argo-cd\/v[\d.]+\/manifests\/install\.yaml$/,
      /sealed-secrets\/releases\/download\/v[\d.]+\/controller\.yaml$/,
      new RegExp(`^docker build -q -t ghcr\\.io/e2e/todo-chatbot-api:${commit} `),
      new RegExp(`^kind load docker-image ghcr\\.io/e2e/todo-chatbot-api:${commit} --name todo-e2e$`),
      new RegExp(`^kind load docker-image ghcr\\.io/e2e/todo-chatbot-web:${commit} --name todo-e2e$`),
      /^docker run -d --name todo-e2e-git --network kind --user \d+:\d+ -v \S+:\/srv\/git:ro alpine\/git:v[\d.]+ daemon /,
      /^kubectl --context kind-todo-e2e apply -f \S+\/argocd\/projects\.yaml$/,
      /^kubectl --context kind-todo-e2e apply -f \S+\/argocd\/root\.yaml$/,
    ]);
  });

  it('points Argo CD at the served commit', () => {
    const root = parse(readFileSync(join(run.state, 'root.yaml'), 'utf8')) as { spec: { source: { repoURL: string } } };
    expect(root.spec.source.repoURL).toBe('git://172.18.0.9/todo-chatbot.git');
  });

  it('rolls back the documented way: pause, the pause survives the root, rollback to the healed revision, automation back', () => {
    expectInOrder(run.calls, [
      /^argocd --core --kube-context kind-todo-e2e app set chatbot-dev --sync-policy none$/,
      /annotate application todo-chatbot-root argocd\.argoproj\.io\/refresh=hard/,
      /get application chatbot-dev -o jsonpath=\{\.spec\.syncPolicy\.automated\}$/,
      // chatbot-dev's history: the rewrite, broken, its revert (healthy: 3), broken again.
      /^argocd --core --kube-context kind-todo-e2e app rollback chatbot-dev 3$/,
      /^argocd --core --kube-context kind-todo-e2e app set chatbot-dev --sync-policy automated --self-heal --auto-prune$/,
      /^kind delete cluster --name todo-e2e$/,
    ]);
  });

  it('runs the smoke client four times as one user, whose data survives every rollback', () => {
    expect(web.requests.filter((request) => request.startsWith('POST /api/auth/'))).toEqual([
      'POST /api/auth/sign-up/email',
      'POST /api/auth/sign-in/email',
      'POST /api/auth/sign-in/email',
      'POST /api/auth/sign-in/email',
    ]);
    expect(run.stdout.match(/^ok {3}the earlier run's task \(marker \w+\) is still listed$/gm)).toHaveLength(3);
  });
});

describe('bootstrap/e2e.sh on failure', () => {
  it('collects artifacts and deletes the cluster', async () => {
    const web = await standInWeb();
    const run = await runE2e(web.port, (state) => writeFileSync(join(state, 'load-fails'), ''));
    expect(run.status).not.toBe(0);
    expect(existsSync(run.artifacts) ? readdirSync(run.artifacts).sort() : []).toEqual(
      expect.arrayContaining(['argocd-applications.yaml', 'events.txt', 'resources.txt', 'todo-dev-logs.txt']),
    );
    expect(run.calls.at(-1)).toBe('kind delete cluster --name todo-e2e');
  }, 60_000);

  it('gives up when the broken revision never turns Degraded, within WAIT_TIMEOUT_SECONDS, naming what it saw', async () => {
    const web = await standInWeb();
    const run = await runE2e(web.port, (state) => writeFileSync(join(state, 'never-degraded'), ''), {
      WAIT_TIMEOUT_SECONDS: '2',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(
      /^chatbot-dev is not Degraded after 2 s \(it is Synced\/Healthy, last sync Succeeded at [0-9a-f]{12}\)\.$/,
    );
    expect(readdirSync(run.artifacts)).toContain('events.txt');
    expect(run.calls.at(-1)).toBe('kind delete cluster --name todo-e2e');
  }, 60_000);

  it('names a missing argocd CLI in one sentence before anything runs', async () => {
    const run = await runE2e(1, (_state, bin) => rmSync(join(bin, 'argocd')));
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'argocd is not installed: install the argocd CLI (https://argo-cd.readthedocs.io/en/stable/cli_installation/).',
    );
    expect(run.calls).toEqual([]);
  });
});
