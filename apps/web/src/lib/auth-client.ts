'use client';

import { createAuthClient } from 'better-auth/react';

/** better-auth in the browser: same origin, so no URL is baked into the bundle. */
export const authClient = createAuthClient();
