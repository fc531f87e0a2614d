/** The one error vocabulary of this server's own answers: `{statusCode, message}` with a sentence. */
export function jsonError(status: number, message: string, headers?: HeadersInit): Response {
  return Response.json({ statusCode: status, message }, { status, headers });
}
