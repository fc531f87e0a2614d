import type { Request } from 'express';

export interface AuthenticatedUser {
  id: string;
  /** The bearer token, forwarded by the agent to the MCP endpoint so its tools act as the same user. */
  token: string;
}

export interface AuthenticatedRequest extends Request {
  user: AuthenticatedUser;
}
