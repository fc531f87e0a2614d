import { startApi } from '../support/api.js';
import { chatClient } from '../support/chat-turn.js';
import { measure } from '../support/load.js';
import { modelTimeByKey, startModel } from '../support/model.js';
import { summarise } from '../support/report.js';
import { scoped } from '../support/scoped.js';
import { apiOptions, bearer, type Scenario } from './context.js';

/** Agent turns straight at the api (@openai/agents against the mock model): one add_task call, one reply. */
export const agentTurns: Scenario['run'] = (context, { name, plan, modelMs }) =>
  scoped(async (defer) => {
    const model = await startModel(modelMs);
    defer(() => model.close());
    const api = await startApi({ ...apiOptions(context), modelUrl: model.baseUrl });
    defer(() => api.stop());
    const measured = await measure(
      plan,
      async (i) => chatClient(`${api.url}/api/chat/stream`, await bearer(context, `${name}-${i}`), `${name} ${i}`),
      { server: api.usage },
    );
    return summarise(name, plan.clients, modelMs, measured, modelTimeByKey(model));
  });
