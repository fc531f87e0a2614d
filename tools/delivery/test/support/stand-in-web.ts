/**
 * A stand-in for the web app, as the smoke client sees it: sign-up/sign-in with an Origin check, a chat
 * turn that adds the task it names, the task list, /api/health. `faults` switches misbehaviour on.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';

/** The public URL better-auth accepts as Origin. */
export const ORIGIN = 'http://localhost:30080';

export function standInWebApp(faults: { forgetTasks?: boolean; emptyReply?: boolean } = {}) {
  const users = new Map<string, { password: string; tasks: string[] }>();
  const sessions = new Map<string, string>();
  const send = (res: ServerResponse, status: number, body: unknown, cookie?: string) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      ...(cookie ? { 'set-cookie': `session=${cookie}; Path=/; HttpOnly` } : {}),
    });
    res.end(JSON.stringify(body));
  };
  return createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, string>) : {};
      const user = sessions.get(/session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1] ?? '');
      if (req.url === '/api/health') return send(res, 200, { status: 'ok' });
      if (req.url?.startsWith('/api/auth/')) {
        if (req.headers.origin !== ORIGIN) return send(res, 403, { message: 'Invalid origin' });
        const known = users.get(body.email!);
        if (req.url.endsWith('/sign-up/email')) users.set(body.email!, { password: body.password!, tasks: [] });
        else if (known?.password !== body.password) return send(res, 401, { message: 'Invalid email or password' });
        const session = crypto.randomUUID();
        sessions.set(session, body.email!);
        return send(res, 200, { token: session }, session);
      }
      if (!user) return send(res, 401, { message: 'sign in first' });
      const tasks = users.get(user)!.tasks;
      if (req.url === '/api/chat') {
        const title = /add a task to (.*)/.exec(body.message ?? '')?.[1] ?? '';
        tasks.push(title.charAt(0).toUpperCase() + title.slice(1));
        return send(res, 200, {
          response: faults.emptyReply ? '' : `Added task ${tasks.length}: "${title}"`,
          tool_calls: [],
        });
      }
      if (req.url === '/api/tasks') {
        const listed = faults.forgetTasks ? [] : tasks.map((title) => ({ title }));
        return send(res, 200, listed);
      }
      send(res, 404, {});
    });
  });
}
