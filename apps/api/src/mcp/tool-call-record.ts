import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ToolName } from './tool-contract.js';

/** A tool call as stored with an assistant message and returned by the chat endpoint. */
export interface ToolCallRecord {
  name: ToolName;
  arguments: Record<string, unknown>;
  /** The tool's structured content, or its error sentence ("You have no task 42."). */
  result: unknown;
  is_error: boolean;
}

/** The first text part of a result: where MCP tools put their error sentence. */
function firstText(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : 'the tool failed';
}

/** The record of one MCP tool call, from its full result; both chat engines make theirs here. */
export function toolCallRecord(name: ToolName, args: Record<string, unknown>, result: CallToolResult): ToolCallRecord {
  const isError = result.isError === true;
  return { name, arguments: args, result: isError ? firstText(result) : result.structuredContent, is_error: isError };
}
