import { startApi } from '../support/api.js';
import { type Client, measure } from '../support/load.js';
import { summarise } from '../support/report.js';
import { scoped } from '../support/scoped.js';
import { apiOptions, bearer, type Scenario } from './context.js';

const TASKS = 50;

/** `GET /api/tasks` of a user with 50 tasks, by concurrent clients of that user. */
export const taskLists: Scenario['run'] = (context, { name, plan }) =>
  scoped(async (defer) => {
    const api = await startApi(apiOptions(context));
    defer(() => api.stop());
    const headers = await bearer(context, name);
    for (let i = 0; i < TASKS; i += 1) {
      const created = await fetch(`${api.url}/api/tasks`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `bench task ${i}`, priority: 'medium', tags: ['bench'] }),
      });
      if (created.status !== 201) throw new Error(`creating a task: ${created.status} ${await created.text()}`);
    }
    const client: Client = async (turn) => {
      const key = `list ${turn}`;
      const started = performance.now();
      try {
        const response = await fetch(`${api.url}/api/tasks`, { headers });
        const body = await response.text();
        const ok = response.status === 200 && (JSON.parse(body) as unknown[]).length === TASKS;
        return { key, latencyMs: performance.now() - started, ok, error: `${response.status} ${body.slice(0, 300)}` };
      } catch (error) {
        return { key, latencyMs: performance.now() - started, ok: false, error: String(error) };
      }
    };
    const measured = await measure(plan, async () => client, { server: api.usage });
    return summarise(name, plan.clients, 0, measured);
  });
