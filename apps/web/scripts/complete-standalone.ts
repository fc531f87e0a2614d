/**
 * `next build` leaves static assets out of the standalone server (a CDN may serve them); this app
 * serves them itself, so they are copied in, as the Dockerfile does.
 */
import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../', import.meta.url));
const SERVER_DIR = `${WEB}.next/standalone/apps/web`;

cpSync(`${WEB}.next/static`, `${SERVER_DIR}/.next/static`, { recursive: true });
if (existsSync(`${WEB}public`)) cpSync(`${WEB}public`, `${SERVER_DIR}/public`, { recursive: true });
