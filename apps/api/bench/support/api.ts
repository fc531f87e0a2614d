import { freePort, type Server, startServer, API_ENTRY } from './processes.js';
import { prometheusUsage, type UsageReader } from './usage.js';

export interface ApiOptions {
  databaseUrl: string;
  /** The JWT issuer's public URL (BETTER_AUTH_URL), its JWKS and the audience. */
  issuer: string;
  jwksUrl: string;
  audience: string;
  /** The mock model's base URL; without it the api runs its offline engine. */
  modelUrl?: string;
}

export interface Api extends Server {
  url: string;
  usage: UsageReader;
}

/**
 * The built api (dist/main.js) as production runs it (NODE_ENV=production, default log level), with
 * its metrics on a port of its own. BENCH_API_NODE_OPTIONS reaches its node, e.g. to profile it.
 */
export async function startApi(options: ApiOptions): Promise<Api> {
  const [port, metricsPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const env = {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    METRICS_PORT: String(metricsPort),
    DATABASE_URL: options.databaseUrl,
    BETTER_AUTH_URL: options.issuer,
    AUTH_JWKS_URL: options.jwksUrl,
    AUTH_AUDIENCE: options.audience,
    ...(options.modelUrl ? { LLM_BASE_URL: options.modelUrl, LLM_MODEL: 'mock-model' } : {}),
  };
  const server = await startServer(API_ENTRY, env, `${url}/ready`, process.env.BENCH_API_NODE_OPTIONS);
  return { ...server, url, usage: prometheusUsage(`http://127.0.0.1:${metricsPort}/metrics`) };
}
