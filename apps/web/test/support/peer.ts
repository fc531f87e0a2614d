import { request } from 'node:http';

export interface PeerResponse {
  status: number;
  body: string;
  setCookie: string[];
}

/**
 * A POST from a given local address (127.0.0.0/8 is all loopback on Linux): the web server sees a
 * connecting peer of `localAddress`, as it would see a different client.
 */
export function postFrom(
  localAddress: string,
  url: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<PeerResponse> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, {
      method: 'POST',
      localAddress,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
        origin: new URL(url).origin,
        ...headers,
      },
    });
    outgoing.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: text, setCookie: response.headers['set-cookie'] ?? [] }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}
