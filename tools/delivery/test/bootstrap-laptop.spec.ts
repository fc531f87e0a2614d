/**
 * The laptop scripts around bootstrap/minikube.sh, run for real against the stub machine
 * (support/bootstrap-fixture.ts): sealed secrets re-sealed for a new cluster, the sealing key kept across
 * `down.sh --delete`, syncing without waiting for the poll, database backup and restore, TLS.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { type BootstrapMachine, machinesRemovedAfterAll } from './support/bootstrap-fixture.js';

const newMachine = machinesRemovedAfterAll();
const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

describe('sealed dev secrets on a new cluster', () => {
  /** A fork whose environments/dev holds ciphertexts, and a .env with a real key. */
  function sealedFork(): BootstrapMachine {
    const machine = newMachine();
    const values = join(machine.clone, 'environments/dev/values.yaml');
    writeFileSync(
      values,
      `${readFileSync(values, 'utf8')}secrets:\n  mode: sealed\n  encryptedData:\n    OPENAI_API_KEY: AgOldCluster\n    BETTER_AUTH_SECRET: AgOldCluster\n    DATABASE_URL: AgOldCluster\n`,
    );
    writeFileSync(
      join(machine.clone, '.env'),
      'BETTER_AUTH_SECRET=a-local-secret-of-at-least-32-characters-000\nOPENAI_API_KEY=sk-test\n',
    );
    machine.git('commit', '-q', '-am', 'Seal dev secrets');
    machine.git('push', '-q', 'origin', 'main');
    machine.clearCalls();
    return machine;
  }
  const pushedSecrets = (machine: BootstrapMachine) =>
    (
      parse(machine.originGit('show', 'main:environments/dev/values.yaml')) as {
        secrets: { encryptedData: Record<string, string> };
      }
    ).secrets.encryptedData;

  it('re-seals .env for this cluster and pushes the new ciphertexts when the controller cannot decrypt them', () => {
    const machine = sealedFork();
    machine.setState('sealed-for-another-cluster');
    const result = machine.run();
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout).toContain('sealed for another cluster');
    const calls = machine.calls();
    const validate = calls.findIndex((call) => call.startsWith('kubeseal --validate'));
    const seals = calls.filter(
      (call) => call.startsWith('kubeseal --raw') && call.includes('--namespace todo-dev --name chatbot-secrets'),
    );
    expect(validate).toBeGreaterThan(-1);
    expect(seals).toHaveLength(3);
    expect(calls.indexOf(seals[0]!)).toBeGreaterThan(validate);
    expect(calls.indexOf(seals[0]!)).toBeLessThan(calls.indexOf('git-push refs/heads/main'));
    expect(pushedSecrets(machine)).toEqual({
      OPENAI_API_KEY: 'AgSealedForThisCluster',
      BETTER_AUTH_SECRET: 'AgSealedForThisCluster',
      DATABASE_URL: 'AgSealedForThisCluster',
    });
  });

  it('keeps the committed ciphertexts when this cluster decrypts them', () => {
    const machine = sealedFork();
    const result = machine.run();
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(machine.calls().filter((call) => call.startsWith('kubeseal --raw'))).toEqual([]);
    expect(pushedSecrets(machine).OPENAI_API_KEY).toBe('AgOldCluster');
  });
});

describe('the sealing key survives down.sh --delete', () => {
  const machine = newMachine();
  machine.setState('running');
  machine.setState('controller');
  const backup = join(machine.home, '.config/todo-chatbot/sealing-key-minikube.yaml');

  it('down.sh --delete backs the key up before deleting the profile', () => {
    const result = machine.run(['--delete'], {}, 'machine', 'down.sh');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    const calls = machine.calls();
    const saved = calls.indexOf(
      'kubectl --context minikube -n kube-system get secret -l sealedsecrets.bitnami.com/sealed-secrets-key -o yaml',
    );
    expect(saved).toBeGreaterThan(-1);
    expect(saved).toBeLessThan(calls.indexOf('minikube -p minikube delete'));
    expect(readFileSync(backup, 'utf8')).toContain('sealed-secrets-key');
  });

  it('sealing-key.sh restore applies it and restarts the controller, which reads keys at start', () => {
    machine.clearCalls();
    const result = machine.run(['restore'], {}, 'machine', 'sealing-key.sh');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    const calls = machine.calls();
    expect(calls.indexOf(`kubectl --context minikube apply -f ${backup}`)).toBeLessThan(
      calls.indexOf('kubectl --context minikube -n kube-system rollout restart deployment/sealed-secrets-controller'),
    );
  });

  it('sealing-key.sh restore without a backup says where it looked, in one sentence', () => {
    const result = machine.run(['restore', '/nonexistent/key.yaml'], {}, 'machine', 'sealing-key.sh');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'There is no sealing-key backup at /nonexistent/key.yaml: pass the file as the second argument.',
    );
  });
});

