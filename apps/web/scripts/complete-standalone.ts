/**
 * `next build` leaves static assets out of the standalone server (a CDN may serve them); this app
 * serves them itself, so they are copied in, as the Dockerfile does. Next's server.js becomes
 * next-server.js behind our entry (server/entry.js), which fixes the client address first.
 */
import { cpSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../', import.meta.url));
const SERVER_DIR = `${WEB}.next/standalone/apps/web`;

cpSync(`${WEB}.next/static`, `${SERVER_DIR}/.next/static`, { recursive: true });
if (existsSync(`${WEB}public`)) cpSync(`${WEB}public`, `${SERVER_DIR}/public`, { recursive: true });
if (readFileSync(`${SERVER_DIR}/server.js`, 'utf8').includes('startServer'))
  renameSync(`${SERVER_DIR}/server.js`, `${SERVER_DIR}/next-server.js`);
cpSync(`${WEB}server/client-address.js`, `${SERVER_DIR}/client-address.js`);
cpSync(`${WEB}server/entry.js`, `${SERVER_DIR}/server.js`);
