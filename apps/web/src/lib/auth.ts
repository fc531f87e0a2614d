import { betterAuth } from 'better-auth';
import { nextCookies } from 'better-auth/next-js';
import { jwt } from 'better-auth/plugins';
import { databasePool } from './database';
import { webEnv } from './env';

/** Short-lived: the web server mints a fresh one for each api call it forwards. */
const JWT_LIFETIME = '15m';

function createAuth() {
  const env = webEnv();
  return betterAuth({
    database: databasePool(),
    baseURL: env.authUrl,
    secret: env.authSecret,
    emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
    plugins: [
      jwt({ jwt: { issuer: env.authUrl, audience: env.authUrl, expirationTime: JWT_LIFETIME } }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
let instance: Auth | undefined;

/** better-auth, created on first use so that `next build` needs no database or secret. */
export function getAuth(): Auth {
  instance ??= createAuth();
  return instance;
}