describe('minikube.sh on a new cluster with a backed-up key', () => {
  it('applies the backup before installing the controller, so committed SealedSecrets still decrypt', () => {
    const machine = newMachine();
    const backup = join(machine.home, '.config/todo-chatbot/sealing-key-minikube.yaml');
    mkdirSync(dirname(backup), { recursive: true });
    writeFileSync(backup, 'apiVersion: v1\nkind: List\nitems: []\n', { mode: 0o600 });
    const result = machine.run();
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    const calls = machine.calls();
    const restore = calls.indexOf(`kubectl --context minikube apply -f ${backup}`);
    expect(restore).toBeGreaterThan(-1);
    expect(restore).toBeLessThan(calls.findIndex((call) => call.includes('sealed-secrets/releases/download')));
  });
});

describe('sync.sh', () => {
  const machine = newMachine();

  it('dev: asks Argo CD to re-read git now and waits for Synced/Healthy', () => {
    const result = machine.run([], {}, 'machine', 'sync.sh');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(machine.calls()).toContain(
      'kubectl --context minikube -n argocd annotate application chatbot-dev argocd.argoproj.io/refresh=normal --overwrite',
    );
    expect(machine.calls().some((call) => call.includes(' patch '))).toBe(false);
    expect(lastLine(result.stdout)).toBe(
      `chatbot-dev is Synced and Healthy at ${machine.originGit('rev-parse', 'main')}, its last sync (smoke test included) succeeded.`,
    );
  });

  it('prod: also starts the sync its manual policy waits for', () => {
    machine.clearCalls();
    const result = machine.run(['prod'], {}, 'machine', 'sync.sh');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(machine.calls().find((call) => call.includes(' patch application chatbot-prod --type merge'))).toContain(
      '"sync":{"syncStrategy":{"hook":{}}}',
    );
  });

  it('refuses an unknown environment', () => {
    const result = machine.run(['staging'], {}, 'machine', 'sync.sh');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Usage: bootstrap/sync.sh [dev|prod]');
  });
});

describe('db.sh', () => {
  const machine = newMachine();
  const dump = join(machine.work, 'todo.dump');

  it('backs up with pg_dump inside the database pod into a private file', () => {
    const result = machine.run(['backup', dump], {}, 'machine', 'db.sh');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(readFileSync(dump, 'utf8')).toBe('PGDMP-dump-of-todo');
    expect(machine.calls().find((call) => call.includes(' exec '))).toMatch(
      /-n todo-dev exec -i chatbot-postgresql-0 -c postgresql -- sh -c pg_dump --format=custom/,
    );
  });

  it('restores that file with pg_restore in one transaction', () => {
    const result = machine.run(['restore', dump], {}, 'machine', 'db.sh');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(machine.calls().find((call) => call.includes('pg_restore'))).toContain('--single-transaction');
  });

  it('refuses a restore without a file, and a missing file, in one sentence', () => {
    expect(machine.run(['restore'], {}, 'machine', 'db.sh').stderr.trim()).toBe(
      'Usage: bootstrap/db.sh backup [file] | restore <file>',
    );
    expect(machine.run(['restore', '/nonexistent.dump'], {}, 'machine', 'db.sh').stderr.trim()).toMatch(
      /^\/nonexistent\.dump does not exist or is empty: /,
    );
  });
});

describe('tls.sh', () => {
  const machine = newMachine();

  it('creates the TLS Secret the Ingress names and prints the values to commit', () => {
    const result = machine.run(['todo.local'], {}, 'machine', 'tls.sh');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(machine.calls().find((call) => call.includes('create secret tls'))).toMatch(
      /-n todo-dev create secret tls chatbot-tls --cert=\S+\/tls\.crt --key=\S+\/tls\.key/,
    );
    expect(result.stdout).toContain('192.168.49.2 todo.local');
    expect(result.stdout).toContain('publicUrl: "https://todo.local"');
  });

  it('refuses a host that is not a DNS name', () => {
    const result = machine.run(['https://todo.local/'], {}, 'machine', 'tls.sh');
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Usage: bootstrap\/tls\.sh <host>/);
  });
});
