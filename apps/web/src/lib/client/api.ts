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

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
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
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
