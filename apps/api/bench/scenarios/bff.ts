import { randomUUID } from 'node:crypto';
import { startApi } from '../support/api.js';
import { chatClient } from '../support/chat-turn.js';
import { measure } from '../support/load.js';
import { modelTimeByKey, startModel } from '../support/model.js';
import { freePort, startServer, WEB_ENTRY } from '../support/processes.js';
import { summarise } from '../support/report.js';
import { scoped } from '../support/scoped.js';
import { procUsage } from '../support/usage.js';
import type { Scenario } from './context.js';

/** Signs a new user up through the web (better-auth) and returns the session's Cookie header. */
async function signUp(webUrl: string): Promise<string> {
  const response = await fetch(`${webUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: webUrl },
    body: JSON.stringify({ name: 'bench', email: `bench-${randomUUID()}@example.test`, password: randomUUID() }),
  });
  if (!response.ok) throw new Error(`sign-up: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/**
 * The browser's path: a signed-in user's agent turns through the web's BFF (session → JWT → api),
 * web and api as built for production, the api trusting the web's JWKS.
 */
export const bffTurns: Scenario['run'] = (context, { name, plan, modelMs }) =>
  scoped(async (defer) => {
    const model = await startModel(modelMs);
    defer(() => model.close());
    const webUrl = `http://127.0.0.1:${await freePort()}`;
    const jwksUrl = `${webUrl}/api/auth/jwks`;
    const api = await startApi({
      databaseUrl: context.databaseUrl,
      issuer: webUrl,
      jwksUrl,
      audience: webUrl,
      modelUrl: model.baseUrl,
    });
    defer(() => api.stop());
    const web = await startServer(
      WEB_ENTRY,
      {
        NODE_ENV: 'production',
        PORT: new URL(webUrl).port,
        HOSTNAME: '127.0.0.1',
        DATABASE_URL: context.databaseUrl,
        BETTER_AUTH_URL: webUrl,
        BETTER_AUTH_SECRET: randomUUID() + randomUUID(),
        API_URL: api.url,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      `${webUrl}/api/ready`,
      process.env.BENCH_WEB_NODE_OPTIONS,
    );
    defer(() => web.stop());
    const headers = { cookie: await signUp(webUrl), origin: webUrl };
    const measured = await measure(
      plan,
      async (i) => chatClient(`${webUrl}/api/chat/stream`, headers, `${name} ${i}`),
      {
        server: api.usage,
        web: procUsage(web.pid),
      },
    );
    return summarise(name, plan.clients, modelMs, measured, modelTimeByKey(model));
  });
