import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TEST_ISSUER = 'http://localhost:3000';
export const TEST_AUDIENCE = 'http://localhost:3000';

type Algorithm = 'EdDSA' | 'ES256' | 'RS256';

interface SigningKey {
  alg: Algorithm;
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(alg: Algorithm): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = randomUUID();
  return { alg, kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg } };
}

export interface TokenOptions {
  alg?: Algorithm;
  issuer?: string;
  audience?: string;
  expiresIn?: string | number;
  /** Sign with a key the JWKS does not publish. */
  foreignKey?: boolean;
  withoutSubject?: boolean;
  withoutExpiry?: boolean;
  withoutIssuedAt?: boolean;
  /** `iat` in seconds since the epoch (default now). */
  issuedAt?: number;
}

/** Stands in for web's better-auth: publishes a JWKS over HTTP and signs tokens with its keys. */
export class TestIssuer {
  private constructor(
    private readonly server: Server,
    private readonly keys: Map<Algorithm, SigningKey>,
    private readonly foreign: SigningKey,
  ) {}

  static async start(): Promise<TestIssuer> {
    const keys = new Map<Algorithm, SigningKey>();
    for (const alg of ['EdDSA', 'ES256', 'RS256'] as const) keys.set(alg, await signingKey(alg));
    const body = JSON.stringify({ keys: [...keys.values()].map((key) => key.jwk) });
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new TestIssuer(server, keys, await signingKey('EdDSA'));
  }

  get jwksUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/auth/jwks`;
  }

  async token(sub: string, options: TokenOptions = {}): Promise<string> {
    const key = options.foreignKey ? this.foreign : this.keys.get(options.alg ?? 'EdDSA')!;
    const jwt = new SignJWT({ email: `${sub}@example.test` }).setProtectedHeader({ alg: key.alg, kid: key.kid });
    if (!options.withoutSubject) jwt.setSubject(sub);
    jwt.setIssuer(options.issuer ?? TEST_ISSUER).setAudience(options.audience ?? TEST_AUDIENCE);
    if (!options.withoutIssuedAt) jwt.setIssuedAt(options.issuedAt);
    // Within the api's 5-minute cap on token lifetime (the BFF mints 60 s tokens; a test may run longer).
    if (!options.withoutExpiry) jwt.setExpirationTime(options.expiresIn ?? '4m');
    return jwt.sign(key.privateKey);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
