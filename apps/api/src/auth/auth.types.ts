import type { Request } from 'express';

/** The caller, as the verified JWT says: `id` is its `sub`. */
export interface AuthenticatedUser {
  id: string;
}

export interface AuthenticatedRequest extends Request {
  user: AuthenticatedUser;
}
