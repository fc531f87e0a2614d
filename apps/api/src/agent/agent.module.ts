import { Module } from '@nestjs/common';
import { setTracingDisabled } from '@openai/agents';
import { APP_CONFIG, type AppConfig } from '../common/config.js';
import { McpModule } from '../mcp/mcp.module.js';
import { ToolSessions } from '../mcp/tool-sessions.service.js';
import { CHAT_ENGINE, type ChatEngine } from './chat-engine.js';
import { OfflineChatEngine } from './offline.engine.js';
import { OpenAiAgentEngine } from './openai-agent.engine.js';

/** With an LLM key or base URL: the @openai/agents agent; with neither: the offline engine. */
function createChatEngine(config: AppConfig, toolSessions: ToolSessions): ChatEngine {
  if (!config.llm) return new OfflineChatEngine(toolSessions);
  // Traces go to OpenAI's platform: only meaningful with an OpenAI key and OpenAI's own endpoint.
  setTracingDisabled(Boolean(config.llm.baseUrl) || !config.llm.apiKey);
  return new OpenAiAgentEngine(config.llm, toolSessions);
}

@Module({
  imports: [McpModule],
  providers: [{ provide: CHAT_ENGINE, inject: [APP_CONFIG, ToolSessions], useFactory: createChatEngine }],
  exports: [CHAT_ENGINE],
})
export class AgentModule {}
