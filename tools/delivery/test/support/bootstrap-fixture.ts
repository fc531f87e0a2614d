/**
 * A user's machine for bootstrap/minikube.sh without a cluster: a clone of this repository whose origin is
 * a local bare repository (the fork), and stub minikube, kubectl, docker, kubeseal and argocd on PATH that
 * record every call in one log (the bare repository's hook logs each push there too) and answer like a
 * fresh Minikube with Argo CD would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from '@jest/globals';
import { REPO_ROOT } from '../../src/binaries.js';

export const FORK_URL = 'https://github.com/Alice-Fork/todo-chatbot.git';
export const STUBBED = ['minikube', 'kubectl', 'docker', 'kubeseal', 'argocd'] as const;

// Each stub: log the call, then answer from the state folder (what earlier calls changed).
const STUBS: Record<(typeof STUBBED)[number], string> = {
  minikube: String.raw`
case "$*" in
  *" status "*)
    [ -f "$STATE/running" ] || { echo Stopped; exit 7; }
    case "$*" in *Host*APIServer*) echo 'Running Running' ;; *) echo Running ;; esac ;;
  *" start "*) touch "$STATE/running"; case "$*" in *--cni=calico*) touch "$STATE/calico" ;; esac ;;
  *" image ls"*) [ ! -f "$STATE/images" ] || cat "$STATE/images" ;;
  *" image build "*)
    image=""; context=""; previous=""
    for arg in "$@"; do [ "$previous" = -t ] && image="$arg"; previous="$arg"; context="$arg"; done
    component=$(printf '%s' "$image" | sed 's/.*todo-chatbot-//; s/:.*//')
    # A build context made from a commit: the Dockerfile is there, the working tree's .env and node_modules are not.
    [ -f "$context/Dockerfile" ] && [ ! -e "$context/.env" ] && [ ! -e "$context/node_modules" ] || { echo "bad build context $context" >&2; exit 1; }
    # minikube exits 0 when the build failed (kubernetes/minikube#16576): the image just is not there.
    [ -f "$STATE/build-fails" ] || echo "$image" >> "$STATE/images" ;;
  *" service "*) echo http://192.168.49.2:30080 ;;
  *" ip") echo 192.168.49.2 ;;
esac`,
  kubectl: String.raw`
case "$*" in
  *" apply -f -"* | *" apply -n argocd -f -"*) cat > /dev/null ;;
  *"sealed-secrets/releases/download"*) touch "$STATE/controller" ;;
  *"create namespace"*) echo "apiVersion: v1"; echo "kind: Namespace" ;;
  *"get secret -l sealedsecrets.bitnami.com/sealed-secrets-key -o name"*) [ -f "$STATE/controller" ] && echo secret/sealed-secrets-key1 ;;
  *"get secret -l sealedsecrets.bitnami.com/sealed-secrets-key -o yaml"*)
    [ -f "$STATE/controller" ] && printf 'apiVersion: v1\nitems:\n- metadata:\n    labels:\n      sealedsecrets.bitnami.com/sealed-secrets-key: active\nkind: List\n' ;;
  *"get daemonset calico-node"*) [ -f "$STATE/calico" ] ;;
  *"get application chatbot-"*"-o jsonpath={.status.sync.status}/{.status.health.status}/{.status.operationState.phase}/"*)
    # Two polls while Argo CD syncs, then the last operation on origin's main: it succeeded, or the
    # smoke test failed it (once, until a sync is started again, or always).
    polls=$(($(cat "$STATE/polls" 2>/dev/null || echo 0) + 1)); echo "$polls" > "$STATE/polls"
    head=$(git --git-dir="$ORIGIN" rev-parse main)
    if [ "$polls" -le 2 ]; then printf OutOfSync/Progressing/Running/
    elif [ -f "$STATE/sync-fails-always" ] || { [ -f "$STATE/sync-fails-once" ] && [ ! -f "$STATE/sync-started" ]; }; then printf "Synced/Healthy/Failed/$head"
    else printf "Synced/Healthy/Succeeded/$head"; fi ;;
  *"-o jsonpath={.status.operationState.message}"*) echo 'one or more synchronization tasks completed unsuccessfully (PostSync chatbot-test-chat)' ;;
  *" patch application chatbot-"*) touch "$STATE/sync-started" ;;
  *"get service -l app.kubernetes.io/component=web"*) printf chatbot-web ;;
  *"get secret argocd-initial-admin-secret"*) printf cGFzc3dvcmQ= ;;
  *"get pod -l app.kubernetes.io/component=postgresql"*) printf chatbot-postgresql-0 ;;
  *" exec -i chatbot-postgresql-0 "*pg_dump*) printf 'PGDMP-dump-of-todo' ;;
  *" exec -i chatbot-postgresql-0 "*pg_restore*) cat > "$STATE/restored" ;;
  *"get deployment sealed-secrets-controller"*) [ -f "$STATE/controller" ] ;;
  *" apply -f "*) touch "$STATE/applied-file" ;;
esac`,
  docker: 'exit 0',
  kubeseal: String.raw`
