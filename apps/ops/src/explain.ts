/** `--explain`: a short summary of a report from an @openai/agents agent, when a model is configured. */
import type { LlmSettings } from '@todo-chatbot/api/llm-settings';

export const NO_MODEL = 'no model configured (set OPENAI_API_KEY or LLM_BASE_URL) — skipping the explanation';

const INSTRUCTIONS =
  'You are a Kubernetes SRE. Given a JSON report about one namespace, explain in at most 6 short sentences ' +
  'what is wrong (or that nothing is), the likely cause, and the next kubectl command to run. ' +
  'Use only facts from the report.';

export async function explain(report: unknown, settings: LlmSettings): Promise<string> {
  // Loaded only when asked for, so plain health checks start fast.
  const { Agent, OpenAIChatCompletionsModel, run, setTracingDisabled } = await import('@openai/agents');
  const { default: OpenAI } = await import('openai');
  // A one-shot CLI should not upload traces on exit.
  setTracingDisabled(true);
  const client = new OpenAI({ apiKey: settings.apiKey ?? 'not-needed', baseURL: settings.baseUrl, maxRetries: 1 });
  const agent = new Agent({
    name: 'Cluster ops explainer',
    instructions: INSTRUCTIONS,
    model: new OpenAIChatCompletionsModel(client, settings.model),
  });
  const result = await run(agent, JSON.stringify(report), { maxTurns: 1 });
  return String(result.finalOutput ?? '').trim();
}
