import { TEST_AUDIENCE, TEST_ISSUER } from '../../test/support/auth.js';
import { chatClient } from '../support/chat-turn.js';
import { measure } from '../support/load.js';
import { modelTimeByKey, startModel } from '../support/model.js';
import { FLOOR_ENTRIES, freePort, startServer } from '../support/processes.js';
import { summarise } from '../support/report.js';
import { scoped } from '../support/scoped.js';
import { jsonUsage } from '../support/usage.js';
import { bearer, type Scenario } from './context.js';

/** A floor comparator (floor/*-server.ts) under the same turns as the agent scenario. */
export const floorTurns =
  (kind: keyof typeof FLOOR_ENTRIES): Scenario['run'] =>
  (context, { name, plan, modelMs }) =>
    scoped(async (defer) => {
      const model = await startModel(modelMs);
      defer(() => model.close());
      const url = `http://127.0.0.1:${await freePort()}`;
      const env = {
        PORT: new URL(url).port,
        DATABASE_URL: context.databaseUrl,
        AUTH_JWKS_URL: context.issuer.jwksUrl,
        AUTH_ISSUER: TEST_ISSUER,
        AUTH_AUDIENCE: TEST_AUDIENCE,
        LLM_BASE_URL: model.baseUrl,
      };
      const floor = await startServer(FLOOR_ENTRIES[kind], env, `${url}/ready`);
      defer(() => floor.stop());
      const measured = await measure(
        plan,
        async (i) => chatClient(`${url}/api/chat/stream`, await bearer(context, `${name}-${i}`), `${name} ${i}`),
        { server: jsonUsage(`${url}/usage`) },
      );
      return summarise(name, plan.clients, modelMs, measured, modelTimeByKey(model));
    });
