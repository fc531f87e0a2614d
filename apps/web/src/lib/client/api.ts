/** Typed fetch for the same-origin BFF (`/api/...`); the api's errors are JSON {statusCode, message}. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

/**
 * The api's sentence (a string or a list of validation messages) and the request's id (X-Request-Id),
 * which the user can quote: "title: … (request id 3f2a…)". Anything else becomes a generic sentence.
 */
export async function errorFrom(response: Response): Promise<ApiError> {
  let message = `Request failed (${response.status})`;
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string') message = body.message;
    else if (Array.isArray(body.message)) message = body.message.join('; ');
  } catch {
    // Not JSON: keep the generic message.
  }
  const requestId = response.headers.get('x-request-id') ?? undefined;
  return new ApiError(response.status, requestId ? `${message} (request id ${requestId})` : message, requestId);
}

/** Every call to the BFF: JSON in and out, and the api's error as an ApiError (a 304 is an answer, not one). */
async function send(path: string, init: RequestInit & { json?: unknown }): Promise<Response> {
  const { json, headers, ...rest } = init;
  const response = await fetch(path, {
    ...rest,
    headers: {
      accept: 'application/json',
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
  if (!response.ok && response.status !== 304) throw await errorFrom(response);
  return response;
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const response = await send(path, init);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * A GET of `path` unless the copy named by `etag` is still current: then the api answers 304 and this
 * returns null; otherwise the new body and its ETag.
 */
export async function revalidate<T>(
  path: string,
  etag: string | null,
  signal?: AbortSignal,
): Promise<{ body: T; etag: string | null } | null> {
  const response = await send(path, { signal, headers: etag ? { 'if-none-match': etag } : {} });
  if (response.status === 304) return null;
  return { body: (await response.json()) as T, etag: response.headers.get('etag') };
}
