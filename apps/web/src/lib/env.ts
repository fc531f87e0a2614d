/**
 * The web server's configuration, read when first needed (never at build time: one image serves
 * every environment). Names match the README's configuration tables.
 */
import { requireSetting } from '@todo-chatbot/api/config-error';
import { API_PORT } from '@todo-chatbot/api/contracts';

const required = (name: string, what: string): string => requireSetting(process.env[name], name, what);

export interface WebEnv {
  databaseUrl: string;
  authSecret: string;
  /** The public URL of this web app: better-auth's base URL and the JWT issuer and audience. */
  authUrl: string;
  /** Where the web server reaches the api (in-cluster); the browser never does. */
  apiUrl: string;
  /** More origins allowed to change state (BETTER_AUTH_TRUSTED_ORIGINS, comma-separated, `*` wildcards). */
  trustedOrigins: string[];
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

let cached: WebEnv | undefined;

export function webEnv(): WebEnv {
  cached ??= {
    databaseUrl: required('DATABASE_URL', 'the PostgreSQL connection URL'),
    authSecret: required('BETTER_AUTH_SECRET', 'a random string of at least 32 characters'),
    authUrl: required('BETTER_AUTH_URL', "this web app's public URL, e.g. http://localhost:3000"),
    apiUrl: required('API_URL', `the api's URL, e.g. http://localhost:${API_PORT}`).replace(/\/$/, ''),
    trustedOrigins: list(process.env.BETTER_AUTH_TRUSTED_ORIGINS),
  };
  return cached;
}
