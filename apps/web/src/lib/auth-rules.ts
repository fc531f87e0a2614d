import { APIError } from 'better-auth/api';
import { COMMON_PASSWORDS } from './common-passwords';

export const MAX_NAME_LENGTH = 100;
/** RFC 5321's limit on a whole address. */
export const MAX_EMAIL_LENGTH = 254;
export const MIN_PASSWORD_LENGTH = 10;

function tooLong(field: string, value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length > max ? `${field} must be at most ${max} characters` : null;
}

/** Why a new password is refused, or null: at least 10 characters and not one of the most common. */
export function passwordProblem(password: unknown): string | null {
  if (typeof password !== 'string') return null;
  if (password.length < MIN_PASSWORD_LENGTH) return `the password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (COMMON_PASSWORDS.has(password.toLowerCase()))
    return 'this password is one of the most common ones; choose another';
  return null;
}

/** The body field holding a new password, per better-auth route. */
const NEW_PASSWORD_FIELD: Record<string, string> = {
  '/sign-up/email': 'password',
  '/change-password': 'newPassword',
  '/reset-password': 'newPassword',
};

/** Part of better-auth's `before` hook: what sign-up, profile and password changes accept; a 400 with a sentence otherwise. */
export function validateAccountInput(ctx: { path?: string; body?: unknown }): void {
  const path = ctx.path ?? '';
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const passwordField = NEW_PASSWORD_FIELD[path];
  const problem =
    path === '/sign-up/email' || path === '/update-user'
      ? (tooLong('name', body.name, MAX_NAME_LENGTH) ??
        tooLong('email', body.email, MAX_EMAIL_LENGTH) ??
        (passwordField ? passwordProblem(body[passwordField]) : null))
      : passwordField
        ? passwordProblem(body[passwordField])
        : null;
  if (problem) throw new APIError('BAD_REQUEST', { message: problem });
}
