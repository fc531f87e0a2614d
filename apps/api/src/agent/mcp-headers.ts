import type { AuthenticatedUser } from '../auth/auth.types.js';
import { CHAT_TURN_HEADER } from '../mcp/mcp.controller.js';

/** The headers with which the agent calls the MCP endpoint: the user's own token, and the turn. */
export function mcpHeaders(user: AuthenticatedUser, turnKey: string): Record<string, string> {
  return { authorization: `Bearer ${user.token}`, [CHAT_TURN_HEADER]: turnKey };
}
