/** A fake Kubernetes API server: fixed JSON per path (query ignored), Status 404 for anything else. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Routes = Record<string, unknown>;

export interface FakeCluster {
  kubeconfig: string;
  requests: string[];
  close(): Promise<void>;
}

export function kubeconfigFor(server: string, namespace = 'todo'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'chatbot-ops-')), 'kubeconfig');
  // client-node 2 refuses plain http unless TLS verification is (vacuously) skipped.
  writeFileSync(
    path,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'fake', cluster: { server, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'fake', user: { token: 'fake-token' } }],
      contexts: [{ name: 'fake', context: { cluster: 'fake', user: 'fake', namespace } }],
      'current-context': 'fake',
    }),
  );
  return path;
}

export async function startFakeCluster(routes: Routes): Promise<FakeCluster> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    requests.push(path);
    const body = routes[path];
    res.setHeader('content-type', 'application/json');
    if (body === undefined) {
      res.statusCode = 404;
      res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 }));
      return;
    }
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    kubeconfig: kubeconfigFor(`http://127.0.0.1:${port}`),
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