cat > /dev/null
case "$*" in
  *--validate*) [ ! -f "$STATE/sealed-for-another-cluster" ] ;;
  *--raw*) printf 'AgSealedForThisCluster' ;;
esac`,
  argocd: 'exit 0',
};

export interface BootstrapMachine {
  work: string;
  clone: string;
  origin: string;
  home: string;
  log: string;
  /** PATH with the stubs first, then either the project's Node 22 or the machine's own node. */
  path(node: 'machine' | 'project'): string;
  /** The calls recorded so far, one "tool args…" per line (pushes as "git-push <ref>"). */
  calls(): string[];
  clearCalls(): void;
  /** Runs bootstrap/<script> (minikube.sh by default) in the clone as the user would. */
  run(
    args?: readonly string[],
    extraEnv?: Record<string, string>,
    node?: 'machine' | 'project',
    script?: string,
  ): { status: number | null; stdout: string; stderr: string };
  /** Marks a piece of cluster or machine state for the stubs (e.g. 'running', 'controller'). */
  setState(name: string, content?: string): void;
  git(...args: string[]): string;
  originGit(...args: string[]): string;
  remove(): void;
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd },
  }).trim();
}

/** Files of this repository as a user's clone has them (tracked and new, never ignored ones). */
function repositoryFiles(): string[] {
  return git(REPO_ROOT, ['ls-files', '--cached', '--others', '--exclude-standard', '-z'])
    .split('\0')
    .filter((file) => file !== '' && spawnSync('test', ['-e', join(REPO_ROOT, file)]).status === 0);
}

export function createBootstrapMachine(): BootstrapMachine {
  const work = mkdtempSync(join(tmpdir(), 'bootstrap-run-'));
  const [clone, origin, home, bin, state] = ['clone', 'origin.git', 'home', 'bin', 'state'].map((dir) =>
    join(work, dir),
  ) as [string, string, string, string, string];
  const log = join(work, 'calls.log');
  for (const dir of [clone, home, bin, state]) mkdirSync(dir, { recursive: true });
  writeFileSync(log, '');

  for (const file of repositoryFiles()) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    cpSync(join(REPO_ROOT, file), join(clone, file));
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(clone, 'node_modules'));
  writeFileSync(
    join(clone, '.env'),
    'BETTER_AUTH_SECRET=a-local-secret-of-at-least-32-characters-000\nOPENAI_API_KEY=\n',
  );
  const config = ['-c', 'user.name=Alice', '-c', 'user.email=alice@example.com'];
  git(clone, ['init', '-q', '-b', 'main']);
  git(clone, ['config', 'user.name', 'Alice']);
  git(clone, ['config', 'user.email', 'alice@example.com']);
  git(clone, ['add', '-A']);
  git(clone, [...config, 'commit', '-q', '-m', 'Fork of todo-chatbot']);
  git(work, ['init', '-q', '--bare', '-b', 'main', origin]);
  git(clone, ['remote', 'add', 'origin', origin]);
  git(clone, ['push', '-q', '-u', 'origin', 'main']);
  writeFileSync(
    join(origin, 'hooks/post-receive'),
    `#!/bin/sh\nwhile read -r old new ref; do echo "git-push $ref" >> '${log}'; done\n`,
  );
  chmodSync(join(origin, 'hooks/post-receive'), 0o755);

  for (const tool of STUBBED) {
    writeFileSync(
      join(bin, tool),
      `#!/bin/sh\nSTATE='${state}'\nORIGIN='${origin}'\necho "${tool} $*" >> '${log}'\n${STUBS[tool]}\n`,
    );
    chmodSync(join(bin, tool), 0o755);
  }

  const machine: BootstrapMachine = {
    work,
    clone,
    origin,
    home,
    log,
    path: (node) =>
      [bin, ...(node === 'project' ? [join(REPO_ROOT, 'node_modules/.bin')] : []), '/usr/bin', '/bin'].join(':'),
    calls: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line !== ''),
    clearCalls: () => writeFileSync(log, ''),
    run(args = [], extraEnv = {}, node = 'machine', script = 'minikube.sh') {
      const result = spawnSync('bash', [join(clone, 'bootstrap', script), ...args], {
        cwd: clone,
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          PATH: machine.path(node),
          HOME: home,
          GITOPS_REPO_URL: FORK_URL,
          POLL_SECONDS: '0',
          GIT_CONFIG_NOSYSTEM: '1',
          ...extraEnv,
        },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    setState: (name, content = '') => writeFileSync(join(state, name), content),
    git: (...args) => git(clone, args),
    originGit: (...args) => git(origin, args),
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
  return machine;
}

/** A factory of machines for one spec file; every machine it made is removed after the file's tests. */
export function machinesRemovedAfterAll(): () => BootstrapMachine {
  const machines: BootstrapMachine[] = [];
  afterAll(() => {
    for (const machine of machines) machine.remove();
  });
  return () => {
    const machine = createBootstrapMachine();
    machines.push(machine);
    return machine;
  };
}
