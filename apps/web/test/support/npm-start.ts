import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterHome } from '@todo-chatbot/api/embedded-postgres';
import { freePort } from '@todo-chatbot/api/free-port';
import { postmasterPid, processTree } from '@todo-chatbot/testing/os-processes';
import { spawnNode, type ApiProcess, type Exited } from '@todo-chatbot/testing/processes';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** What `npm start` runs (npm adds only itself in front). */
export const START_SCRIPT = `${ROOT}scripts/start.ts`;
const READY_TIMEOUT_MS = 120_000;

export interface StartedApp {
  process: ApiProcess;
  webUrl: string;
  dataHome: string;
  /** PGDATA of the embedded server, as `npm start` printed it. */
  dataDir: string;
  /** The postmaster's process id. */
  postmaster: number;
  /** `npm start`'s process and everything it started (apps and database), right now. */
  processes(): number[];
  /** A URL to the embedded server, for checks behind the app's back. */
  databaseUrl(): string;
  stop(signal?: NodeJS.Signals): Promise<Exited>;
}

/**
 * `npm start` as a user runs it — scripts/start.ts with no DATABASE_URL, so on the embedded PostgreSQL —
 * with its data in `dataHome` and on free ports. Resolves once it printed that it is running.
 */
export async function npmStart(dataHome: string): Promise<StartedApp> {
  const [webPort, apiPort] = [await freePort(), await freePort()];
  // The visitors stand behind a local proxy: their X-Forwarded-For is believed.
  const started = spawnNode(START_SCRIPT, {
    DATA_DIR: dataHome,
    WEB_PORT: String(webPort),
    API_PORT: String(apiPort),
    HOME: process.env.HOME,
    TRUSTED_PROXIES: '127.0.0.1,::1',
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let dataDir: string | undefined;
  while (!dataDir) {
    if (started.child.exitCode !== null)
      throw new Error(`npm start exited (${started.child.exitCode}):\n${started.output()}`);
    if (Date.now() > deadline) {
      started.child.kill('SIGKILL');
      throw new Error(`npm start did not say it is running within ${READY_TIMEOUT_MS} ms:\n${started.output()}`);
    }
    dataDir = /todo-chatbot is running at .*data in (\S+)\)/.exec(started.output())?.[1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const postmaster = postmasterPid(dataDir);
  return {
    process: started,
    webUrl: `http://localhost:${webPort}`,
    dataHome,
    dataDir,
    postmaster,
    processes: () => [...new Set([...processTree(started.child.pid!), ...processTree(postmaster)])],
    databaseUrl: () => {
      const home = clusterHome(dataHome);
      const password = readFileSync(join(home, 'postgres.password'), 'utf8').trim();
      const port = readFileSync(join(dataDir!, 'postmaster.pid'), 'utf8').split('\n')[3];
      return `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
    },
    async stop(signal = 'SIGINT') {
      if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill(signal);
      return started.exited;
    },
  };
}

/** A visitor of the web app with a session cookie, as a browser would hold it. */
export interface Visitor {
  email: string;
  cookie: string;
  /** Each visitor comes from an address of its own: better-auth limits sign-ups per address. */
  address: string;
}

let addresses = 0;

export async function signUp(webUrl: string, email: string, password: string): Promise<Visitor> {
  addresses += 1;
  const address = `198.51.100.${addresses}`;
  const response = await fetch(`${webUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: webUrl, 'x-forwarded-for': address },
    body: JSON.stringify({ email, password, name: email.split('@')[0] }),
  });
  if (response.status !== 200) throw new Error(`sign-up of ${email}: ${response.status} ${await response.text()}`);
  return { email, cookie: sessionCookie(response), address };
}

export async function signIn(webUrl: string, email: string, password: string): Promise<Response> {
  addresses += 1;
  return fetch(`${webUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: webUrl, 'x-forwarded-for': `198.51.100.${addresses}` },
    body: JSON.stringify({ email, password }),
  });
}

export function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('better-auth.session_token='));
  if (!cookie) throw new Error('no session cookie in the answer');
  return cookie.split(';')[0]!;
}

/** A BFF call as the signed-in page makes it. */
export function call(webUrl: string, cookie: string, path: string, body?: object): Promise<Response> {
  return fetch(`${webUrl}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { cookie, ...(body ? { 'content-type': 'application/json', origin: webUrl } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}
