import { betterAuth } from 'better-auth';
import { nextCookies } from 'better-auth/next-js';
import { createAuthMiddleware } from 'better-auth/api';
import { jwt } from 'better-auth/plugins';
import { deleteApiData } from './account-data';
import { MIN_PASSWORD_LENGTH, validateAccountInput } from './auth-rules';
import { countFailedSignIn, refuseLockedSignIn, type HookContext } from './sign-in-limits';
import { databasePool } from './database';
import { webEnv } from './env';

/**
 * Short-lived, so that signing out takes effect at the api within a minute: the web server mints one
 * for each api call it forwards. Minimal claims (sub, iss, aud, iat, exp): no name or email.
 */
const JWT_LIFETIME = '60s';

function createAuth() {
  const env = webEnv();
  return betterAuth({
    database: databasePool(),
    baseURL: env.authUrl,
    trustedOrigins: env.trustedOrigins,
    secret: env.authSecret,
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, autoSignIn: true },
    user: {
      // Deleting the account deletes the user's data at the api first: if that fails, the user stays.
      deleteUser: {
        enabled: true,
        beforeDelete: async (user) => {
          const payload = { iat: Math.floor(Date.now() / 1000), sub: user.id };
          const { token } = await getAuth().api.signJWT({ body: { payload } });
          await deleteApiData(token);
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        validateAccountInput(ctx);
        refuseLockedSignIn(ctx as HookContext);
      }),
      after: createAuthMiddleware(async (ctx) => countFailedSignIn(ctx as HookContext)),
    },
    // Per client address: X-Forwarded-For as server/client-address.js rewrote it (TRUSTED_PROXIES).
    // Secure cookies whenever the public URL is https (behind a TLS-terminating ingress too).
    advanced: {
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
      useSecureCookies: env.authUrl.startsWith('https:'),
    },
    rateLimit: {
      enabled: true,
      customRules: { '/sign-in/email': { window: 60, max: 10 }, '/sign-up/email': { window: 60, max: 5 } },
    },
    plugins: [
      jwt({
        jwt: { issuer: env.authUrl, audience: env.authUrl, expirationTime: JWT_LIFETIME, definePayload: () => ({}) },
      }),
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
