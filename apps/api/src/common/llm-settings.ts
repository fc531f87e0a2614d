/** The model the agent runs on. Shared with the ops CLI (`@todo-chatbot/api/llm-settings`): the same variables. */
export interface LlmSettings {
  apiKey?: string;
  baseUrl?: string;
  model: string;
}

export const DEFAULT_LLM_MODEL = 'gpt-4.1-mini';

type LlmVariables = Partial<Record<'OPENAI_API_KEY' | 'LLM_BASE_URL' | 'LLM_MODEL', string>>;

/**
 * From OPENAI_API_KEY, LLM_BASE_URL and LLM_MODEL; null when neither a key nor a base URL is set (no
 * model: the api answers with its offline engine). An empty variable counts as unset, as for a shell.
 */
export function llmSettingsFrom(env: LlmVariables): LlmSettings | null {
  const apiKey = env.OPENAI_API_KEY || undefined;
  const baseUrl = env.LLM_BASE_URL || undefined;
  if (!apiKey && !baseUrl) return null;
  return { apiKey, baseUrl, model: env.LLM_MODEL || DEFAULT_LLM_MODEL };
}
