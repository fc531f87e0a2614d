import { startApi } from '../support/api.js';
import { chatClient } from '../support/chat-turn.js';
import { measure } from '../support/load.js';
import { summarise } from '../support/report.js';
import { scoped } from '../support/scoped.js';
import { apiOptions, bearer, type Scenario } from './context.js';

/** Turns of the offline (rule-based) engine: the api without a model adds the task itself. */
export const offlineTurns: Scenario['run'] = (context, { name, plan }) =>
  scoped(async (defer) => {
    const api = await startApi(apiOptions(context));
    defer(() => api.stop());
    const measured = await measure(
      plan,
      async (i) => chatClient(`${api.url}/api/chat/stream`, await bearer(context, `${name}-${i}`), `${name} ${i}`),
      { server: api.usage },
    );
    return summarise(name, plan.clients, 0, measured);
  });
