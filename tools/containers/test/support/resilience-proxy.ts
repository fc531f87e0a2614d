import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An upstream on the host; `port` changes when its container is started again. */
export interface Backend {
  container: string;
  port: number;
}

/**
 * A round-robin load balancer in front of the api containers: each request goes to the next backend,
 * dead or alive. It never retries (a dead backend gives the client a 502 or a reset), so recovery is
 * the client's job, as it is behind a real ingress that cannot replay a POST.
 */
export class RoundRobinProxy {
  private next = 0;

  private constructor(
    private readonly server: Server,
    readonly backends: Backend[],
  ) {}

  static async start(backends: Backend[]): Promise<RoundRobinProxy> {
    let proxy: RoundRobinProxy | undefined;
    const server = createServer((incoming, outgoing) => {
      const backend = proxy!.pick();
      // agent: false: a fresh connection per request, so no pooled socket outlives a killed container.
      const upstream = request(
        {
          host: '127.0.0.1',
          port: backend.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
          agent: false,
        },
        (response) => {
          outgoing.writeHead(response.statusCode ?? 502, response.headers);
          response.on('error', () => outgoing.destroy());
          response.pipe(outgoing);
        },
      );
      upstream.on('error', () => (outgoing.headersSent ? outgoing.destroy() : outgoing.writeHead(502).end()));
      incoming.pipe(upstream);
    });
    proxy = new RoundRobinProxy(server, backends);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private pick(): Backend {
    return this.backends[this.next++ % this.backends.length]!;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
